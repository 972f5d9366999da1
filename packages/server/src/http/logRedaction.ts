// What the request log keeps: the method, the path and only those query values that can never be
// personal (a page size, a state, a language…). Everything else in the query, the widget's
// signed order context (which carries the buyer's mobile number), a phone, a search, a code or a
// token, is logged as "[redacted]". The client's address is not logged either: the limits that
// need it count in the database.
import type { FastifyRequest } from 'fastify';

/** Query parameters whose values are safe to log. */
const SAFE_PARAMS = new Set(['limit', 'cursor', 'after', 'state', 'status', 'category', 'mine', 'lang', 'v', 'ruleId', 'merchant', 'merchantId', 'eventId', 'due', 'sort']);

export const REDACTED = '[redacted]';

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url
    .slice(q + 1)
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const name = eq < 0 ? p : p.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        return REDACTED;
      }
      return eq < 0 || SAFE_PARAMS.has(decoded) ? p : `${name}=${REDACTED}`;
    });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

/** The logger's view of a request (Fastify's `req` serializer). */
export function requestForLog(request: FastifyRequest): Record<string, unknown> {
  return { method: request.method, url: redactUrl(request.url), host: request.hostname };
}
