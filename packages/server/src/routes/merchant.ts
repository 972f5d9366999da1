// The merchant's side: staff sign in, the inbox of complaints against the merchant, and
// API keys for the merchant's own systems.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { createApiKey, revokeApiKey } from '../auth/apiKeys.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { createSession } from '../auth/sessions.ts';
import { listComplaints } from '../complaints/lists.ts';
import { summary } from '../complaints/view.ts';
import { requireRole, sessionCookie } from '../http/auth.ts';
import { ListQuery, toFilter } from './listQuery.ts';

export const MerchantLoginSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

export const merchantRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/merchant/login',
      { schema: { tags: ['merchant'], summary: 'Staff sign-in', body: MerchantLoginSchema }, config: { rateLimit: { max: 10, timeWindow: '15 minutes' } } },
      async (request, reply) => {
        const [u] = await deps.db.query<{ id: string; password_hash: string; merchant_id: string; role: string; name: string }>(
          'SELECT id, password_hash, merchant_id, role, name FROM merchant_users WHERE lower(email) = lower($1) AND active',
          [request.body.email],
        );
        if (!u || !(await verifyPassword(u.password_hash, request.body.password))) throw new AppError('login_failed');
        const session = await createSession(deps, 'merchant', u.id);
        void reply.header('set-cookie', sessionCookie(session.token, session.expiresAt, deps.config.publicUrl.startsWith('https:')));
        return { token: session.token, expiresAt: session.expiresAt.toISOString(), merchantId: u.merchant_id, role: u.role, name: u.name };
      },
    );

    app.get(
      '/api/v1/merchant/complaints',
      { schema: { tags: ['merchant'], summary: 'Inbox: complaints against this merchant, soonest deadline first', querystring: ListQuery } },
      async (request) => {
        const actor = requireRole(request, 'merchant');
        const now = deps.now();
        const page = await listComplaints(deps.db, { column: 'merchant_id', value: actor.merchantId }, toFilter(request.query), now);
        return { items: page.items.map((r) => summary(r, now)), nextCursor: page.nextCursor };
      },
    );

    app.get('/api/v1/merchant/api-keys', { schema: { tags: ['merchant'], summary: 'API keys (never the key itself)' } }, async (request) => {
      const actor = requireRole(request, 'merchant');
      const rows = await deps.db.query<{ id: string; prefix: string; label: string; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }>(
        'SELECT id, prefix, label, created_at, revoked_at, last_used_at FROM api_keys WHERE merchant_id = $1 ORDER BY created_at DESC',
        [actor.merchantId],
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          prefix: r.prefix,
          label: r.label,
          createdAt: new Date(r.created_at).toISOString(),
          revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
          lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
        })),
      };
    });

    app.post(
      '/api/v1/merchant/api-keys',
      { schema: { tags: ['merchant'], summary: 'Create an API key; the key is shown only in this answer', body: z.object({ label: z.string().trim().min(1).max(100) }) } },
      async (request, reply) => {
        const actor = requireRole(request, 'merchant');
        if (!actor.userId) throw new AppError('forbidden'); // an API key cannot mint more keys
        const created = await createApiKey(deps, actor.merchantId, request.body.label);
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/api/v1/merchant/api-keys/:id',
      { schema: { tags: ['merchant'], summary: 'Revoke an API key', params: z.object({ id: z.uuid() }) } },
      async (request, reply) => {
        const actor = requireRole(request, 'merchant');
        if (!actor.userId) throw new AppError('forbidden');
        if (!(await revokeApiKey(deps, actor.merchantId, request.params.id))) throw new AppError('not_found');
        return reply.status(204).send();
      },
    );
  };
