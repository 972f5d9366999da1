// Finds the merchant a consumer names: by its Nalish id, a website or a Facebook page.
// A website or page nobody has registered becomes an unclaimed merchant record, so the
// complaint still counts toward that seller's record and goes straight to the regulator.
import { randomUUID } from 'node:crypto';
import { type FileComplaintInput, normalizeFacebookPage, normalizeWebsite } from '@nalish/domain';
import type { Queryable } from '../db/db.ts';
import { AppError } from '../errors.ts';

type Ref = FileComplaintInput['merchant'];

export async function findMerchantByIdentifier(tx: Queryable, kind: 'website' | 'facebook', value: string): Promise<string | null> {
  const [row] = await tx.query<{ merchant_id: string }>(
    'SELECT merchant_id FROM merchant_identifiers WHERE kind = $1 AND value = $2',
    [kind, value],
  );
  return row?.merchant_id ?? null;
}

export async function resolveMerchant(tx: Queryable, ref: Ref): Promise<string> {
  if (ref.id) {
    const [m] = await tx.query<{ id: string }>('SELECT id FROM merchants WHERE id = $1', [ref.id]);
    if (!m) throw new AppError('merchant_not_found');
    return m.id;
  }
  const website = ref.website ? normalizeWebsite(ref.website) : null;
  const facebook = ref.facebookPage ? normalizeFacebookPage(ref.facebookPage) : null;
  const found =
    (website && (await findMerchantByIdentifier(tx, 'website', website))) ||
    (facebook && (await findMerchantByIdentifier(tx, 'facebook', facebook)));
  if (found) return found;
  if (!website && !facebook) throw new AppError('merchant_ambiguous');

  const id = randomUUID();
  const name = ref.name ?? website ?? `facebook.com/${facebook}`;
  await tx.query(`INSERT INTO merchants (id, name, status) VALUES ($1, $2, 'unclaimed')`, [id, name]);
  // Two consumers naming the same unknown page at once: the second insert finds the first.
  const ids: [string, string][] = [];
  if (website) ids.push(['website', website]);
  if (facebook) ids.push(['facebook', facebook]);
  for (const [kind, value] of ids) {
    const inserted = await tx.query(
      `INSERT INTO merchant_identifiers (kind, value, merchant_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING value`,
      [kind, value, id],
    );
    if (inserted.length === 0) {
      const other = await findMerchantByIdentifier(tx, kind as 'website' | 'facebook', value);
      if (other) return other;
    }
  }
  return id;
}
