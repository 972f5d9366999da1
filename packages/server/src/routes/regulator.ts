// The regulator officer's side: sign-in with password and TOTP, and the office's queue.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { staffSignIn } from '../auth/staffSignIn.ts';
import { listComplaints } from '../complaints/lists.ts';
import { summary } from '../complaints/view.ts';
import { requireActor, requireRole, sessionCookie } from '../http/auth.ts';
import { ListQuery, toFilter } from './listQuery.ts';
import { renderCaseFile } from '../casefile/caseFile.ts';
import { figuresOfMerchants } from '../stats/figures.ts';
import { CodeParams, codeOrNotFound, readComplaint } from './complaints.ts';

export const OfficerLoginSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
  totp: z.string().regex(/^\d{6}$/, 'totp_code').optional(),
});

const REGULATOR_STATES = ['escalated', 'under_review', 'info_requested', 'hearing_scheduled', 'decided'] as const;

export const regulatorRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/regulator/login',
      {
        schema: { tags: ['regulator'], summary: 'Officer sign-in: password and authenticator code (both needed; either wrong or missing answers 401 login_failed)', body: OfficerLoginSchema },
        // Limits per account and per address live in the database (auth/staffSignIn.ts).
        // The answer carries the session token: never kept for an Idempotency-Key.
        config: { idempotency: false },
      },
      async (request, reply) => {
        const { email, password, totp } = request.body;
        const o = await staffSignIn(deps, { kind: 'officer', email, password, totp, ip: request.ip });
        void reply.header('set-cookie', sessionCookie(o.token, o.expiresAt, deps.config.publicUrl.startsWith('https:'), deps.now()));
        return { token: o.token, expiresAt: o.expiresAt.toISOString(), officerId: o.officerId, officeId: o.officeId, name: o.name };
      },
    );

    app.get(
      '/api/v1/regulator/cases',
      {
        schema: {
          tags: ['regulator'],
          summary: "The office's queue of escalated cases, soonest deadline first",
          querystring: ListQuery.extend({ merchantId: z.uuid().optional(), mine: z.enum(['true', 'false']).optional() }),
        },
      },
      async (request) => {
        const actor = requireRole(request, 'officer');
        const now = deps.now();
        const q = request.query;
        const page = await listComplaints(
          deps.db,
          { column: 'office_id', value: actor.officeId },
          { ...toFilter(q), states: q.state ?? [...REGULATOR_STATES], merchantId: q.merchantId, assignedOfficerId: q.mine === 'true' ? actor.officerId : undefined },
          now,
        );
        const ids = [...new Set(page.items.map((r) => r.merchant_id))];
        const names = new Map(
          ids.length ? (await deps.db.query<{ id: string; name: string }>('SELECT id, name FROM merchants WHERE id = ANY($1::uuid[])', [ids])).map((m) => [m.id, m.name]) : [],
        );
        return {
          items: page.items.map((r) => ({ ...summary(r, now), merchantName: names.get(r.merchant_id) ?? null, assignedOfficerId: r.assigned_officer_id })),
          nextCursor: page.nextCursor,
        };
      },
    );

    app.get('/api/v1/regulator/merchants', { schema: { tags: ['regulator'], summary: "The merchants with cases in the signed-in officer's office (for the queue's filter)" } }, async (request) => {
      const actor = requireRole(request, 'officer');
      const rows = await deps.db.query<{ id: string; name: string }>(
        `SELECT m.id, m.name FROM merchants m WHERE m.id IN (SELECT merchant_id FROM complaints WHERE office_id = $1 AND state = ANY($2::text[])) ORDER BY m.name`,
        [actor.officeId, [...REGULATOR_STATES]],
      );
      // Each with the figures the merchant and the public see (all its complaints, stats/figures.ts).
      const figures = await figuresOfMerchants(deps.db, rows.map((r) => r.id));
      return { items: rows.map((r) => ({ ...r, figures: figures.get(r.id)! })) };
    });

    app.get('/api/v1/regulator/officers', { schema: { tags: ['regulator'], summary: "The officers of the signed-in officer's office" } }, async (request) => {
      const actor = requireRole(request, 'officer');
      const rows = await deps.db.query<{ id: string; name: string; email: string }>(
        'SELECT id, name, email FROM officers WHERE office_id = $1 AND active ORDER BY name',
        [actor.officeId],
      );
      return { items: rows };
    });

    app.get(
      '/api/v1/regulator/cases/:code/case-file.pdf',
      {
        schema: {
          tags: ['regulator'],
          summary: 'The case file as a PDF in Bengali, to attach to a Nothi file (officers of the case\'s office only)',
          params: CodeParams,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // Anyone but an officer of the case's office learns nothing, not even that it exists.
        if (actor.role !== 'officer') throw new AppError('not_found');
        const code = codeOrNotFound(request.params.code);
        const row = await readComplaint(deps, actor, code);
        const pdf = await renderCaseFile(deps, row, actor);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="nalish-case-${code}.pdf"`)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(pdf);
      },
    );
  };
