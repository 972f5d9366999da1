// Writes one state-machine outcome: the new state, the event in the hash chain, the clock's
// timers and the notifications, all in the caller's transaction. The UPDATE names the version
// it read, so a concurrent change makes it fail instead of being overwritten.
import { type Command, type ComplaintEvent, type Locale, type NotifyIntent, type Outcome, REMINDER_TEMPLATES, type State, ownerOf } from '@nalish/domain';
import type { Queryable } from '../db/db.ts';
import { AppError } from '../errors.ts';
import { enqueueNotifications } from '../notify/enqueue.ts';
import { writeEvent } from '../records/events.ts';
import { withdrawPending } from '../records/outbox.ts';
import type { RecordRefOf } from '../records/kinds.ts';
import { type TimerSpec, startClock } from '../records/timers.ts';
import { type Actor, actorId } from '../access/actor.ts';
import { enqueueMerchantEvent } from '../webhooks/enqueue.ts';
import { COMPLAINT_COLUMNS, type ComplaintRow } from './row.ts';

export interface MerchantContact {
  name: string;
  contact_email: string | null;
  /** The first registered phone number: Facebook sellers often have no e-mail. */
  phone: string | null;
  locale: Locale;
  status: string;
}

export async function loadMerchantContact(tx: Queryable, merchantId: string): Promise<MerchantContact> {
  const [m] = await tx.query<MerchantContact>(
    `SELECT name, contact_email, locale, status,
       (SELECT value FROM merchant_identifiers WHERE merchant_id = m.id AND kind = 'phone' ORDER BY value LIMIT 1) AS phone
     FROM merchants m WHERE id = $1`,
    [merchantId],
  );
  if (!m) throw new AppError('merchant_not_found');
  return m;
}

/** A merchant can be sent complaints when it is registered and has an e-mail or a phone to reach. */
export function merchantReachable(m: MerchantContact): boolean {
  return m.status === 'registered' && (!!m.contact_email || !!m.phone);
}

/** A complaint event as its writer takes it: the typed event (domain/complaint/events.ts) and who caused it. */
export type EventInput = ComplaintEvent & { actor: Actor };

/** The complaint as the event writer sees it. */
export function complaintRecord(row: ComplaintRow): RecordRefOf<'complaint'> {
  return { kind: 'complaint', id: row.id, version: row.version, lastEventHash: row.last_event_hash, merchantId: row.merchant_id, filedAt: new Date(row.filed_at) };
}

/** The event of a lifecycle step: the step's name and its payload. */
export function stepEvent(command: Command, actor: Actor): EventInput {
  // Command and ComplaintEvent pair each step with its payload type; TypeScript cannot relate
  // the two mapped unions member by member, so the pairing is asserted here, in one place.
  return { type: command.action, payload: command.payload, actor } as EventInput;
}

/** The complaint's event through the one writer, and the same event as the merchant's webhooks see it. */
async function writeComplaintEvent(tx: Queryable, row: ComplaintRow, ev: EventInput, fromState: State, toState: State, now: Date) {
  const { actor, ...event } = ev;
  const written = await writeEvent(tx, complaintRecord(row), { ...event, actor: { role: actor.role, id: actorId(actor) }, fromState, toState, at: now });
  const history = { id: written.id, type: ev.type, actorRole: actor.role, fromState, toState, payload: ev.payload, createdAt: now };
  return { written, history };
}

/** Append an event that does not change the state (evidence added, a deadline reminder). */
export async function recordEvent(tx: Queryable, row: ComplaintRow, ev: EventInput, now: Date): Promise<ComplaintRow> {
  const { written, history } = await writeComplaintEvent(tx, row, ev, row.state, row.state, now);
  const [updated] = await tx.query<ComplaintRow>(
    `UPDATE complaints c SET version = $3, last_event_hash = $4, updated_at = $5
     WHERE id = $1 AND version = $2 RETURNING ${COMPLAINT_COLUMNS}`,
    [row.id, row.version, written.seq, written.hash, now],
  );
  if (!updated) throw new AppError('conflict');
  await enqueueMerchantEvent(tx, history, updated, now);
  return updated;
}

export interface ApplyInput {
  row: ComplaintRow;
  outcome: Outcome;
  event: EventInput;
  /** Column changes beyond what the snapshot carries (a decision's reasons, a hearing). */
  extra?: Partial<Pick<ComplaintRow, 'hearing' | 'decision' | 'complainant_share_bdt' | 'rating' | 'remedy_record' | 'office_id' | 'raised_at'>>;
  merchant: MerchantContact;
  publicUrl: string;
  /** When the step counts (the event's time, the row's updated_at, the new clock's start). */
  now: Date;
  /** When its messages are due, if not `now`: a deadline's expiry is written as of the deadline,
   *  but its messages go out when the sweep runs. */
  sendFrom?: Date;
  /** Extra notifications (e.g. the filing SMS), sent after the row is written. */
  notifyAlso?: readonly NotifyIntent[];
}

export async function applyOutcome(tx: Queryable, input: ApplyInput): Promise<ComplaintRow> {
  const { row, outcome, now } = input;
  const s = outcome.snapshot;
  const { written, history } = await writeComplaintEvent(tx, row, input.event, outcome.from, outcome.to, now);
  const extra = input.extra ?? {};
  const [updated] = await tx.query<ComplaintRow>(
    `UPDATE complaints c SET
       version = $3, state = $4, owner = $5, due_at = $6, response = $7, info_requested_from = $8,
       paused_remaining_ms = $9, hearing = $10, decision = $11, fine_collected_bdt = $12,
       complainant_share_bdt = $13, assigned_officer_id = $14, rating = $15,
       last_event_hash = $16, updated_at = $17,
       remedy_record = $18, response_late = $19, late_answer_accepted = $20, regulator_misses = $21,
       regulator_late_since = $22, raised_at = $23, office_id = $24
     WHERE id = $1 AND version = $2
     RETURNING ${COMPLAINT_COLUMNS}`,
    [
      row.id,
      row.version,
      written.seq,
      outcome.to,
      ownerOf(s),
      s.dueAt,
      s.response ? JSON.stringify(s.response) : null,
      s.infoRequestedFrom,
      s.pausedRemainingMs,
      JSON.stringify('hearing' in extra ? extra.hearing : row.hearing),
      JSON.stringify('decision' in extra ? extra.decision : row.decision),
      s.fineCollectedBdt,
      'complainant_share_bdt' in extra ? extra.complainant_share_bdt : row.complainant_share_bdt,
      s.assignedOfficerId,
      'rating' in extra ? extra.rating : row.rating,
      written.hash,
      now,
      JSON.stringify('remedy_record' in extra ? extra.remedy_record : row.remedy_record),
      s.responseLate,
      s.lateAnswerAccepted,
      s.regulatorMisses,
      s.regulatorLateSince,
      'raised_at' in extra ? extra.raised_at : row.raised_at,
      extra.office_id ?? row.office_id,
    ],
  );
  if (!updated) throw new AppError('conflict');

  if (outcome.clock !== 'keep') {
    // The lifecycle's clock: a new one replaces the last (other clocks of the complaint stay).
    const clock = outcome.clock;
    const timers: TimerSpec[] = clock
      ? [
          { kind: 'expiry', fireAt: clock.dueAt, action: clock.onExpiry, notify: null, dueRule: clock.rule },
          ...clock.reminders.map((r) => ({ kind: 'reminder' as const, fireAt: r.at, action: null, notify: r.notify, dueRule: clock.rule, reminderRule: r.rule })),
        ]
      : [];
    if (row.version > 1) {
      // A reminder the sweep already queued belongs to the clock this step replaces: withdrawn
      // now, in the step's transaction, so it is never delivered after the step (issue 18.5).
      await withdrawPending(tx, { kind: 'complaint', id: row.id }, REMINDER_TEMPLATES, now);
    }
    // A complaint at its first transition (routing, in the filing's transaction) has no timers yet.
    await startClock(tx, { kind: 'complaint', id: row.id }, { purpose: 'lifecycle', forState: outcome.to, timers }, now, { first: row.version === 1 });
    // The rule of the current deadline, so a holiday declared later can move it (deadlines/recompute.ts).
    await tx.query('UPDATE complaints SET due_rule = $2::jsonb WHERE id = $1', [row.id, clock ? JSON.stringify(clock.rule) : null]);
  }

  // The merchant's webhooks get the event with the complaint as it is now, in this transaction.
  await enqueueMerchantEvent(tx, history, updated, now);
  await enqueueNotifications(tx, [...(input.notifyAlso ?? []), ...outcome.notify], {
    complaint: updated,
    merchant: input.merchant,
    publicUrl: input.publicUrl,
    now: input.sendFrom ?? now,
    cause: input.event.type,
  });
  return updated;
}

