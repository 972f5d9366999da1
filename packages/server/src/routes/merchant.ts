// The merchant's side: staff sign in, the inbox of complaints against the merchant, and
// API keys for the merchant's own systems. Routes an API key may call name the scope they
// need (requireScope); keys and team are for signed-in staff only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiKeyListSchema, ComplaintPageSchema, MerchantStatsSchema, CreatedApiKeySchema, MerchantSessionSchema, NoContentSchema, TeamListSchema, TeamMemberResultSchema } from '@nalish/domain/responses';
import { ApiKeyCreateSchema } from '@nalish/domain';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { mayListApiKeys, mayManageApiKeys } from '../access/apiKey.ts';
import { ownerOf, staffOf } from '../access/merchant.ts';
import { breachesByRule } from '../findings/stats.ts';
import { merchantFigures } from '../stats/figures.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/apiKeys.ts';
import { staffSignIn } from '../auth/staffSignIn.ts';
import { listComplaints } from '../complaints/lists.ts';
import { summary } from '../complaints/view.ts';
import { addTeamMember, changeTeamMember, listTeam } from '../merchants/team.ts';
import { requireActor, requireRole, requireScope, sessionCookie } from '../http/auth.ts';
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

export const merchantRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/merchant/login',
      {
        schema: { tags: ['merchant'], summary: 'Staff sign-in', body: MerchantLoginSchema, response: { 200: MerchantSessionSchema } },
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
      { schema: { tags: ['merchant'], summary: 'Inbox: complaints against this merchant, soonest deadline first', querystring: ListQuery, response: { 200: ComplaintPageSchema } } },
      async (request) => {
        const actor = requireRole(request, 'merchant');
        requireScope(request, 'complaints:read');
        const now = deps.now();
        const page = await listComplaints(deps.db, { column: 'merchant_id', value: actor.merchantId }, toFilter(request.query), now);
        return { items: page.items.map((r) => summary(r, now)), nextCursor: page.nextCursor };
      },
    );

    app.get('/api/v1/merchant/api-keys', { schema: { tags: ['merchant'], summary: 'API keys (never the key itself); signed-in staff', response: { 200: ApiKeyListSchema } } }, async (request) => {
      const actor = mayListApiKeys(requireActor(request));
      return { items: await listApiKeys(deps.db, actor.merchantId) };
    });

    app.post(
      '/api/v1/merchant/api-keys',
      {
        schema: { tags: ['merchant'], summary: 'Create an API key with its scopes (owners, signed in); the key is shown only in this answer', body: ApiKeyCreateSchema, response: { 201: CreatedApiKeySchema } },
        // The answer carries the new key, which is stored only as a hash: never kept for replay.
        config: { idempotency: false },
      },
      async (request, reply) => {
        const actor = await mayManageApiKeys(deps.db, requireActor(request));
        const created = await createApiKey(deps, actor.merchantId, request.body.label, request.body.scopes);
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/api/v1/merchant/api-keys/:id',
      { schema: { tags: ['merchant'], summary: 'Revoke an API key (owners, signed in)', params: z.object({ id: z.uuid() }), response: { 204: NoContentSchema } } },
      async (request, reply) => {
        const actor = await mayManageApiKeys(deps.db, requireActor(request));
        if (!(await revokeApiKey(deps, actor.merchantId, request.params.id))) throw new AppError('not_found');
        return reply.status(204).send();
      },
    );

    app.get('/api/v1/merchant/team', { schema: { tags: ['merchant'], summary: "The merchant's staff accounts", response: { 200: TeamListSchema } } }, async (request) => {
      const actor = staffOf(requireActor(request));
      return { items: await listTeam(deps.db, actor.merchantId) };
    });

    app.post(
      '/api/v1/merchant/team',
      {
        schema: { tags: ['merchant'], summary: 'Add a staff member (owners only); a generated password is shown only in this answer', body: TeamMemberCreateSchema, response: { 201: TeamMemberResultSchema } },
        // The answer may carry a generated password: never kept for an Idempotency-Key.
        config: { idempotency: false },
      },
      async (request, reply) => {
        const actor = await ownerOf(deps.db, requireActor(request));
        return reply.status(201).send(await addTeamMember(deps, actor.merchantId, request.body));
      },
    );

    app.patch(
      '/api/v1/merchant/team/:id',
      { schema: { tags: ['merchant'], summary: 'Deactivate, reactivate or change the role of a staff member (owners only)', params: z.object({ id: z.uuid() }), body: TeamMemberPatchSchema, response: { 200: TeamMemberResultSchema } } },
      async (request) => {
        const actor = await ownerOf(deps.db, requireActor(request));
        return changeTeamMember(deps, actor, request.params.id, request.body);
      },
    );

    app.get('/api/v1/merchant/stats', { schema: { tags: ['merchant'], summary: "The merchant's own figures", response: { 200: MerchantStatsSchema } } }, async (request) => {
      const actor = requireRole(request, 'merchant');
      requireScope(request, 'complaints:read');
      const figures = await merchantFigures(deps.db, actor.merchantId);
      return { ...figures, policyBreaches: await breachesByRule(deps.db, actor.merchantId) };
    });
  };
