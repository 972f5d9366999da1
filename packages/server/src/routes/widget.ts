// The widget and the trust badge: the loader script, the badge's data and image (bound to the
// merchant's websites), the merchant's signing secret for order context, and the demo shop.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BadgeSchema, FileSchema, NoContentSchema, SigningSecretCreatedSchema, SigningSecretInfoSchema } from '@nalish/domain/responses';
import { negotiateLocale } from '@nalish/domain';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { ownerOf, staffOf } from '../access/merchant.ts';
import { requireActor } from '../http/auth.ts';
import { sendFile } from '../http/sendFile.ts';
import { badgeFor, badgeSvg, pageHost } from '../widget/badge.ts';
import { demoShopPage } from '../demo/demoShop.ts';
import { loaderSource, pickEncoding } from '../widget/loader.ts';
import { rotateSigningSecret, signingSecretInfo } from '../widget/signingSecrets.ts';

const Lang = z.object({ lang: z.enum(['bn', 'en']).optional().describe('Language of the texts; default from Accept-Language') });

// The badge's answer depends on the page asking: no cache may keep one and hand it to another
// site. Any site may read it (it is public), without cookies.
function badgeHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('vary', 'Origin, Referer, Accept-Language')
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('x-content-type-options', 'nosniff');
}

export const widgetRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const loader = loaderSource();

    for (const path of ['/widget.js', '/badge.js']) {
      app.get(
        path,
        {
          schema: {
            tags: ['widget'],
            summary:
              path === '/widget.js'
                ? 'The widget loader: <script src=".../widget.js" data-merchant="<id>" async> (docs/INTEGRATION.md)'
                : 'The same loader, showing the trust badge where the script tag is',
            querystring: z.object({ v: z.string().max(40).optional().describe('The version; a versioned URL may be cached for a year') }),
            produces: ['text/javascript'],
            response: { 200: FileSchema.describe('The script'), 304: NoContentSchema },
          },
        },
        async (request, reply) => {
          const asset = await loader();
          if (!asset) throw new AppError('not_found');
          void reply
            .header('content-type', 'text/javascript; charset=utf-8')
            .header('etag', asset.etag)
            .header('vary', 'Accept-Encoding')
            .header('x-content-type-options', 'nosniff')
            .header('cross-origin-resource-policy', 'cross-origin')
            .header('access-control-allow-origin', '*')
            .header('cache-control', request.query.v === asset.version ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate');
          if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
          const encoding = pickEncoding(request.headers['accept-encoding']);
          if (encoding) void reply.header('content-encoding', encoding);
          return sendFile(reply, encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.body);
        },
      );
    }

    app.get(
      '/api/v1/badge/:merchantId',
      {
        schema: {
          tags: ['widget'],
          summary: "The trust badge's data: registration and, only on the merchant's own websites (by the Origin or Referer header), its 12-month record",
          params: z.object({ merchantId: z.uuid() }),
          querystring: Lang,
          response: { 200: BadgeSchema },
        },
        config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const locale = request.query.lang ?? negotiateLocale(request.headers['accept-language']);
        const badge = await badgeFor(deps.db, request.params.merchantId, pageHost(request.headers), { now: deps.now(), publicUrl: deps.config.publicUrl, locale });
        badgeHeaders(reply);
        if (!badge) throw new AppError('merchant_not_found');
        return badge;
      },
    );

    app.get(
      '/badge/:file',
      {
        schema: {
          tags: ['widget'],
          summary: 'The trust badge as an SVG image: /badge/<merchant id>.svg (bound to the merchant\'s websites by the Referer header)',
          params: z.object({ file: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.svg$/i) }),
          querystring: Lang,
          produces: ['image/svg+xml'],
          response: { 200: FileSchema.describe('The badge'), 404: FileSchema.describe('The badge of an unknown merchant') },
        },
        config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const locale = request.query.lang ?? negotiateLocale(request.headers['accept-language']);
        const merchantId = request.params.file.slice(0, -4).toLowerCase();
        // Only the Referer counts here: an <img> request carries no Origin.
        const host = pageHost({ referer: request.headers.referer });
        const badge = await badgeFor(deps.db, merchantId, host, { now: deps.now(), publicUrl: deps.config.publicUrl, locale });
        void badgeHeaders(reply)
          .status(badge ? 200 : 404)
          .header('content-type', 'image/svg+xml; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
        return sendFile(reply, badgeSvg(locale, badge));
      },
    );

    app.get(
      '/api/v1/merchant/signing-secret',
      { schema: { tags: ['merchant'], summary: 'Whether the merchant has a signing secret for order context (never the secret itself)', response: { 200: SigningSecretInfoSchema } } },
      async (request) => {
        // Staff signed in with a session: an API key cannot see or change the signing secret.
        const actor = staffOf(requireActor(request));
        const info = await signingSecretInfo(deps.db, actor.merchantId);
        return { exists: info !== null, prefix: info?.prefix ?? null, createdAt: info?.createdAt ?? null };
      },
    );

    app.post(
      '/api/v1/merchant/signing-secret',
      {
        schema: {
          tags: ['merchant'],
          summary: 'Create or rotate the signing secret for order context (owners only). The secret is shown only in this answer; the old one stops working at once.',
          response: { 201: SigningSecretCreatedSchema },
        },
        // The answer carries the secret once: it is never kept for an idempotent replay.
        config: { rateLimit: { max: 10, timeWindow: '15 minutes' }, idempotency: false },
      },
      async (request, reply) => {
        const actor = await ownerOf(deps.db, requireActor(request));
        const created = await rotateSigningSecret(deps.db, deps.secret, actor.merchantId, { userId: actor.userId, now: deps.now() });
        return reply.status(201).header('cache-control', 'no-store').send(created);
      },
    );

    if (deps.config.demoData) {
      app.get(
        '/demo-shop',
        { schema: { hide: true, querystring: z.object({ lang: z.enum(['bn', 'en']).default('bn'), phone: z.string().max(20).optional() }) } },
        async (request, reply) => {
          const asset = await loader();
          const html = await demoShopPage(deps, { lang: request.query.lang, phone: request.query.phone, loaderVersion: asset?.version ?? null });
          if (!html) throw new AppError('not_found');
          return reply
            .header('content-type', 'text/html; charset=utf-8')
            .header('cache-control', 'no-store')
            .header('x-content-type-options', 'nosniff')
            .header('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'")
            .send(html);
        },
      );
    }
  };
