import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthSchema } from '@nalish/domain/responses';
import type { Deps } from '../deps.ts';
import { checkHealth } from '../admin/health.ts';

export const healthRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/health', { schema: { tags: ['service'], summary: 'Database reachable and migrations current', response: { 200: HealthSchema, 503: HealthSchema } } }, async (_request, reply) => {
      const health = await checkHealth(deps.db);
      return reply.status(health.status === 'ok' ? 200 : 503).send(health);
    });
  };
