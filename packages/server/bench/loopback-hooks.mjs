// Module hook: when src/app.ts imports @fastify/rate-limit, give it rate-limit-loopback.mjs.
const STUB = new URL('./rate-limit-loopback.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === '@fastify/rate-limit' && context.parentURL?.endsWith('/packages/server/src/app.ts')) {
    return { url: STUB, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
