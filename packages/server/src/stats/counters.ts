// The merchants' counters (migration 010): what each complaint event adds, per merchant, per
// month the complaint was filed in. The rules of what counts are the domain's (countersOf);
// this module only stores them, in the transaction that writes the event (records/events.ts),
// and can recount them from the whole history (after the migration, and in tests to check
// that the running counters never drift).
import type { ComplaintEvent } from '@nalish/domain';
import { type Counts, type CountedEvent, countersOf, monthOf } from '@nalish/domain/stats';
import type { Db, Queryable } from '../db/db.ts';
import type { EventOf, RecordRefOf } from '../records/kinds.ts';

interface CounterRow {
  merchantId: string;
  month: string;
  counter: string;
  n: number;
}

/**
 * Add counts in one statement. They are appended as deltas (migration 015), never updated in
 * place: an event's transaction locks no row another merchant event needs, so concurrent
 * events of one merchant never wait for each other. The workers fold them (foldCounterDeltas).
 */
async function addRows(tx: Queryable, rows: CounterRow[]): Promise<void> {
  const nonZero = rows.filter((r) => r.n !== 0).sort((a, b) => a.merchantId.localeCompare(b.merchantId) || a.month.localeCompare(b.month) || a.counter.localeCompare(b.counter));
  if (nonZero.length === 0) return;
  await tx.query(
    `INSERT INTO merchant_counter_deltas (merchant_id, month, counter, n)
     SELECT * FROM unnest($1::uuid[], $2::date[], $3::text[], $4::bigint[])`,
    [nonZero.map((r) => r.merchantId), nonZero.map((r) => r.month), nonZero.map((r) => r.counter), nonZero.map((r) => r.n)],
  );
}

function rowsOf(merchantId: string, month: string, counts: Counts): CounterRow[] {
  return Object.entries(counts).map(([counter, n]) => ({ merchantId, month, counter, n: n ?? 0 }));
}

/** A complaint event's counters, added to its merchant's month (records/events.ts calls this). */
export async function addComplaintCounters(tx: Queryable, record: RecordRefOf<'complaint'>, event: EventOf<'complaint'>): Promise<void> {
  const counted = { type: event.type, payload: event.payload, fromState: event.fromState, toState: event.toState } as CountedEvent;
  await addRows(tx, rowsOf(record.merchantId, monthOf(record.filedAt), countersOf(counted)));
}

interface HistoryRow {
  merchant_id: string;
  filed_at: Date;
  type: ComplaintEvent['type'];
  payload: ComplaintEvent['payload'];
  from_state: CountedEvent['fromState'];
  to_state: CountedEvent['toState'];
}

/** Every merchant's counters as the whole history gives them (the running ones must equal this). */
export async function countFromHistory(db: Queryable): Promise<Map<string, number>> {
  const rows = await db.query<HistoryRow>(
    `SELECT c.merchant_id, c.filed_at, e.type, e.payload, e.from_state, e.to_state
     FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE e.record_kind = 'complaint'`,
  );
  const totals = new Map<string, number>();
  for (const r of rows) {
    const counts = countersOf({ type: r.type, payload: r.payload, fromState: r.from_state, toState: r.to_state } as CountedEvent);
    for (const [counter, n] of Object.entries(counts)) {
      const key = counterKey(r.merchant_id, monthOf(new Date(r.filed_at)), counter);
      totals.set(key, (totals.get(key) ?? 0) + (n ?? 0));
    }
  }
  for (const [k, n] of totals) if (n === 0) totals.delete(k);
  return totals;
}

export const counterKey = (merchantId: string, month: string, counter: string) => `${merchantId}|${month}|${counter}`;

/** The stored counters, keyed like countFromHistory's (zeros left out). */
export async function storedCounters(db: Queryable): Promise<Map<string, number>> {
  const rows = await db.query<{ merchant_id: string; month: string; counter: string; n: string | number }>(
    `SELECT merchant_id, to_char(month, 'YYYY-MM-DD') AS month, counter, sum(n) AS n FROM ${COUNTERS_AND_DELTAS} c
     GROUP BY merchant_id, month, counter HAVING sum(n) <> 0`,
  );
  return new Map(rows.map((r) => [counterKey(r.merchant_id, r.month, r.counter), Number(r.n)]));
}

/**
 * Recount once after migration 010 (the counters start empty beside an existing history). The
 * row lock on counters_recount makes a second process starting at the same time wait, then
 * find the work done; the complaints are locked against new events meanwhile, so none is
 * counted twice or missed.
 */
export async function recountCountersOnce(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [state] = await tx.query<{ counted_at: Date | null }>('SELECT counted_at FROM counters_recount WHERE id = 1 FOR UPDATE');
    if (!state || state.counted_at) return false;
    await tx.exec('LOCK TABLE complaints IN SHARE MODE');
    await tx.query('DELETE FROM merchant_counters');
    await tx.query('DELETE FROM merchant_counter_deltas');
    const rows: CounterRow[] = [];
    for (const [key, n] of await countFromHistory(tx)) {
      const [merchantId, month, counter] = key.split('|') as [string, string, string];
      rows.push({ merchantId, month, counter, n });
    }
    await addRows(tx, rows);
    await tx.query('UPDATE counters_recount SET counted_at = now() WHERE id = 1');
    return true;
  });
}

/** Every counter row, folded or not: a figure sums over this (a subquery for FROM). */
export const COUNTERS_AND_DELTAS = `(SELECT merchant_id, month, counter, n FROM merchant_counters
  UNION ALL SELECT merchant_id, month, counter, n FROM merchant_counter_deltas)`;

/**
 * Fold appended deltas into merchant_counters (the workers, every tick): one batch taken with
 * SKIP LOCKED, deleted and added in one transaction, so a crash folds nothing twice or loses
 * nothing, and two workers fold different batches. Returns how many deltas were folded.
 */
export async function foldCounterDeltas(db: Db, batch = 5000): Promise<number> {
  return db.transaction(async (tx) => {
    const [r] = await tx.query<{ folded: number }>(
      `WITH moved AS (
         DELETE FROM merchant_counter_deltas WHERE id IN (
           SELECT id FROM merchant_counter_deltas ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING merchant_id, month, counter, n),
       summed AS (
         SELECT merchant_id, month, counter, sum(n)::bigint AS n FROM moved GROUP BY merchant_id, month, counter),
       added AS (
         INSERT INTO merchant_counters AS m (merchant_id, month, counter, n)
         SELECT merchant_id, month, counter, n FROM summed ORDER BY merchant_id, month, counter
         ON CONFLICT (merchant_id, month, counter) DO UPDATE SET n = m.n + excluded.n
         RETURNING 1)
       SELECT (SELECT count(*) FROM moved)::int AS folded, (SELECT count(*) FROM added)::int AS rows`,
      [batch],
    );
    return r?.folded ?? 0;
  });
}
