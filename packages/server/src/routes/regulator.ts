// The regulator officer's side: sign-in with password and TOTP, and the office's queue.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CasePageSchema, FileSchema, OfficerListSchema, OfficerSessionSchema, RegulatorMerchantListSchema } from '@nalish/domain/responses';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { caseFileOfficer, officerOf } from '../access/officeCase.ts';
import { staffSignIn } from '../auth/staffSignIn.ts';
import { readComplaint } from '../complaints/read.ts';
import { requireActor, sessionCookie } from '../http/auth.ts';
import { sendFile } from '../http/sendFile.ts';
import { merchantsWithCases, officeQueue } from '../offices/cases.ts';
import { officersOf } from '../offices/officers.ts';
import { ListQuery, toFilter } from './listQuery.ts';
import { renderCaseFile } from '../casefile/caseFile.ts';
import { figuresOfMerchants } from '../stats/figures.ts';
import { CodeParams, codeOrNotFound } from './complaints.ts';

export const OfficerLoginSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
  totp: z.string().regex(/^\d{6}$/, 'totp_code').optional(),
});

export const regulatorRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/regulator/login',
      {
        schema: { tags: ['regulator'], summary: 'Officer sign-in: password and authenticator code (both needed; either wrong or missing answers 401 login_failed)', body: OfficerLoginSchema, response: { 200: OfficerSessionSchema } },
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
          response: { 200: CasePageSchema },
        },
      },
      async (request) => {
        const actor = officerOf(requireActor(request));
        const q = request.query;
        return officeQueue(deps.db, actor.officeId, { ...toFilter(q), merchantId: q.merchantId, assignedOfficerId: q.mine === 'true' ? actor.officerId : undefined }, deps.now());
      },
    );

    app.get('/api/v1/regulator/merchants', { schema: { tags: ['regulator'], summary: "The merchants with cases in the signed-in officer's office (for the queue's filter), each with its figures", response: { 200: RegulatorMerchantListSchema } } }, async (request) => {
      const actor = officerOf(requireActor(request));
      const rows = await merchantsWithCases(deps.db, actor.officeId);
      // Each with the figures the merchant and the public see (all its complaints, stats/figures.ts).
      const figures = await figuresOfMerchants(deps.db, rows.map((r) => r.id));
      return { items: rows.map((r) => ({ ...r, figures: figures.get(r.id)! })) };
    });

    app.get('/api/v1/regulator/officers', { schema: { tags: ['regulator'], summary: "The officers of the signed-in officer's office", response: { 200: OfficerListSchema } } }, async (request) => {
      const actor = officerOf(requireActor(request));
      return { items: await officersOf(deps.db, actor.officeId) };
    });

    app.get(
      '/api/v1/regulator/cases/:code/case-file.pdf',
      {
        schema: {
          tags: ['regulator'],
          summary: 'The case file as a PDF in Bengali, to attach to a Nothi file (officers of the case\'s office only)',
          params: CodeParams,
          produces: ['application/pdf'],
          response: { 200: FileSchema.describe('The case file') },
        },
      },
      async (request, reply) => {
        // Anyone but an officer of the case's office learns nothing, not even that it exists.
        const actor = caseFileOfficer(requireActor(request));
        const code = codeOrNotFound(request.params.code);
        const row = await readComplaint(deps.db, actor, code);
        const pdf = await renderCaseFile(deps, row, actor);
        void reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="nalish-case-${code}.pdf"`)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff');
        return sendFile(reply, pdf);
      },
    );
  };
