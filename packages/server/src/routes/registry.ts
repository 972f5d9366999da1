// The public merchant registry: anyone can check a seller before buying.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MerchantSearchSchema } from '@nalish/domain/responses';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { breachesByRule } from '../findings/stats.ts';
import { merchantFigures } from '../stats/figures.ts';
import { searchMerchants } from '../merchants/search.ts';

interface MerchantRow {
  id: string;
  name: string;
  status: string;
  trade_licence: string | null;
  dbid: string | null;
}

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
      { schema: { tags: ['public'], summary: "A merchant's public profile and complaint record", params: z.object({ id: z.uuid() }) } },
      async (request) => {
        const [m] = await deps.db.query<MerchantRow>('SELECT id, name, status, trade_licence, dbid FROM merchants WHERE id = $1', [request.params.id]);
        if (!m) throw new AppError('not_found');
        const ids = await deps.db.query<{ kind: string; value: string }>(
          `SELECT kind, value FROM merchant_identifiers WHERE merchant_id = $1 AND kind <> 'phone' ORDER BY kind, value`,
          [m.id],
        );
        return {
          id: m.id,
          name: m.name,
          status: m.status,
          registered: m.status === 'registered',
          tradeLicence: m.trade_licence,
          dbid: m.dbid,
          websites: ids.filter((i) => i.kind === 'website').map((i) => i.value),
          facebookPages: ids.filter((i) => i.kind === 'facebook').map((i) => i.value),
          // The same figures the merchant sees: resolved is the consumer's own word (stats/figures.ts).
          complaints: await merchantFigures(deps.db, m.id),
          policyBreaches: await breachesByRule(deps.db, m.id),
        };
      },
    );
  };
