// Authentication: who is calling. A session token (consumer, merchant staff, officer) comes
// as a Bearer token or the HttpOnly cookie; a merchant API key as a Bearer token (nlk_…).
// Requests authenticated by cookie must come from our own origin (CSRF protection);
// Bearer tokens cannot be sent by another site, so they need no such check.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyScope } from '@nalish/domain';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { findApiKey } from '../auth/apiKeys.ts';
import { findSession } from '../auth/sessions.ts';
import { type Actor, hasScope } from '../access/actor.ts';

export const SESSION_COOKIE = 'nalish_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The request comes from our own pages. Browsers say so in Sec-Fetch-Site; without it the Origin
 * must be ours in scheme, host and port: the address people use (PUBLIC_URL), or this request's
 * own as the server sees it (behind a trusted proxy: X-Forwarded-Proto and -Host). An http://
 * page on our host name is another origin, and so is another port.
 */
function sameOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    const o = new URL(origin).origin;
    return o === publicOrigin || o === new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return false;
  }
}

async function actorForSession(deps: Deps, token: string): Promise<Actor | null> {
  const s = await findSession(deps, token);
  if (!s) return null;
  if (s.kind === 'consumer') return { role: 'consumer', phone: s.subject };
  if (s.kind === 'merchant') {
    const [u] = await deps.db.query<{ merchant_id: string }>('SELECT merchant_id FROM merchant_users WHERE id = $1 AND active', [s.subject]);
    return u ? { role: 'merchant', merchantId: u.merchant_id, userId: s.subject } : null;
  }
  const [o] = await deps.db.query<{ office_id: string }>('SELECT office_id FROM officers WHERE id = $1 AND active', [s.subject]);
  return o ? { role: 'officer', officerId: s.subject, officeId: o.office_id } : null;
}

export function installAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const token = auth.slice(7).trim();
      if (token.startsWith('nlk_')) {
        const key = await findApiKey(deps, token);
        if (!key) throw new AppError('unauthenticated');
        request.actor = { role: 'merchant', merchantId: key.merchantId, userId: null, apiKey: { id: key.id, scopes: key.scopes } };
        return;
      }
      request.actor = await actorForSession(deps, token);
      if (!request.actor) throw new AppError('unauthenticated');
      return;
    }
    const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (cookie) {
      request.actor = await actorForSession(deps, cookie);
      if (request.actor && !SAFE_METHODS.has(request.method) && !sameOrigin(request, publicOrigin)) throw new AppError('csrf');
    }
  });
}

/** The session token of this request (Bearer or cookie), if any. API keys are not sessions. */
export function sessionToken(request: FastifyRequest): string | null {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = auth.slice(7).trim();
    return token.startsWith('nlk_') ? null : token;
  }
  return cookieValue(request.headers.cookie, SESSION_COOKIE);
}

/** The actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

export function requireRole<R extends Actor['role']>(request: FastifyRequest, role: R): Extract<Actor, { role: R }> {
  const actor = requireActor(request);
  if (actor.role !== role) throw new AppError('forbidden');
  return actor as Extract<Actor, { role: R }>;
}

/**
 * For every route an API key can reach: the key must carry the scope (403 naming it).
 * People signed in to the portal are not limited by scopes; their role rules still apply.
 */
export function requireScope(request: FastifyRequest, scope: ApiKeyScope): Actor {
  const actor = requireActor(request);
  if (!hasScope(actor, scope)) throw new AppError('missing_scope', { scope }, { scope });
  return actor;
}

/** The actor is a merchant's API key (not a person). */
export function isApiKey(actor: Actor | null): actor is Extract<Actor, { role: 'merchant'; userId: null }> {
  return actor?.role === 'merchant' && actor.apiKey !== undefined;
}

/**
 * The session cookie. Its life is given as Max-Age (seconds from now, which the browser counts
 * by its own clock), so a phone whose clock is off by hours or days still keeps the session for
 * as long as the server does; Expires is only for browsers that ignore Max-Age.
 */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean, now: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}; Expires=${expiresAt.toUTCString()}${secure ? '; Secure' : ''}`;
}
