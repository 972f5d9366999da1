// The complaint itself: filing, reading (any party with access), evidence, and one endpoint
// per lifecycle step. Each handler: authenticate → validate (schema) → one command → present.
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ComplaintPageSchema, ComplaintViewSchema, EvidenceUploadedSchema, FileSchema } from '@nalish/domain/responses';
import { ActionPayloads, EVIDENCE_TYPES, HUMAN_ACTIONS, EvidenceUploadFieldsSchema, type EvidenceUploadFields, FileComplaintSchema, MAX_EVIDENCE_MB, parseTrackingCode } from '@nalish/domain';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError, invalidFields } from '../errors.ts';
import { actOnComplaint } from '../complaints/act.ts';
import { fileComplaint } from '../complaints/file.ts';
import { listComplaints } from '../complaints/lists.ts';
import { readComplaint } from '../complaints/read.ts';
import { fullView, summary } from '../complaints/view.ts';
import { attachEvidence } from '../evidence/attach.ts';
import { readEvidenceFile } from '../evidence/read.ts';
import { requireRole, requireScope } from '../http/auth.ts';
import { sendFile } from '../http/sendFile.ts';

/** An upload's form fields besides the file, checked with the domain's schema (a bad one: 400). */
function uploadFields(body: unknown): EvidenceUploadFields {
  const form = (body ?? {}) as Record<string, MultipartFile | MultipartValue | undefined>;
  const value = (name: keyof EvidenceUploadFields) => {
    const f = form[name];
    return f && f.type === 'field' && f.value !== '' ? f.value : undefined;
  };
  return EvidenceUploadFieldsSchema.parse({ originalSha256: value('originalSha256'), originalSizeBytes: value('originalSizeBytes') });
}

export const CodeParams = z.object({ code: z.string().min(10).max(20).describe('Tracking code, e.g. 482-193-5706') });

export function codeOrNotFound(input: string): string {
  const code = parseTrackingCode(input);
  if (!code) throw new AppError('not_found');
  return code;
}

/** The steps a person can take (the domain's table says which), each with its own endpoint and body schema. */
export const ROUTED_ACTIONS = HUMAN_ACTIONS;

const Version = z.object({
  expectedVersion: z.number().int().min(1).optional().describe('The version you saw; a newer one answers 409'),
});

export const complaintRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/complaints',
      {
        // Limited per verified number per day (complaints/file.ts), not per address: many
        // mobile users share one carrier address.
        schema: { tags: ['consumer'], summary: 'File a complaint (consumer session)', body: FileComplaintSchema, response: { 201: ComplaintViewSchema } },
      },
      async (request, reply) => {
        const actor = requireRole(request, 'consumer');
        const row = await fileComplaint(deps, actor.phone, request.body);
        return reply.status(201).send(await fullView(deps.db, row, actor, deps.now(), deps.settings));
      },
    );

    app.get(
      '/api/v1/complaints',
      {
        schema: {
          tags: ['consumer'],
          summary: "The signed-in consumer's complaints",
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().max(200).optional() }),
          response: { 200: ComplaintPageSchema },
        },
      },
      async (request) => {
        const actor = requireRole(request, 'consumer');
        const now = deps.now();
        const page = await listComplaints(deps.db, { column: 'consumer_phone', value: actor.phone }, request.query, now);
        return { items: page.items.map((r) => summary(r, now)), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/api/v1/complaints/:code',
      { schema: { tags: ['complaints'], summary: 'A complaint with its timeline and evidence', params: CodeParams, response: { 200: ComplaintViewSchema } } },
      async (request) => {
        const actor = requireScope(request, 'complaints:read');
        const row = await readComplaint(deps.db, actor, codeOrNotFound(request.params.code));
        return fullView(deps.db, row, actor, deps.now(), deps.settings);
      },
    );

    app.post(
      '/api/v1/complaints/:code/evidence',
      {
        schema: {
          tags: ['complaints'],
          summary: `Attach a file (multipart/form-data, field "file"): JPEG, PNG, WebP or PDF up to ${MAX_EVIDENCE_MB} MB; a phone that shrank a photo adds "originalSha256" and "originalSizeBytes" of the file chosen`,
          params: CodeParams,
          consumes: ['multipart/form-data'],
          response: { 201: EvidenceUploadedSchema },
        },
      },
      async (request, reply) => {
        const actor = requireScope(request, 'complaints:respond');
        if (actor.role === 'system') throw new AppError('forbidden');
        const code = codeOrNotFound(request.params.code);
        if (!request.isMultipart()) throw new AppError('unsupported_media_type');
        // The form was read before the handler (attachFieldsToBody in app.ts).
        const part = (request.body as Record<string, MultipartFile | MultipartValue | undefined> | undefined)?.file;
        if (!part || part.type !== 'file') throw invalidFields({ path: 'file', code: 'no_file' });
        const data = await part.toBuffer();
        if (part.file.truncated) throw new AppError('evidence_too_large', { mb: MAX_EVIDENCE_MB });
        const fields = uploadFields(request.body);
        const view = await attachEvidence(deps, { code }, actor, { filename: part.filename, data, original: fields.originalSha256 && fields.originalSizeBytes ? { sha256: fields.originalSha256, sizeBytes: fields.originalSizeBytes } : undefined });
        return reply.status(201).send(view);
      },
    );

    app.get(
      '/api/v1/complaints/:code/evidence/:id',
      { schema: { tags: ['complaints'], summary: 'Download one evidence file', params: CodeParams.extend({ id: z.uuid() }), produces: [...EVIDENCE_TYPES], response: { 200: FileSchema.describe('The file as uploaded') } } },
      async (request, reply) => {
        const actor = requireScope(request, 'complaints:read');
        const file = await readEvidenceFile(deps, actor, codeOrNotFound(request.params.code), request.params.id);
        // Served as a download with a fixed type, so a file can never run as a page here. A PDF
        // that can act when opened says so (the web app shows the same warning beside it).
        if (file.activeContent.length > 0) void reply.header('nalish-active-content', file.activeContent.join(', '));
        void reply
          .header('content-type', file.mediaType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox");
        return sendFile(reply, file.data);
      },
    );

    for (const action of ROUTED_ACTIONS) {
      const payload = ActionPayloads[action];
      // A refined schema (decide) cannot be extended; wrap it instead.
      const body = z.intersection(payload, Version);
      app.post(
        `/api/v1/complaints/:code/${action.replaceAll('_', '-')}`,
        { schema: { tags: ['lifecycle'], summary: `Lifecycle step: ${action}`, params: CodeParams, body, response: { 200: ComplaintViewSchema } } },
        async (request) => {
          // Every step an API key can take (respond, provide_info, …) answers the complaint.
          const actor = requireScope(request, 'complaints:respond');
          const { expectedVersion, ...rest } = request.body as Record<string, unknown> & { expectedVersion?: number };
          const command = { action, payload: payload.parse(rest) } as never;
          const row = await actOnComplaint(deps, { code: codeOrNotFound(request.params.code) }, { actor, command, expectedVersion });
          return fullView(deps.db, row, actor, deps.now(), deps.settings);
        },
      );
    }
  };

