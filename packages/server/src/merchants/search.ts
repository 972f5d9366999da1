// The public registry's search: by a website or Facebook page (normalised as filing does) or
// by part of the name; registered sellers first.
import { normalizeFacebookPage, normalizeWebsite } from '@nalish/domain';
import type { MerchantSearch } from '@nalish/domain/responses';
import type { Queryable } from '../db/db.ts';

type Status = MerchantSearch['items'][number]['status'];

export async function searchMerchants(db: Queryable, q: string): Promise<MerchantSearch> {
  const rows = await db.query<{ id: string; name: string; status: Status }>(
    `SELECT m.id, m.name, m.status FROM merchants m
     WHERE m.id IN (SELECT merchant_id FROM merchant_identifiers WHERE (kind = 'website' AND value = $2) OR (kind = 'facebook' AND value = $3))
        OR lower(m.name) LIKE '%' || lower($1) || '%'
     ORDER BY m.status = 'registered' DESC, m.name LIMIT 20`,
    [q.replace(/[%_\\]/g, ''), normalizeWebsite(q), normalizeFacebookPage(q)],
  );
  return { items: rows.map((r) => ({ id: r.id, name: r.name, status: r.status, registered: r.status === 'registered' })) };
}
