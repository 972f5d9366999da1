// A fixed-window counter in the database (rate_counters), so a limit holds across every
// server process: one upsert per hit, which returns the count so far in this window.
import type { Queryable } from '../db/db.ts';

export interface WindowCount {
  count: number;
  /** When this window ends and the count starts again. */
  resetAt: Date;
}

export async function countHit(db: Queryable, key: string, windowMs: number, now: Date): Promise<WindowCount> {
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const [row] = await db.query<{ count: number }>(
    `INSERT INTO rate_counters (key, window_start, count) VALUES ($1, $2, 1)
     ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1
     RETURNING count`,
    [key, new Date(start)],
  );
  return { count: row?.count ?? 1, resetAt: new Date(start + windowMs) };
}

/** Old windows are of no further use (called by the housekeeping loop). */
export async function dropOldWindows(db: Queryable, before: Date): Promise<number> {
  const rows = await db.query('DELETE FROM rate_counters WHERE window_start < $1 RETURNING 1', [before]);
  return rows.length;
}
