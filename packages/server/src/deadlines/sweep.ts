// The deadline sweep. Timers are rows; each due one is claimed in its own transaction (its
// record with FOR UPDATE SKIP LOCKED, then the timer), so several workers never act on one
// twice and a crash mid-batch leaves the rest pending for the next sweep. What a timer does
// is its record kind's handler (handlers.ts).
import type { Deps } from '../deps.ts';
import type { RecordKind } from '../records/kinds.ts';
import { type DueTimer, TIMER_HANDLERS, type TimerHandler } from './handlers.ts';

export interface SweepResult {
  fired: number;
  stale: number;
}

export async function sweepTimers(deps: Deps, batch = 100): Promise<SweepResult> {
  const now = deps.now();
  const due = await deps.db.query<{ id: number; record_kind: RecordKind; record_id: string }>(
    `SELECT id, record_kind, record_id FROM timers WHERE status = 'pending' AND fire_at <= $1 ORDER BY fire_at, id LIMIT $2`,
    [now, batch],
  );
  const result: SweepResult = { fired: 0, stale: 0 };
  for (const { id, record_kind, record_id } of due) {
    const handler = TIMER_HANDLERS[record_kind] as TimerHandler<RecordKind>;
    const outcome = await deps.db.transaction(async (tx) => {
      // A record someone is changing right now is skipped and picked up by the next sweep.
      if (!(await handler.lock(tx, record_id))) return 'taken' as const;
      const [timer] = await tx.query<DueTimer>(
        `SELECT id, record_id, purpose, kind, for_state, action, notify, fire_at FROM timers
         WHERE id = $1 AND status = 'pending' FOR UPDATE`,
        [id],
      );
      if (!timer) return 'taken' as const; // another worker did it first
      // Marked done before acting: the step it takes may start a new clock of the same purpose.
      await tx.query(`UPDATE timers SET status = 'done', done_at = $2 WHERE id = $1`, [timer.id, now]);
      const fired = await handler.fire(tx, deps, timer);
      if (fired === 'stale') await tx.query(`UPDATE timers SET status = 'stale', done_at = $2 WHERE id = $1`, [timer.id, now]);
      return fired;
    });
    if (outcome === 'fired') result.fired += 1;
    if (outcome === 'stale') result.stale += 1;
  }
  return result;
}
