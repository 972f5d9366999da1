// A seller's public profile: registration, where it sells (never its phone numbers), and its
// record — the same figures the merchant sees, where resolved is the consumer's own word
// (stats/figures.ts), and the policy breaches per rule.
import type { MerchantProfile } from '@nalish/domain/responses';
import type { Queryable } from '../db/db.ts';
import { breachesByRule } from '../findings/stats.ts';
import { merchantFigures } from '../stats/figures.ts';

type Status = MerchantProfile['status'];

/** The profile, or null when there is no such merchant. */
export async function merchantProfile(db: Queryable, id: string): Promise<MerchantProfile | null> {
  const [m] = await db.query<{ id: string; name: string; status: Status; trade_licence: string | null; dbid: string | null }>(
    'SELECT id, name, status, trade_licence, dbid FROM merchants WHERE id = $1',
    [id],
  );
  if (!m) return null;
  const ids = await db.query<{ kind: string; value: string }>(
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
    complaints: await merchantFigures(db, m.id),
    policyBreaches: await breachesByRule(db, m.id),
    regulatorLate: await regulatorLateOn(db, m.id),
  };
}

/** Cases against this seller that the regulator is late on (a missed regulator deadline not yet
 *  caught up), and since when: the public sees the regulator's delays too. */
async function regulatorLateOn(db: Queryable, merchantId: string): Promise<MerchantProfile['regulatorLate']> {
  const [late] = await db.query<{ cases: number; since: Date | null }>(
    `SELECT count(*)::int AS cases, min(regulator_late_since) AS since FROM complaints
     WHERE merchant_id = $1 AND regulator_late_since IS NOT NULL AND owner IS NOT NULL`,
    [merchantId],
  );
  return { cases: late?.cases ?? 0, since: late?.since ? new Date(late.since).toISOString() : null };
}
