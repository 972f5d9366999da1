// Headers every answer carries:
// - X-Content-Type-Options: nosniff, everywhere (a JSON answer is never read as a script).
// - Strict-Transport-Security on an https install (PUBLIC_URL https://), on every path.
// - Cache-Control: no-store on every API answer that does not set its own policy: most carry
//   personal data (a complaint, a phone number, a session), and none of them may be kept by a
//   shared cache or a browser's disk cache.
// - The API reference (/docs) gets a CSP of its own (Swagger UI: its scripts and styles from
//   here, inline style attributes) and refuses to be framed.
import type { FastifyInstance } from 'fastify';

const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'none'; object-src 'none'";
export const HSTS = 'max-age=31536000; includeSubDomains';

export function installSecurityHeaders(app: FastifyInstance, opts: { https: boolean }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    if (opts.https) void reply.header('strict-transport-security', HSTS);
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    if (path === '/docs' || path.startsWith('/docs/')) {
      void reply.header('content-security-policy', DOCS_CSP).header('x-frame-options', 'DENY').header('referrer-policy', 'same-origin');
    }
    return payload;
  });
}
