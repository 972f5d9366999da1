// What a complaint looks like to the person asking: the same record, with the steps this
// person may take now and, for staff, the verified history chain.
import {
  type Action,
  type ActiveContentKind,
  type ComplaintEventType,
  type EvidenceType,
  type LifecycleSettings,
  type Role,
  STATE_INFO,
  type State,
  actionsFor,
  isHumanAction,
  maskMobile,
  nextStepOf,
  regulatorWindow,
} from '@nalish/domain';
import type { ComplaintSummary, ComplaintView, Evidence, TimelineEntry } from '@nalish/domain/responses';
import type { Queryable } from '../db/db.ts';
import { type ChainReport, verifyChain } from '../history/chain.ts';
import { policyView } from '../findings/view.ts';
import type { Actor } from '../access/actor.ts';
import type { ComplaintRow } from './row.ts';

export function availableActions(row: Pick<ComplaintRow, 'state' | 'info_requested_from'>, role: Role): Action[] {
  return actionsFor(row.state, role).filter((a) => {
    // Steps people take through the API; the others are the system's (deadlines, routing).
    if (!isHumanAction(a)) return false;
    if (a === 'provide_info') return row.info_requested_from === role;
    return true;
  });
}

/** The history check as a case shows it (the complaint is the one shown). */
function chainCheck(r: ChainReport): NonNullable<ComplaintView['historyChain']> {
  return { ok: r.ok, events: r.events, ...(r.brokenAtSeq === undefined ? {} : { brokenAtSeq: r.brokenAtSeq }), ...(r.reason === undefined ? {} : { reason: r.reason }) };
}

export function summary(row: ComplaintRow, now: Date): ComplaintSummary {
  return {
    trackingCode: row.tracking_code,
    version: row.version,
    state: row.state,
    phase: STATE_INFO[row.state].phase,
    owner: row.owner,
    dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
    overdue: row.due_at ? new Date(row.due_at).getTime() < now.getTime() : false,
    merchantId: row.merchant_id,
    orderNumber: row.order_number,
    amountBdt: row.amount_bdt,
    orderConfirmed: row.order_confirmed,
    problemCategory: row.category,
    filedAt: new Date(row.filed_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function fullView(db: Queryable, row: ComplaintRow, actor: Actor, now: Date, settings: LifecycleSettings): Promise<ComplaintView> {
  // One round trip for everything around the complaint (a tracking read is the busiest path).
  const [related] = await db.query<{
    events: { seq: number; type: ComplaintEventType; actor_role: Role; from_state: State | null; to_state: State; created_at: string; payload: Record<string, unknown> }[] | null;
    evidence: { id: string; filename: string; media_type: EvidenceType; active_content: ActiveContentKind[]; size_bytes: number; sha256: string; original_sha256: string | null; original_size_bytes: number | null; uploaded_by: Evidence['uploadedBy']; created_at: string }[] | null;
    merchant: { id: string; name: string; status: 'registered' | 'unclaimed' | 'suspended' } | null;
  }>(
    `SELECT
       (SELECT json_agg(e ORDER BY e.seq) FROM (SELECT seq, type, actor_role, from_state, to_state, created_at, payload
          FROM events WHERE complaint_id = $1) e) AS events,
       (SELECT json_agg(v ORDER BY v.created_at) FROM (SELECT id, filename, media_type, active_content, size_bytes, sha256, original_sha256, original_size_bytes, uploaded_by, created_at
          FROM evidence WHERE complaint_id = $1) v) AS evidence,
       (SELECT json_build_object('id', id, 'name', name, 'status', status) FROM merchants WHERE id = $2) AS merchant`,
    [row.id, row.merchant_id],
  );
  const events = related?.events ?? [];
  const evidence = related?.evidence ?? [];
  const merchantRows = related?.merchant ? [related.merchant] : [];
  const staff = actor.role === 'officer';
  return {
    ...summary(row, now),
    merchant: merchantRows[0] ?? null,
    consumer: {
      name: row.consumer_name,
      // The merchant and officer need the number to settle the complaint; others see it masked.
      phone: actor.role === 'consumer' || actor.role === 'merchant' || staff ? row.consumer_phone : maskMobile(row.consumer_phone),
      email: row.consumer_email,
      district: row.district,
      locale: row.consumer_locale,
    },
    order: { number: row.order_number, date: row.order_date, amountBdt: row.amount_bdt, paymentChannel: row.payment_channel },
    description: row.description,
    wantedRemedy: row.wanted_remedy,
    preChecks: row.pre_checks,
    policy: policyView(row, actor),
    regulatorWindow: regulatorWindow(String(row.pre_checks.problemDate), now, settings.regulatorFilingLimitDays),
    response: row.response,
    infoRequestedFrom: row.info_requested_from,
    hearing: row.hearing,
    remedyRecord: row.remedy_record,
    responseLate: row.response_late,
    lateAnswerAccepted: row.late_answer_accepted,
    regulatorLate: row.regulator_late_since
      ? {
          since: new Date(row.regulator_late_since).toISOString(),
          misses: row.regulator_misses,
          raisedAt: row.raised_at ? new Date(row.raised_at).toISOString() : null,
        }
      : null,
    next: nextStepOf({ state: row.state, owner: row.owner, dueAt: row.due_at ? new Date(row.due_at) : null }, now),
    decision: row.decision,
    fineCollectedBdt: row.fine_collected_bdt,
    complainantShareBdt: row.complainant_share_bdt,
    assignedOfficerId: row.assigned_officer_id,
    rating: row.rating,
    officeId: row.office_id,
    actions: actor.role === 'system' ? [] : availableActions(row, actor.role),
    timeline: events.map<TimelineEntry>((e) => ({
      seq: e.seq,
      type: e.type,
      actorRole: e.actor_role,
      fromState: e.from_state,
      toState: e.to_state,
      at: new Date(e.created_at).toISOString(),
      payload: e.payload,
    })),
    evidence: evidence.map((e): Evidence => ({
      id: e.id,
      filename: e.filename,
      mediaType: e.media_type,
      // Marked for whoever opens it: this PDF can run code or carries files (README, Evidence).
      activeContent: e.active_content,
      sizeBytes: e.size_bytes,
      sha256: e.sha256,
      original: e.original_sha256 && e.original_size_bytes ? { sha256: e.original_sha256, sizeBytes: Number(e.original_size_bytes) } : null,
      uploadedBy: e.uploaded_by,
      createdAt: new Date(e.created_at).toISOString(),
    })),
    ...(staff ? { historyChain: chainCheck(await verifyChain(db, row.id)) } : {}),
  };
}
