// The HTTP application: plugins, authentication, error handling, OpenAPI and the routes.
import Fastify, { type FastifyInstance } from 'fastify';
import { MAX_EVIDENCE_BYTES } from '@nalish/domain';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { type ZodTypeProvider, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from './deps.ts';
import { installApiRateLimit } from './http/apiRateLimit.ts';
import { prepareStaffSignIn } from './auth/staffSignIn.ts';
import { installAuth } from './http/auth.ts';
import { installTextInput } from './http/textInput.ts';
import { requestForLog } from './http/logRedaction.ts';
import { installSecurityHeaders } from './http/securityHeaders.ts';
import { type PageFallback, installErrorHandling, sendError } from './http/errors.ts';
import { AppError } from './errors.ts';
import { installIdempotency } from './http/idempotency.ts';
import { WEB_DIST, installWebApp } from './http/webApp.ts';
import { complaintRoutes } from './routes/complaints.ts';
import { eventRoutes } from './routes/events.ts';
import { healthRoutes } from './routes/health.ts';
import { merchantRoutes } from './routes/merchant.ts';
import { otpRoutes } from './routes/otp.ts';
import { policyRoutes } from './routes/policy.ts';
import { registryRoutes } from './routes/registry.ts';
import { sessionRoutes } from './routes/session.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { regulatorRoutes } from './routes/regulator.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { widgetRoutes } from './routes/widget.ts';
import { embedFrameAncestors } from './widget/embed.ts';

export interface AppOptions {
  logger?: boolean;
  /** Where the log goes (tests); default stdout. */
  logStream?: { write(line: string): void };
}

const hops = (n: number) => (_address: string, hop: number) => hop < n;

export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Request logs carry no personal data: query values other than harmless ones are redacted.
    logger: opts.logger ? { level: deps.config.logLevel, serializers: { req: requestForLog }, ...(opts.logStream ? { stream: opts.logStream } : {}) } : false,
    bodyLimit: 256 * 1024,
    // Behind nginx or a load balancer every request comes from the proxy: TRUST_PROXY tells
    // which hops to believe, so request.ip (every per-address limit) is the real client's.
    // (A hop count is given as Fastify itself applies it: the nearest n hops are proxies.)
    trustProxy: typeof deps.config.trustProxy === 'number' ? hops(deps.config.trustProxy) : deps.config.trustProxy,
    // A path the router cannot even decode (a stray %80) gets our error shape too.
    frameworkErrors: (error, request, reply) => sendError(request, reply, new AppError(error.code === 'FST_ERR_BAD_URL' ? 'malformed_url' : 'validation')),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API takes JSON (and multipart for evidence) only. Fastify parses text/plain by
  // default; a text/plain body is also what another site can send without a preflight.
  app.removeContentTypeParser('text/plain');
  let pages: PageFallback | null = null;
  installErrorHandling(app, () => pages);
  installSecurityHeaders(app, { https: deps.config.publicUrl.startsWith('https:') });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Nalish API',
        version: '1.0.0',
        description: 'File, answer and resolve e-commerce complaints in Bangladesh. Errors: { error: { code, message, details } }, messages in Bengali or English by Accept-Language.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(rateLimit, { global: false });
  // Files are read into the body before the handler runs (within these limits), so an
  // upload's Idempotency-Key is checked against its content like any other write.
  await app.register(multipart, { attachFieldsToBody: true, limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 5, parts: 6 } });
  installAuth(app, deps);
  // Every string in the body, query and path: NFC, no control characters (textInput.ts).
  installTextInput(app);
  // The dummy password hash for unknown e-mails, made now rather than on the first sign-in.
  void prepareStaffSignIn();
  // In this order: who is calling, then their rate limit, then their Idempotency-Key.
  installApiRateLimit(app, deps);
  installIdempotency(app, deps);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes(deps));
  await app.register(otpRoutes(deps));
  await app.register(sessionRoutes(deps));
  await app.register(complaintRoutes(deps));
  await app.register(merchantRoutes(deps));
  await app.register(eventRoutes(deps));
  await app.register(regulatorRoutes(deps));
  await app.register(calendarRoutes(deps));
  await app.register(registryRoutes(deps));
  await app.register(policyRoutes(deps));
  await app.register(webhookRoutes(deps));
  await app.register(widgetRoutes(deps));
  pages = await installWebApp(app, WEB_DIST, { embedFrameAncestors: (url) => embedFrameAncestors(deps.db, url) });
  return app;
}
