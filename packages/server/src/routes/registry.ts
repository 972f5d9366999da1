// The public merchant registry: anyone can check a seller before buying.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { normalizeFacebookPage, normalizeWebsite } from '@nalish/domain';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { breachesByRule } from '../findings/stats.ts';

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
      { schema: { tags: ['public'], summary: 'Search merchants by name, website or Facebook page', querystring: z.object({ q: z.string().trim().min(2).max(200) }) } },
      async (request) => {
        const q = request.query.q;
        const website = normalizeWebsite(q);
        const facebook = normalizeFacebookPage(q);
        const rows = await deps.db.query<MerchantRow>(
          `SELECT m.id, m.name, m.status, m.trade_licence, m.dbid FROM merchants m
           WHERE m.id IN (SELECT merchant_id FROM merchant_identifiers WHERE (kind = 'website' AND value = $2) OR (kind = 'facebook' AND value = $3))
              OR lower(m.name) LIKE '%' || lower($1) || '%'
           ORDER BY m.status = 'registered' DESC, m.name LIMIT 20`,
          [q.replace(/[%_\\]/g, ''), website, facebook],
        );
        return { items: rows.map((r) => ({ id: r.id, name: r.name, status: r.status, registered: r.status === 'registered' })) };
      },
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
        const [stats] = await deps.db.query<{ total: number; open: number; escalated: number; resolved: number }>(
          `SELECT count(*)::int AS total,
                  count(*) FILTER (WHERE state NOT IN ('closed','withdrawn','rejected'))::int AS open,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id AND e.to_state = 'escalated'))::int AS escalated,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id AND e.to_state IN ('resolved','fulfilled')))::int AS resolved
           FROM complaints c WHERE merchant_id = $1`,
          [m.id],
        );
        // Cases against this seller that the regulator is late on (a missed regulator deadline
        // not yet caught up), and since when: the public sees the regulator's delays too.
        const [late] = await deps.db.query<{ cases: number; since: Date | null }>(
          `SELECT count(*)::int AS cases, min(regulator_late_since) AS since FROM complaints
           WHERE merchant_id = $1 AND regulator_late_since IS NOT NULL AND owner IS NOT NULL`,
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
          complaints: stats ?? { total: 0, open: 0, escalated: 0, resolved: 0 },
          policyBreaches: await breachesByRule(deps.db, m.id),
          regulatorLate: { cases: late?.cases ?? 0, since: late?.since ? new Date(late.since).toISOString() : null },
        };
      },
    );
  };
