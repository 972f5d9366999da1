// The one statistics command: every figure about a merchant's complaints (the merchant's own
// page, the seller's public profile, the trust badge, the regulator's list) is read here, from
// the counters only (stats/counters.ts), and defined once in the domain (figuresFrom). A page
// view reads a few dozen counter rows and never scans the complaints or their history.
import { type Counter, type Counts, type Figures, figuresFrom, firstMonthOf, percentOf } from '@nalish/domain/stats';
import type { BadgeRecord } from '@nalish/domain/responses';
import type { Queryable } from '../db/db.ts';
import { COUNTERS_AND_DELTAS } from './counters.ts';

export interface FiguresScope {
  /** Only complaints filed from this month on (the first of a month, a Dhaka date). */
  sinceMonth?: string;
}

/** The summed counters of each merchant asked for. */
async function countsOf(db: Queryable, merchantIds: readonly string[], scope: FiguresScope): Promise<Map<string, Counts>> {
  const rows = await db.query<{ merchant_id: string; counter: Counter; n: string | number }>(
    `SELECT merchant_id, counter, sum(n) AS n FROM ${COUNTERS_AND_DELTAS} c
     WHERE merchant_id = ANY($1::uuid[]) AND ($2::date IS NULL OR month >= $2::date)
     GROUP BY merchant_id, counter`,
    [merchantIds, scope.sinceMonth ?? null],
  );
  const out = new Map<string, Counts>(merchantIds.map((id) => [id, {}]));
  for (const r of rows) out.get(r.merchant_id)![r.counter] = Number(r.n);
  return out;
}

export async function merchantFigures(db: Queryable, merchantId: string, scope: FiguresScope = {}): Promise<Figures> {
  return figuresFrom((await countsOf(db, [merchantId], scope)).get(merchantId)!);
}

export async function figuresOfMerchants(db: Queryable, merchantIds: readonly string[], scope: FiguresScope = {}): Promise<Map<string, Figures>> {
  const counts = await countsOf(db, merchantIds, scope);
  return new Map([...counts].map(([id, c]) => [id, figuresFrom(c)]));
}

export const BADGE_MONTHS = 12;

/** The trust badge's record: the last 12 months by filing month, invalid complaints left out. */
export function badgeRecordFrom(f: Figures): BadgeRecord {
  return {
    months: BADGE_MONTHS,
    complaints: f.received - f.rejectedInvalid,
    answeredOnTimePct: percentOf(f.answered, f.answerDue),
    resolvedPct: percentOf(f.resolved, f.settled),
  };
}

export async function badgeRecord(db: Queryable, merchantId: string, now: Date): Promise<BadgeRecord> {
  return badgeRecordFrom(await merchantFigures(db, merchantId, { sinceMonth: firstMonthOf(now, BADGE_MONTHS) }));
}
