// The real @fastify/rate-limit with loopback on its allow list (route options keep their
// max and window; the allow list is inherited from the plugin options).
import rateLimit from '@fastify/rate-limit';

const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];

async function rateLimitLoopback(fastify, settings) {
  return rateLimit(fastify, { ...settings, allowList: LOOPBACK });
}
for (const key of Object.getOwnPropertySymbols(rateLimit)) rateLimitLoopback[key] = rateLimit[key];
rateLimitLoopback[Symbol.for('skip-override')] = true;

export default rateLimitLoopback;
