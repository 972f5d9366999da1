import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { pendingMigrations } from '../db/migrate.ts';

export const healthRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/health', { schema: { tags: ['service'], summary: 'Database reachable and migrations current' } }, async (_request, reply) => {
      try {
        await deps.db.query('SELECT 1');
        const pending = await pendingMigrations(deps.db);
        const ok = pending.length === 0;
        return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'migrations_pending', database: deps.db.kind, pendingMigrations: pending });
      } catch {
        return reply.status(503).send({ status: 'database_unreachable', database: deps.db.kind, pendingMigrations: [] });
      }
    });
  };
