// The merchant's events feed: for systems that poll instead of receiving webhooks.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EventsPageSchema } from '@nalish/domain/responses';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { requireRole, requireScope } from '../http/auth.ts';
import { readFeed } from '../integration/eventFeed.ts';

export const EventsQuery = z.object({
  after: z.string().max(200).optional().describe('nextCursor of the previous answer; left out: from the first event'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const eventRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/merchant/events',
      {
        schema: {
          tags: ['merchant'],
          summary: "The merchant's events (the webhook event types), oldest first, after a cursor",
          description:
            'Every event is returned once, in order; pass nextCursor as `after` on the next call. hasMore: more are ready now. ' +
            'An event appears once the transaction that wrote it, and every transaction that began before it, has finished.',
          querystring: EventsQuery,
          response: { 200: EventsPageSchema },
        },
      },
      async (request) => {
        const actor = requireRole(request, 'merchant');
        requireScope(request, 'complaints:read');
        return readFeed(deps.db, actor.merchantId, request.query.after, request.query.limit);
      },
    );
  };
