// A record's clocks. Each timer belongs to a record and has a purpose; starting a clock
// replaces only the pending timers of its own purpose, so a record can run several clocks
// side by side (the lifecycle's deadline beside, say, a payout round's). The sweep
// (deadlines/sweep.ts) claims due timers and hands each to its kind's handler.
import type { Queryable } from '../db/db.ts';
import { RECORD_KEY_COLUMN, type RecordKind, type TimerPurpose } from './kinds.ts';

export interface TimerSpec {
  kind: 'expiry' | 'reminder';
  fireAt: Date;
  /** The step the system takes at an expiry. */
  action: string | null;
  /** Whom a reminder tells, and with which template. */
  notify: unknown;
  /** The rule the time was computed with (the domain's DueRule; a reminder's ReminderRule), so a
   *  holiday declared later can move it (deadlines/recompute.ts). */
  dueRule?: unknown;
  reminderRule?: unknown;
}

export interface ClockSpec<K extends RecordKind> {
  purpose: TimerPurpose<K>;
  /** The state the clock belongs to: a timer is acted on only while the record is still in it. */
  forState: string;
  timers: readonly TimerSpec[];
}

/** Retire the record's pending timers of one purpose (a clock stopped or replaced). */
export async function stopClock<K extends RecordKind>(tx: Queryable, record: { kind: K; id: string }, purpose: TimerPurpose<K>, now: Date): Promise<void> {
  await tx.query(
    `UPDATE timers SET status = 'stale', done_at = $4 WHERE record_kind = $1 AND record_id = $2 AND purpose = $3 AND status = 'pending'`,
    [record.kind, record.id, purpose, now],
  );
}

/**
 * Start a clock: the pending timers of the same purpose are retired, the new ones written.
 * `first`: the record's first clock of any kind (a record just created), nothing to retire.
 */
export async function startClock<K extends RecordKind>(
  tx: Queryable,
  record: { kind: K; id: string },
  clock: ClockSpec<K>,
  now: Date,
  opts: { first?: boolean } = {},
): Promise<void> {
  if (!opts.first) await stopClock(tx, record, clock.purpose, now);
  if (clock.timers.length === 0) return;
  const t = clock.timers;
  await tx.query(
    `INSERT INTO timers (record_kind, record_id, ${RECORD_KEY_COLUMN[record.kind]}, purpose, for_state, kind, fire_at, action, notify, due_rule, reminder_rule)
     SELECT $1, $2, $2, $3, $4, u.kind, u.fire_at, u.action, u.notify::jsonb, u.due_rule::jsonb, u.reminder_rule::jsonb
     FROM unnest($5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::text[], $10::text[]) AS u(kind, fire_at, action, notify, due_rule, reminder_rule)`,
    [
      record.kind,
      record.id,
      clock.purpose,
      clock.forState,
      t.map((x) => x.kind),
      t.map((x) => x.fireAt),
      t.map((x) => x.action),
      t.map((x) => json(x.notify)),
      t.map((x) => json(x.dueRule)),
      t.map((x) => json(x.reminderRule)),
    ],
  );
}

function json(v: unknown): string | null {
  return v === null || v === undefined ? null : JSON.stringify(v);
}
