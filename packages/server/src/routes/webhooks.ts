// Webhook endpoints and their delivery log, for merchant staff (session) and the merchant's
// systems (API key). Each route names the API-key scope it needs. A merchant reaches only its
// own endpoints and deliveries; anything else is 404.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoContentSchema, WebhookDeliveryPageSchema, WebhookDeliverySchema, WebhookEndpointCreatedSchema, WebhookEndpointListSchema, WebhookEndpointSchema } from '@nalish/domain/responses';
import { WebhookCreateSchema, WebhookPatchSchema, WebhookRotateSchema } from '@nalish/domain';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { webhookMerchantOf } from '../access/webhookEndpoint.ts';
import { requireActor } from '../http/auth.ts';
import { MERCHANT_EVENT_TYPES } from '../integration/merchantEvents.ts';
import { getDelivery, listDeliveries, redeliver } from '../webhooks/deliveries.ts';
import {
  createEndpoint,
  deleteEndpoint,
  enableEndpoint,
  getEndpoint,
  listEndpoints,
  pingEndpoint,
  rotateSecret,
  updateEndpoint,
} from '../webhooks/endpoints.ts';

export { WebhookCreateSchema, WebhookPatchSchema, WebhookRotateSchema };
export const DeliveryListQuery = z.object({
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
  eventId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(100).optional(),
});

const EndpointParams = z.object({ id: z.uuid() });
const DeliveryParams = z.object({ id: z.uuid(), deliveryId: z.string().regex(/^\d{1,18}$/) });

/** Every webhook route: the merchant's staff, or one of its API keys with webhooks:manage. */
const merchantOf = (request: FastifyRequest): string => webhookMerchantOf(requireActor(request));

/** Test events and redeliveries make outgoing requests: limited per merchant (not per address). */
const perMerchant = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    keyGenerator: (r: FastifyRequest) => (r.actor?.role === 'merchant' ? `webhooks:${r.actor.merchantId}` : r.ip),
  },
});

export const webhookRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['webhooks'];

    app.get(
      '/api/v1/merchant/webhooks',
      { schema: { tags, summary: 'Webhook endpoints (never their secrets), and the event types an endpoint may choose', response: { 200: WebhookEndpointListSchema } } },
      async (request) => ({ items: await listEndpoints(deps, merchantOf(request)), eventTypes: [...MERCHANT_EVENT_TYPES] }),
    );

    app.post(
      '/api/v1/merchant/webhooks',
      // The answer carries the signing secret once: it is never kept for an idempotent replay.
      { schema: { tags, summary: 'Register an endpoint; its signing secret is shown only in this answer', body: WebhookCreateSchema, response: { 201: WebhookEndpointCreatedSchema } }, config: { idempotency: false } },
      async (request, reply) => reply.status(201).send(await createEndpoint(deps, merchantOf(request), request.body)),
    );

    app.get('/api/v1/merchant/webhooks/:id', { schema: { tags, summary: 'One endpoint', params: EndpointParams, response: { 200: WebhookEndpointSchema } } }, async (request) =>
      getEndpoint(deps, merchantOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/merchant/webhooks/:id',
      { schema: { tags, summary: 'Change the URL or events, or switch the endpoint off or on', params: EndpointParams, body: WebhookPatchSchema, response: { 200: WebhookEndpointSchema } } },
      async (request) => updateEndpoint(deps, merchantOf(request), request.params.id, request.body),
    );

    app.delete('/api/v1/merchant/webhooks/:id', { schema: { tags, summary: 'Delete an endpoint; waiting deliveries are dropped', params: EndpointParams, response: { 204: NoContentSchema } } }, async (request, reply) => {
      await deleteEndpoint(deps, merchantOf(request), request.params.id);
      return reply.status(204).send();
    });

    app.post(
      '/api/v1/merchant/webhooks/:id/rotate-secret',
      { schema: { tags, summary: 'A new signing secret, shown only in this answer', params: EndpointParams, body: WebhookRotateSchema.nullish(), response: { 200: WebhookEndpointCreatedSchema } }, config: { idempotency: false } },
      async (request) => rotateSecret(deps, merchantOf(request), request.params.id, request.body?.keepPreviousHours ?? 0),
    );

    app.post(
      '/api/v1/merchant/webhooks/:id/enable',
      { schema: { tags, summary: 'Switch a disabled endpoint on again; its waiting deliveries go out in order', params: EndpointParams, response: { 200: WebhookEndpointSchema } } },
      async (request) => enableEndpoint(deps, merchantOf(request), request.params.id),
    );

    app.post(
      '/api/v1/merchant/webhooks/:id/ping',
      { schema: { tags, summary: 'Send a test event (type ping); its result appears in the delivery log', params: EndpointParams, response: { 202: WebhookDeliverySchema } }, config: perMerchant(30) },
      async (request, reply) => {
        const id = await pingEndpoint(deps, merchantOf(request), request.params.id);
        return reply.status(202).send(await getDelivery(deps, merchantOf(request), request.params.id, String(id)));
      },
    );

    app.get(
      '/api/v1/merchant/webhooks/:id/deliveries',
      { schema: { tags, summary: 'Delivery log, newest first, each with its HTTP attempts', params: EndpointParams, querystring: DeliveryListQuery, response: { 200: WebhookDeliveryPageSchema } } },
      async (request) => listDeliveries(deps, merchantOf(request), request.params.id, request.query),
    );

    app.get(
      '/api/v1/merchant/webhooks/:id/deliveries/:deliveryId',
      { schema: { tags, summary: 'One delivery with its attempts and body', params: DeliveryParams, response: { 200: WebhookDeliverySchema } } },
      async (request) => getDelivery(deps, merchantOf(request), request.params.id, request.params.deliveryId),
    );

    app.post(
      '/api/v1/merchant/webhooks/:id/deliveries/:deliveryId/redeliver',
      { schema: { tags, summary: 'Send a delivery again, with the same event id', params: DeliveryParams, response: { 202: WebhookDeliverySchema } }, config: perMerchant(60) },
      async (request, reply) => reply.status(202).send(await redeliver(deps, merchantOf(request), request.params.id, request.params.deliveryId)),
    );
  };
