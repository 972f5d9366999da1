// Any step on an existing complaint by a consumer, merchant, officer or the system:
// lock the row, authorise, run the state machine, write the outcome — one transaction.
import { type Action, type Command, type Role, transition } from '@nalish/domain';
import type { Queryable } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorise } from '../access/complaint.ts';
import { officeAbove } from '../offices/route.ts';
import { applyOutcome, loadMerchantContact, merchantReachable, stepEvent } from './apply.ts';
import { COMPLAINT_COLUMNS, type ComplaintRow, toSnapshot } from './row.ts';

export async function lockComplaint(tx: Queryable, where: { id: string } | { code: string }): Promise<ComplaintRow | null> {
  const [row] = await tx.query<ComplaintRow>(
    `SELECT ${COMPLAINT_COLUMNS} FROM complaints c WHERE ${'id' in where ? 'c.id' : 'c.tracking_code'} = $1 FOR UPDATE`,
    ['id' in where ? where.id : where.code],
  );
  return row ?? null;
}

/** Evidence named in a payload must already be attached to this complaint. */
export async function checkEvidence(tx: Queryable, complaintId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM evidence WHERE complaint_id = $1 AND id = ANY($2::uuid[])',
    [complaintId, ids],
  );
  if ((rows[0]?.n ?? 0) !== new Set(ids).size) throw new AppError('evidence_not_found');
}

export interface ActInput {
  actor: Actor;
  command: Command;
  /** The version the client saw; a mismatch is refused as a conflict. */
  expectedVersion?: number | undefined;
  /** When the step takes effect, if not now: a deadline's expiry counts at the deadline, so a
   *  silence escalation falls on the deadline day, not on the next day's first sweep (issue 18.6). */
  at?: Date;
}

export async function actOnComplaintTx(tx: Queryable, deps: Deps, where: { id: string } | { code: string }, input: ActInput): Promise<ComplaintRow> {
  // The instant the step counts at (the deadline for an expiry); messages are still due now.
  const now = input.at ?? deps.now();
  const row = authorise(input.actor, await lockComplaint(tx, where));
  if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) throw new AppError('conflict');
  const { command, actor } = input;

  if (command.action === 'respond' || command.action === 'provide_info' || command.action === 'record_remedy') {
    await checkEvidence(tx, row.id, command.payload.evidenceIds);
  }
  if (command.action === 'assign' && actor.role === 'officer') {
    const [o] = await tx.query('SELECT 1 FROM officers WHERE id = $1 AND office_id = $2 AND active', [command.payload.officerId, actor.officeId]);
    if (!o) throw new AppError('officer_not_in_office');
  }

  const merchant = await loadMerchantContact(tx, row.merchant_id);
  const role: Role = actor.role;
  const result = transition(toSnapshot(row, merchantReachable(merchant)), command, {
    now,
    role,
    ...(actor.role === 'consumer' || actor.role === 'merchant' ? { party: actor.role } : {}),
    settings: deps.settings,
    calendar: await deps.calendar.get(tx),
  });
  if (!result.ok) {
    const e = result.error;
    if (e.code === 'role_not_allowed') throw new AppError('forbidden');
    if (e.code === 'invalid_transition') throw new AppError('invalid_transition', { state: e.from }, { state: e.from, action: e.action });
    throw new AppError('guard_failed', { guard: e.guard }, { guard: e.guard, action: e.action });
  }

  const extra: Parameters<typeof applyOutcome>[1]['extra'] = {};
  if (command.action === 'schedule_hearing') extra.hearing = command.payload;
  if (command.action === 'decide') {
    extra.decision = {
      outcome: command.payload.outcome,
      fineBdt: command.payload.fineBdt,
      reasons: command.payload.reasons,
      ...(command.payload.order ? { order: command.payload.order } : {}),
    };
  }
  if (command.action === 'record_fine_collected') {
    // The complainant's share of a collected fine (CRPA 2009 s.76(4)), rounded down to the taka.
    extra.complainant_share_bdt = Math.floor((command.payload.amountBdt * deps.settings.complainantSharePercent) / 100);
  }
  if (command.action === 'rate') extra.rating = command.payload.stars;
  if (command.action === 'record_remedy') extra.remedy_record = { ...command.payload, recordedAt: now.toISOString() };
  if (command.action === 'adjourn_hearing') {
    const { reason, ...notice } = command.payload;
    extra.hearing = { ...notice, adjournedBecause: reason };
  }
  if (command.action === 'record_hearing') {
    const p = command.payload;
    // A party who did not come gets a second notice (the hearing stays scheduled); otherwise
    // the hearing is recorded as held with who came.
    extra.hearing =
      result.outcome.to === 'hearing_scheduled' && p.next
        ? { ...p.next, secondNotice: true }
        : { ...row.hearing!, outcome: 'held', attendance: p.attendance, ...(p.note ? { note: p.note } : {}) };
  }
  if (command.action === 'cancel_hearing') extra.hearing = { ...row.hearing!, outcome: 'cancelled', note: command.payload.reason };
  if (result.outcome.snapshot.raisedToHead && row.raised_at === null) {
    // Missed regulator deadlines: the case goes to the office above (issue 18.3).
    extra.office_id = await officeAbove(tx, row.office_id);
    extra.raised_at = now;
  }

  return applyOutcome(tx, {
    row,
    outcome: result.outcome,
    event: stepEvent(command, actor),
    extra,
    merchant,
    publicUrl: deps.config.publicUrl,
    now,
    sendFrom: deps.now(),
  });
}

export function actOnComplaint(deps: Deps, where: { id: string } | { code: string }, input: ActInput): Promise<ComplaintRow> {
  return deps.db.transaction((tx) => actOnComplaintTx(tx, deps, where, input));
}

export type { Action };
