// The public merchant registry: anyone can check a seller before buying.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MerchantProfileSchema, MerchantSearchSchema } from '@nalish/domain/responses';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { merchantProfile } from '../merchants/profile.ts';
import { searchMerchants } from '../merchants/search.ts';

export const registryRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/merchants',
      { schema: { tags: ['public'], summary: 'Search merchants by name, website or Facebook page', querystring: z.object({ q: z.string().trim().min(2).max(200) }), response: { 200: MerchantSearchSchema } } },
      async (request) => searchMerchants(deps.db, request.query.q),
    );

    app.get(
      '/api/v1/merchants/:id',
      { schema: { tags: ['public'], summary: "A merchant's public profile and complaint record", params: z.object({ id: z.uuid() }), response: { 200: MerchantProfileSchema } } },
      async (request) => {
        const profile = await merchantProfile(deps.db, request.params.id);
        if (!profile) throw new AppError('not_found');
        return profile;
      },
    );
  };
