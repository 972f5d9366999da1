// The complaint itself: filing, reading (any party with access), evidence, and one endpoint
// per lifecycle step. Each handler: authenticate → validate (schema) → one command → present.
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Action, ActionPayloads, EvidenceUploadFieldsSchema, type EvidenceUploadFields, FileComplaintSchema, parseTrackingCode } from '@nalish/domain';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError, invalidFields } from '../errors.ts';
import { actOnComplaint, authorise } from '../complaints/act.ts';
import { fileComplaint } from '../complaints/file.ts';
import { listComplaints } from '../complaints/lists.ts';
import { COMPLAINT_COLUMNS, type ComplaintRow } from '../complaints/row.ts';
import { fullView, summary } from '../complaints/view.ts';
import { attachEvidence } from '../evidence/attach.ts';
import { MAX_EVIDENCE_BYTES } from '../evidence/detect.ts';
import { requireRole, requireScope } from '../http/auth.ts';
import type { Actor } from '../policies/actor.ts';

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

export async function readComplaint(deps: Deps, actor: Actor, code: string): Promise<ComplaintRow> {
  const [row] = await deps.db.query<ComplaintRow>(`SELECT ${COMPLAINT_COLUMNS} FROM complaints c WHERE c.tracking_code = $1`, [code]);
  return authorise(actor, row ?? null);
}

/** The steps a person can take, each with its own endpoint and body schema. */
export const ROUTED_ACTIONS = [
  'respond', 'accept', 'reject', 'confirm_fulfilled', 'report_unfulfilled', 'rate', 'withdraw',
  'reject_invalid', 'assign', 'request_info', 'provide_info', 'schedule_hearing', 'decide',
  'record_fine_collected', 'close',
] as const satisfies readonly Action[];

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
        schema: { tags: ['consumer'], summary: 'File a complaint (consumer session)', body: FileComplaintSchema },
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
      { schema: { tags: ['complaints'], summary: 'A complaint with its timeline and evidence', params: CodeParams } },
      async (request) => {
        const actor = requireScope(request, 'complaints:read');
        const row = await readComplaint(deps, actor, codeOrNotFound(request.params.code));
        return fullView(deps.db, row, actor, deps.now(), deps.settings);
      },
    );

    app.post(
      '/api/v1/complaints/:code/evidence',
      {
        schema: {
          tags: ['complaints'],
          summary:
            'Attach a file (multipart/form-data, field "file"): JPEG, PNG, WebP or PDF up to 10 MB; a phone that shrank a photo adds "originalSha256" and "originalSizeBytes" of the file chosen',
          params: CodeParams,
          consumes: ['multipart/form-data'],
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
        if (part.file.truncated) throw new AppError('evidence_too_large', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 });
        const fields = uploadFields(request.body);
        const view = await attachEvidence(deps, { code }, actor, { filename: part.filename, data, original: fields.originalSha256 && fields.originalSizeBytes ? { sha256: fields.originalSha256, sizeBytes: fields.originalSizeBytes } : undefined });
        return reply.status(201).send(view);
      },
    );

    app.get(
      '/api/v1/complaints/:code/evidence/:id',
      { schema: { tags: ['complaints'], summary: 'Download one evidence file', params: CodeParams.extend({ id: z.uuid() }) } },
      async (request, reply) => {
        const actor = requireScope(request, 'complaints:read');
        const row = await readComplaint(deps, actor, codeOrNotFound(request.params.code));
        const [ev] = await deps.db.query<{ storage_key: string; media_type: string; filename: string; active_content: string[] }>(
          'SELECT storage_key, media_type, filename, active_content FROM evidence WHERE id = $1 AND complaint_id = $2',
          [request.params.id, row.id],
        );
        if (!ev) throw new AppError('not_found');
        const data = await deps.storage.get(ev.storage_key);
        // Served as a download with a fixed type, so a file can never run as a page here. A PDF
        // that can act when opened says so (the web app shows the same warning beside it).
        if (ev.active_content.length > 0) void reply.header('nalish-active-content', ev.active_content.join(', '));
        return reply
          .header('content-type', ev.media_type)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(ev.filename)}`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(data);
      },
    );

    for (const action of ROUTED_ACTIONS) {
      const payload = ActionPayloads[action];
      // A refined schema (decide) cannot be extended; wrap it instead.
      const body = z.intersection(payload, Version);
      app.post(
        `/api/v1/complaints/:code/${action.replaceAll('_', '-')}`,
        { schema: { tags: ['lifecycle'], summary: `Lifecycle step: ${action}`, params: CodeParams, body } },
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

