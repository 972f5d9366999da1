// One JSON shape for every error: { error: { code, message, details? } }, the message in
// the request's language. Fastify's own errors (bad JSON, too large, wrong content type)
// and schema failures are translated to our stable codes here.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type FieldIssue, type Locale, type MessageKey, describeIssue, fieldError, hasMessage, negotiateLocale, t } from '@nalish/domain';
import { ZodError } from 'zod';
import { failedReadingBody } from './textInput.ts';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldProblemDetail, invalidFields } from '../errors.ts';

/** Field problems as the reader reads them: each with its code and its message from the catalogues. */
function localiseDetails(locale: Locale, details: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(details.fields)) return details;
  const fields = (details.fields as FieldProblemDetail[]).map((f) => fieldError(locale, f.path, f.code, f.params));
  return { ...details, fields };
}

/** A lifecycle state or guard named in a message is written in words (the catalogue's labels). */
function readableParams(locale: Locale, params: AppError['params']): AppError['params'] {
  if (!params) return params;
  const out = { ...params };
  if (typeof out.state === 'string' && hasMessage(`state.${out.state}`)) out.state = t(locale, `state.${out.state}` as MessageKey);
  if (typeof out.guard === 'string' && hasMessage(`guard.${out.guard}`)) out.guard = t(locale, `guard.${out.guard}` as MessageKey);
  return out;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const locale = negotiateLocale(request.headers['accept-language']);
  const retry = err.details?.retryAfterSeconds;
  if (typeof retry === 'number') void reply.header('retry-after', String(retry));
  return reply.status(err.status).send({
    error: {
      code: err.code,
      message: t(locale, `error.${err.code}` as MessageKey, readableParams(locale, err.params)),
      ...(err.details ? { details: localiseDetails(locale, err.details) } : {}),
    },
  });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_REQ_FILE_TOO_LARGE: 'evidence_too_large',
  FST_FILES_LIMIT: 'evidence_limit',
  FST_PARTS_LIMIT: 'evidence_limit',
};

/** The value at a path of the request's input, to tell a missing field from a wrong one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const NO_INPUT = Symbol('no input');

/** Validator issues as field problems with our codes (the validator's English is dropped). */
function fieldProblems(issues: readonly (FieldIssue & { path: readonly PropertyKey[] })[], input: unknown): FieldProblemDetail[] {
  return issues.map((i) => {
    const { code, params } = describeIssue(i, input !== NO_INPUT && valueAt(input, i.path) === undefined);
    return { path: i.path.map(String).join('.'), code, params };
  });
}

const CONTEXT_INPUT: Record<string, (r: FastifyRequest) => unknown> = {
  body: (r) => r.body,
  querystring: (r) => r.query,
  params: (r) => r.params,
  headers: (r) => r.headers,
};

export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> | FastifyReply | null;

export function installErrorHandling(app: FastifyInstance, pages: () => PageFallback | null = () => null): void {
  // A browser asking for an app page gets the web app; anything else gets the JSON 404.
  app.setNotFoundHandler((request, reply) => pages()?.(request, reply) ?? sendError(request, reply, new AppError('not_found')));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const input = CONTEXT_INPUT[(error as { validationContext?: string }).validationContext ?? 'body']?.(request);
      const issues = error.validation.map((v) => ({
        ...(v.params as FieldIssue),
        code: v.keyword,
        message: v.message,
        path: v.instancePath.split('/').slice(1).filter((k: string) => k !== ''),
      }));
      return sendError(request, reply, invalidFields(...fieldProblems(issues, input)));
    }
    if (error instanceof ZodError) return sendError(request, reply, invalidFields(...fieldProblems(error.issues as never, NO_INPUT)));
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      const params: Record<string, number> = mapped === 'evidence_too_large' ? { mb: 10 } : mapped === 'evidence_limit' ? { max: 10 } : {};
      return sendError(request, reply, new AppError(mapped, params));
    }
    // A multipart body that could not be read (no boundary, cut off, a broken part header: the
    // parser's own errors) fails before validation starts; that is the sender's fault.
    if (request.isMultipart() && failedReadingBody(request)) return sendError(request, reply, new AppError('malformed_multipart'));
    if (error.statusCode === 429) return sendError(request, reply, new AppError('rate_limited'));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = (Object.entries(ERROR_STATUS).find(([, s]) => s === error.statusCode)?.[0] ?? 'validation') as ErrorCode;
      return sendError(request, reply, new AppError(code));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, new AppError('internal'));
  });
}
