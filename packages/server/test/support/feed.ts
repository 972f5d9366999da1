// The events feed hands an event out only once every transaction older than it has ended,
// and on a PostgreSQL server that means every database's (other test files run alongside).
// Tests that expect "everything so far" wait for that first; bounded, so a stuck transaction
// fails the test instead of hanging it.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queryable } from '../../src/db/db.ts';

export async function feedSettled(db: Queryable, merchantId: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [r] = await db.query<{ settled: boolean }>(
      `SELECT coalesce(max(e.feed_tx) < pg_snapshot_xmin(pg_current_snapshot()), true) AS settled
         FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE c.merchant_id = $1`,
      [merchantId],
    );
    if (r?.settled) return;
    await sleep(25);
  }
  throw new Error('the feed stayed held back for 10 s: a transaction on the database server did not end');
}
