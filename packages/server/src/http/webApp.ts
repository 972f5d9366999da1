// Serves the built web app (packages/web/dist) from the same origin as the API, so the
// session cookie is first-party and SameSite=Strict. Unknown non-API paths get index.html:
// the app's router handles /t/<code>, /file, /merchant, /regulator.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { PageFallback } from './errors.ts';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export interface WebAppOptions {
  /** frame-ancestors for the widget's embed pages (/embed/*); every other page refuses frames. */
  embedFrameAncestors?: (url: string) => Promise<string>;
}

const csp = (frameAncestors: string) =>
  `default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; frame-ancestors ${frameAncestors}`;

/** Registers the static files; returns a handler for app routes, or null if the app is not built. */
export async function installWebApp(app: FastifyInstance, dist = WEB_DIST, opts: WebAppOptions = {}): Promise<PageFallback | null> {
  if (!existsSync(join(dist, 'index.html'))) return null;
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    // Serve the .br/.gz files written at build time (packages/web/compress.mjs).
    preCompressed: true,
    // Our own Cache-Control (below) instead of the plugin's max-age=0.
    cacheControl: false,
    // Hashed assets never change; the shell and the service worker must always be fresh.
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const index = await readFile(join(dist, 'index.html'));
  const page = (reply: FastifyReply, frameAncestors: string) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .header('content-security-policy', csp(frameAncestors))
      .send(index);
  return (request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api/') || !request.headers.accept?.includes('text/html')) return null;
    if (request.url.startsWith('/embed/') && opts.embedFrameAncestors) {
      return opts.embedFrameAncestors(request.url).then((fa) => page(reply, fa));
    }
    return page(reply, "'none'");
  };
}
