// The merchant's side: staff sign in, the inbox of complaints against the merchant, and
// API keys for the merchant's own systems. Routes an API key may call name the scope they
// need (requireScope); keys and team are for signed-in staff only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiKeyCreateSchema, type ApiKeyScope } from '@nalish/domain';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError, invalidFields } from '../errors.ts';
import { createMerchantUser } from '../admin/ops.ts';
import { breachesByRule } from '../findings/stats.ts';
import { merchantFigures } from '../stats/figures.ts';
import { createApiKey, revokeApiKey } from '../auth/apiKeys.ts';
import { randomToken } from '../auth/secrets.ts';
import { staffSignIn } from '../auth/staffSignIn.ts';
import { listComplaints } from '../complaints/lists.ts';
import { summary } from '../complaints/view.ts';
import { requireRole, requireScope, sessionCookie } from '../http/auth.ts';
import { ListQuery, toFilter } from './listQuery.ts';

export const MerchantLoginSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

export const TeamMemberCreateSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  role: z.enum(['owner', 'agent']),
  /** Given by the owner; when left out, one is made and shown once in the answer. */
  password: z.string().min(10).max(200).optional(),
});

export const TeamMemberPatchSchema = z
  .object({ active: z.boolean().optional(), role: z.enum(['owner', 'agent']).optional() })
  .refine((p) => p.active !== undefined || p.role !== undefined, { message: 'nothing_to_change' });

interface TeamRow {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'agent';
  active: boolean;
  created_at: Date;
}

const teamMember = (r: TeamRow) => ({ id: r.id, email: r.email, name: r.name, role: r.role, active: r.active, createdAt: new Date(r.created_at).toISOString() });

/** Staff signed in with a session (not an API key). */
function requireStaff(request: Parameters<typeof requireRole>[0]) {
  const actor = requireRole(request, 'merchant');
  if (!actor.userId) throw new AppError('forbidden');
  return { merchantId: actor.merchantId, userId: actor.userId };
}

interface ApiKeyRow {
  id: string;
  prefix: string;
  label: string;
  scopes: ApiKeyScope[];
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const apiKey = (r: ApiKeyRow) => ({
  id: r.id,
  prefix: r.prefix,
  label: r.label,
  scopes: r.scopes,
  createdAt: iso(r.created_at)!,
  revokedAt: iso(r.revoked_at),
  lastUsedAt: iso(r.last_used_at),
});

export const merchantRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    /** A signed-in owner (a session, never an API key). */
    const requireOwner = async (request: Parameters<typeof requireRole>[0]) => {
      const actor = requireStaff(request);
      const [me] = await deps.db.query<{ role: string }>('SELECT role FROM merchant_users WHERE id = $1 AND active', [actor.userId]);
      if (me?.role !== 'owner') throw new AppError('forbidden');
      return actor;
    };

    app.post(
      '/api/v1/merchant/login',
      {
        schema: { tags: ['merchant'], summary: 'Staff sign-in', body: MerchantLoginSchema },
        // Limits per account and per address live in the database (auth/staffSignIn.ts).
        // The answer carries the session token: never kept for an Idempotency-Key.
        config: { idempotency: false },
      },
      async (request, reply) => {
        const u = await staffSignIn(deps, { kind: 'merchant', email: request.body.email, password: request.body.password, ip: request.ip });
        void reply.header('set-cookie', sessionCookie(u.token, u.expiresAt, deps.config.publicUrl.startsWith('https:'), deps.now()));
        return { token: u.token, expiresAt: u.expiresAt.toISOString(), merchantId: u.merchantId, role: u.role, name: u.name };
      },
    );

    app.get(
      '/api/v1/merchant/complaints',
      { schema: { tags: ['merchant'], summary: 'Inbox: complaints against this merchant, soonest deadline first', querystring: ListQuery } },
      async (request) => {
        const actor = requireRole(request, 'merchant');
        requireScope(request, 'complaints:read');
        const now = deps.now();
        const page = await listComplaints(deps.db, { column: 'merchant_id', value: actor.merchantId }, toFilter(request.query), now);
        return { items: page.items.map((r) => summary(r, now)), nextCursor: page.nextCursor };
      },
    );

    app.get('/api/v1/merchant/api-keys', { schema: { tags: ['merchant'], summary: 'API keys (never the key itself); signed-in staff' } }, async (request) => {
      const actor = requireStaff(request);
      const rows = await deps.db.query<ApiKeyRow>(
        'SELECT id, prefix, label, scopes, created_at, revoked_at, last_used_at FROM api_keys WHERE merchant_id = $1 ORDER BY created_at DESC, id',
        [actor.merchantId],
      );
      return { items: rows.map(apiKey) };
    });

    app.post(
      '/api/v1/merchant/api-keys',
      {
        schema: { tags: ['merchant'], summary: 'Create an API key with its scopes (owners, signed in); the key is shown only in this answer', body: ApiKeyCreateSchema },
        // The answer carries the new key, which is stored only as a hash: never kept for replay.
        config: { idempotency: false },
      },
      async (request, reply) => {
        const actor = await requireOwner(request); // an API key cannot mint more keys
        const created = await createApiKey(deps, actor.merchantId, request.body.label, request.body.scopes);
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/api/v1/merchant/api-keys/:id',
      { schema: { tags: ['merchant'], summary: 'Revoke an API key (owners, signed in)', params: z.object({ id: z.uuid() }) } },
      async (request, reply) => {
        const actor = await requireOwner(request);
        if (!(await revokeApiKey(deps, actor.merchantId, request.params.id))) throw new AppError('not_found');
        return reply.status(204).send();
      },
    );

    app.get('/api/v1/merchant/team', { schema: { tags: ['merchant'], summary: "The merchant's staff accounts" } }, async (request) => {
      const actor = requireStaff(request);
      const rows = await deps.db.query<TeamRow>(
        'SELECT id, email, name, role, active, created_at FROM merchant_users WHERE merchant_id = $1 ORDER BY active DESC, created_at, email',
        [actor.merchantId],
      );
      return { items: rows.map(teamMember) };
    });

    app.post(
      '/api/v1/merchant/team',
      {
        schema: { tags: ['merchant'], summary: 'Add a staff member (owners only); a generated password is shown only in this answer', body: TeamMemberCreateSchema },
        // The answer may carry a generated password: never kept for an Idempotency-Key.
        config: { idempotency: false },
      },
      async (request, reply) => {
        const actor = await requireOwner(request);
        const { email, name, role } = request.body;
        const [taken] = await deps.db.query('SELECT 1 FROM merchant_users WHERE lower(email) = lower($1)', [email]);
        if (taken) throw invalidFields({ path: 'email', code: 'email_taken' });
        const generated = request.body.password === undefined;
        const password = request.body.password ?? randomToken(12);
        const id = await createMerchantUser(deps.db, { merchantId: actor.merchantId, email, name, role, password });
        const [row] = await deps.db.query<TeamRow>('SELECT id, email, name, role, active, created_at FROM merchant_users WHERE id = $1', [id]);
        return reply.status(201).send({ member: teamMember(row!), ...(generated ? { initialPassword: password } : {}) });
      },
    );

    app.patch(
      '/api/v1/merchant/team/:id',
      { schema: { tags: ['merchant'], summary: 'Deactivate, reactivate or change the role of a staff member (owners only)', params: z.object({ id: z.uuid() }), body: TeamMemberPatchSchema } },
      async (request) => {
        const actor = await requireOwner(request);
        const { id } = request.params;
        const [row] = await deps.db.query<TeamRow>('SELECT id, email, name, role, active, created_at FROM merchant_users WHERE id = $1 AND merchant_id = $2', [
          id,
          actor.merchantId,
        ]);
        if (!row) throw new AppError('not_found');
        // An owner cannot lock themselves out, nor leave the merchant without an owner.
        if (id === actor.userId && request.body.active === false) throw invalidFields({ path: 'active', code: 'cannot_deactivate_self' });
        if (id === actor.userId && request.body.role === 'agent') throw invalidFields({ path: 'role', code: 'cannot_demote_self' });
        const [updated] = await deps.db.query<TeamRow>(
          `UPDATE merchant_users SET active = coalesce($3, active), role = coalesce($4, role)
           WHERE id = $1 AND merchant_id = $2 RETURNING id, email, name, role, active, created_at`,
          [id, actor.merchantId, request.body.active ?? null, request.body.role ?? null],
        );
        if (request.body.active === false) await deps.db.query("DELETE FROM sessions WHERE kind = 'merchant' AND subject = $1", [id]);
        return { member: teamMember(updated!) };
      },
    );

    app.get('/api/v1/merchant/stats', { schema: { tags: ['merchant'], summary: "The merchant's own figures" } }, async (request) => {
      const actor = requireRole(request, 'merchant');
      requireScope(request, 'complaints:read');
      const figures = await merchantFigures(deps.db, actor.merchantId);
      return { ...figures, policyBreaches: await breachesByRule(deps.db, actor.merchantId) };
    });
  };
