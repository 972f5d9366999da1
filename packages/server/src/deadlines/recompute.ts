// A holiday declared late moves the deadlines it touches. Each change of the holiday table
// leaves a `calendar_changes` row (holidays/changes.ts, written with the change); this worker
// claims one at a time (FOR UPDATE SKIP LOCKED, with a lease so a crashed worker's change is
// taken again), and for every open deadline whose working-day count crossed a newly closed day,
// computes it again under the rule it was set with (domain calendar/dueRule.ts: never earlier).
// Each complaint is moved in its own transaction: the timer, its reminders, the complaint's
// due_at, a `deadline_moved` event in the history and the message to the party who owes the
// step (outbox). Doing it again is a no-op — the second computation gives the same day — so a
// crash anywhere loses nothing and repeats nothing.
import {
  type DhakaDate,
  type ClockRules,
  type DeadlineMovedPayload,
  type LifecycleSettings,
  type DueRule,
  type NotifyIntent,
  type Snapshot,
  type State,
  type WorkingCalendar,
  ACTIONS,
  type Action,
  DueRuleSchema,
  ReminderRuleSchema,
  clockRuleOf,
  dhakaDate,
  ownerOf,
  recomputeDueAt,
  reminderAtFor,
  startOfDhakaDate,
  startsClock,
} from '@nalish/domain';
import { CLOSES_OFFICES } from '@nalish/domain/calendar';
import type { Queryable } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { lockComplaint } from '../complaints/act.ts';
import { loadMerchantContact, recordEvent } from '../complaints/apply.ts';
import { COMPLAINT_COLUMNS, type ComplaintRow, toSnapshot } from '../complaints/row.ts';
import { enqueueNotifications } from '../notify/enqueue.ts';

/** How long a worker holds a change before another may take it over. */
const LEASE_MS = 5 * 60_000;

interface ExpiryTimer {
  id: string | number;
  complaint_id: string;
  for_state: State;
  fire_at: Date;
  due_rule: DueRule | null;
}

/**
 * Pending expiries that a closed day from `firstClosed` on could move: due on or after it, with
 * a working-day rule or no stored rule (set before migration 011).
 */
async function candidateExpiries(q: Queryable, firstClosed: DhakaDate, complaintId?: string): Promise<ExpiryTimer[]> {
  return q.query<ExpiryTimer>(
    `SELECT id, complaint_id, for_state, fire_at, due_rule FROM timers
      WHERE status = 'pending' AND kind = 'expiry' AND fire_at >= $1
        AND (due_rule IS NULL OR due_rule->>'kind' = 'working_days')
        AND ($2::uuid IS NULL OR complaint_id = $2::uuid)
      ORDER BY complaint_id, id`,
    [startOfDhakaDate(firstClosed), complaintId ?? null],
  );
}

/** The clock's rules of a timer set before rules were stored: derived from the step that started it. */
async function derivedRules(
  q: Queryable,
  row: ComplaintRow,
  settings: LifecycleSettings,
): Promise<ClockRules | null> {
  const events = await q.query<{ type: string; from_state: State | null; to_state: State; created_at: Date }>(
    'SELECT type, from_state, to_state, created_at FROM events WHERE complaint_id = $1 AND to_state = $2 ORDER BY seq DESC',
    [row.id, row.state],
  );
  const snapshot = toSnapshot(row, true);
  for (const e of events) {
    if (!(ACTIONS as readonly string[]).includes(e.type)) continue;
    const action = e.type as Action;
    if (!startsClock(action, e.from_state, e.to_state, snapshot)) continue;
    return clockRuleOf(action, row.state, new Date(e.created_at), e.from_state, snapshot, settings);
  }
  return null;
}

/** What a move would be: the new due time and the closed days it crossed, or null. */
export function plannedMove(rule: DueRule, dueAt: Date, closed: readonly DhakaDate[], cal: WorkingCalendar): { dueAt: Date; crossed: DhakaDate[] } | null {
  if (rule.kind !== 'working_days') return null;
  const fromDay = dhakaDate(new Date(rule.from));
  const dueDay = dhakaDate(dueAt);
  // The count runs from the day after the clock started up to the due day.
  const crossed = closed.filter((d) => d > fromDay && d <= dueDay);
  if (crossed.length === 0) return null;
  const next = recomputeDueAt(rule, dueAt, cal);
  return next.moved ? { dueAt: next.dueAt, crossed } : null;
}

const parseRule = (raw: unknown): DueRule | null => (raw === null || raw === undefined ? null : DueRuleSchema.parse(raw));

/**
 * How many open deadlines would move if the days `closed` stopped being working days, giving the
 * calendar `after` (the import's preview). Timers without a stored rule count with a derived one.
 */
export async function countDeadlinesThatWouldMove(q: Queryable, closed: readonly DhakaDate[], after: WorkingCalendar, settings: LifecycleSettings): Promise<number> {
  if (closed.length === 0) return 0;
  const sorted = [...closed].sort();
  let n = 0;
  for (const t of await candidateExpiries(q, sorted[0]!)) {
    let rule = parseRule(t.due_rule);
    if (!rule) {
      const [row] = await q.query<ComplaintRow>(`SELECT ${COMPLAINT_COLUMNS} FROM complaints c WHERE id = $1`, [t.complaint_id]);
      if (!row || row.state !== t.for_state) continue;
      rule = (await derivedRules(q, row, settings))?.due ?? null;
    }
    if (rule && plannedMove(rule, new Date(t.fire_at), sorted, after)) n += 1;
  }
  return n;
}

/** The names of the holidays that close `days`, for the event and the messages. */
function holidaysOn(days: readonly DhakaDate[], cal: WorkingCalendar): DeadlineMovedPayload['holidays'] {
  return days.map((date) => {
    const closing = (cal.entriesByDate?.get(date) ?? []).filter((h) => CLOSES_OFFICES[h.kind]);
    return {
      date,
      nameEn: closing.map((h) => h.nameEn).join('; ') || 'a public holiday',
      nameBn: closing.map((h) => h.nameBn).join('; ') || 'সরকারি ছুটি',
    };
  });
}

/** The recipient who owes the next step, as the outbox knows it (the regulator is the office). */
function owedBy(s: Pick<Snapshot, 'state' | 'infoRequestedFrom'>): NotifyIntent['to'] | null {
  const owner = ownerOf(s);
  if (owner === 'regulator') return 'office';
  if (owner === 'merchant' || owner === 'consumer') return owner;
  return null;
}

/**
 * Move one complaint's deadline for a change, in the caller's transaction. Returns true when it
 * moved. The complaint is locked first, then its timers (the order of every other writer).
 */
export async function moveComplaintDeadline(
  tx: Queryable,
  deps: Pick<Deps, 'now' | 'settings' | 'config'>,
  complaintId: string,
  change: { id: number; closed: readonly DhakaDate[] },
  cal: WorkingCalendar,
): Promise<boolean> {
  const now = deps.now();
  const row = await lockComplaint(tx, { id: complaintId });
  if (!row) return false;
  const [timer] = await tx.query<ExpiryTimer>(
    `SELECT id, complaint_id, for_state, fire_at, due_rule FROM timers
      WHERE complaint_id = $1 AND kind = 'expiry' AND status = 'pending' AND for_state = $2 FOR UPDATE`,
    [row.id, row.state],
  );
  if (!timer) return false;
  const stored = parseRule(timer.due_rule);
  const derived = stored ? null : await derivedRules(tx, row, deps.settings);
  const rule = stored ?? derived?.due ?? null;
  if (!rule) return false;
  const previous = new Date(timer.fire_at);
  const move = plannedMove(rule, previous, change.closed, cal);
  if (!move) return false;

  // A derived rule is stored as it moves, so the next change reads it directly.
  await tx.query('UPDATE timers SET fire_at = $2, due_rule = COALESCE(due_rule, $3::jsonb) WHERE id = $1', [timer.id, move.dueAt, JSON.stringify(rule)]);
  // Reminders move with their expiry (later only: a reminder is never sent earlier than announced).
  const reminders = await tx.query<{ id: string | number; fire_at: Date; reminder_rule: unknown; notify: NotifyIntent | null }>(
    `SELECT id, fire_at, reminder_rule, notify FROM timers
      WHERE complaint_id = $1 AND kind = 'reminder' AND status = 'pending' AND for_state = $2 FOR UPDATE`,
    [row.id, row.state],
  );
  for (const r of reminders) {
    const rrule = r.reminder_rule ? ReminderRuleSchema.parse(r.reminder_rule) : (derived?.reminders.find((d) => d.notify.template === r.notify?.template)?.rule ?? null);
    if (!rrule) continue;
    const at = reminderAtFor(rrule, move.dueAt, cal);
    if (at.getTime() > new Date(r.fire_at).getTime()) {
      await tx.query('UPDATE timers SET fire_at = $2, reminder_rule = COALESCE(reminder_rule, $3::jsonb) WHERE id = $1', [r.id, at, JSON.stringify(rrule)]);
    }
  }

  await tx.query('UPDATE complaints SET due_at = $2, due_rule = COALESCE(due_rule, $3::jsonb) WHERE id = $1 AND version = $4', [row.id, move.dueAt, JSON.stringify(rule), row.version]);
  const holidays = holidaysOn(move.crossed, cal);
  const payload: DeadlineMovedPayload = { previousDueAt: previous.toISOString(), dueAt: move.dueAt.toISOString(), holidays, calendarChange: change.id };
  const updated = await recordEvent(tx, { ...row, due_at: move.dueAt }, { type: 'deadline_moved', actor: { role: 'system' }, payload }, now);

  const to = owedBy({ state: row.state, infoRequestedFrom: row.info_requested_from });
  if (to) {
    const merchant = await loadMerchantContact(tx, row.merchant_id);
    const names = (locale: 'bn' | 'en') => [...new Set(holidays.map((h) => (locale === 'bn' ? h.nameBn : h.nameEn)))].join(', ');
    await enqueueNotifications(tx, [{ to, template: 'deadline_moved' }], {
      complaint: updated,
      merchant,
      publicUrl: deps.config.publicUrl,
      now,
      extra: (locale) => ({ holiday: names(locale) }),
    });
  }
  return true;
}

export interface RecomputeResult {
  changes: number;
  moved: number;
}

/** Take pending changes one by one and move the deadlines each touches. */
export async function processCalendarChanges(deps: Deps, maxChanges = 10): Promise<RecomputeResult> {
  const result: RecomputeResult = { changes: 0, moved: 0 };
  for (let i = 0; i < maxChanges; i++) {
    const now = deps.now();
    const [change] = await deps.db.query<{ id: string | number; closed: string[] }>(
      `UPDATE calendar_changes SET lease_until = $2, attempts = attempts + 1
        WHERE id = (SELECT id FROM calendar_changes
                     WHERE done_at IS NULL AND (lease_until IS NULL OR lease_until <= $1)
                     ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(closed_days) AS d ORDER BY d) AS closed`,
      [now, new Date(now.getTime() + LEASE_MS)],
    );
    if (!change) break;
    const id = Number(change.id);
    const closed = change.closed;
    let moved = 0;
    if (closed.length > 0) {
      // The table may have been changed by another process (the CLI): read it afresh.
      deps.calendar.invalidate();
      const cal = await deps.calendar.get();
      const complaints = [...new Set((await candidateExpiries(deps.db, closed[0]!)).map((t) => t.complaint_id))];
      for (const complaintId of complaints) {
        if (await deps.db.transaction((tx) => moveComplaintDeadline(tx, deps, complaintId, { id, closed }, cal))) moved += 1;
      }
    }
    await deps.db.query('UPDATE calendar_changes SET done_at = $2, moved = $3, lease_until = NULL WHERE id = $1', [id, deps.now(), moved]);
    result.changes += 1;
    result.moved += moved;
  }
  return result;
}
