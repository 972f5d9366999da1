// One JSON shape for every error: { error: { code, message, details? } }, the message in
// the request's language. Fastify's own errors (bad JSON, too large, wrong content type)
// and schema failures are translated to our stable codes here.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type MessageKey, negotiateLocale, t } from '@nalish/domain';
import { ZodError } from 'zod';
import { AppError, ERROR_STATUS, type ErrorCode } from '../errors.ts';

export function sendError(request: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const locale = negotiateLocale(request.headers['accept-language']);
  const retry = err.details?.retryAfterSeconds;
  if (typeof retry === 'number') void reply.header('retry-after', String(retry));
  return reply.status(err.status).send({
    error: {
      code: err.code,
      message: t(locale, `error.${err.code}` as MessageKey, err.params),
      ...(err.details ? { details: err.details } : {}),
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

function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> | FastifyReply | null;

export function installErrorHandling(app: FastifyInstance, pages: () => PageFallback | null = () => null): void {
  // A browser asking for an app page gets the web app; anything else gets the JSON 404.
  app.setNotFoundHandler((request, reply) => pages()?.(request, reply) ?? sendError(request, reply, new AppError('not_found')));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(
        request,
        reply,
        new AppError('validation', {}, { fields: error.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), message: v.message ?? 'invalid' })) }),
      );
    }
    if (error instanceof ZodError) return sendError(request, reply, new AppError('validation', {}, { fields: fieldErrors(error.issues) }));
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      const params: Record<string, number> = mapped === 'evidence_too_large' ? { mb: 10 } : mapped === 'evidence_limit' ? { max: 10 } : {};
      return sendError(request, reply, new AppError(mapped, params));
    }
    if (error.statusCode === 429) return sendError(request, reply, new AppError('rate_limited'));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = (Object.entries(ERROR_STATUS).find(([, s]) => s === error.statusCode)?.[0] ?? 'validation') as ErrorCode;
      return sendError(request, reply, new AppError(code));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, new AppError('internal'));
  });
}
