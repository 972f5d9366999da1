// A complaint row as the database holds it, and the state machine's view of it.
import type { ComplaintCategory, FileComplaintInput, FactLayers, HearingAttendance, MerchantResponse, Owner, PaymentChannel, PayloadOf, Snapshot, State } from '@nalish/domain';
import type { StoredEvaluation } from '../findings/stored.ts';

export interface ComplaintRow {
  id: string;
  tracking_code: string;
  version: number;
  state: State;
  owner: Owner | null;
  due_at: Date | null;
  merchant_id: string;
  office_id: string;
  consumer_phone: string;
  consumer_name: string;
  consumer_email: string | null;
  consumer_locale: 'bn' | 'en';
  district: string;
  order_number: string;
  order_date: string;
  amount_bdt: number;
  payment_channel: PaymentChannel;
  category: ComplaintCategory;
  description: string;
  wanted_remedy: FileComplaintInput['wantedRemedy'];
  pre_checks: FileComplaintInput['preChecks'];
  response: MerchantResponse | null;
  info_requested_from: 'consumer' | 'merchant' | null;
  paused_remaining_ms: number | null;
  /** The hearing as last scheduled; `secondNotice` when a party missed the first one, and how the
   *  last one went (held with its attendance, or cancelled) once recorded. */
  hearing: {
    at: string;
    mode: 'online' | 'in_person';
    place: string;
    secondNotice?: boolean;
    adjournedBecause?: string;
    outcome?: 'held' | 'cancelled';
    attendance?: HearingAttendance;
    note?: string;
  } | null;
  /** The merchant's record that the remedy was carried out. */
  remedy_record: (PayloadOf<'record_remedy'> & { recordedAt: string }) | null;
  response_late: boolean;
  late_answer_accepted: boolean;
  regulator_misses: number;
  regulator_late_since: Date | null;
  raised_at: Date | null;
  decision: { outcome: 'upheld' | 'dismissed'; fineBdt: number; reasons: string; order?: string } | null;
  fine_collected_bdt: number | null;
  complainant_share_bdt: number | null;
  assigned_officer_id: string | null;
  rating: number | null;
  /** Facts each party stated for the policy checks. */
  policy_facts: FactLayers;
  /** The latest policy evaluation, null for complaints filed before the checks existed. */
  policy: StoredEvaluation | null;
  /** A valid signed order context came with the filing (widget/orderContext.ts). */
  order_confirmed: boolean;
  last_event_hash: string;
  filed_at: Date;
  updated_at: Date;
}

/** Columns selected wherever a full row is needed (order_date as text: no time-zone shift). */
export const COMPLAINT_COLUMNS = `c.id, c.tracking_code, c.version, c.state, c.owner, c.due_at, c.merchant_id, c.office_id,
  c.consumer_phone, c.consumer_name, c.consumer_email, c.consumer_locale, c.district, c.order_number,
  to_char(c.order_date, 'YYYY-MM-DD') AS order_date, c.amount_bdt, c.payment_channel, c.category, c.description,
  c.wanted_remedy, c.pre_checks, c.response, c.info_requested_from, c.paused_remaining_ms, c.hearing, c.decision,
  c.remedy_record, c.response_late, c.late_answer_accepted, c.regulator_misses, c.regulator_late_since, c.raised_at,
  c.fine_collected_bdt, c.complainant_share_bdt, c.assigned_officer_id, c.rating, c.policy_facts, c.policy, c.order_confirmed, c.last_event_hash, c.filed_at, c.updated_at`;

export function toSnapshot(row: ComplaintRow, merchantReachable: boolean): Snapshot {
  return {
    state: row.state,
    merchantReachable,
    response: row.response,
    infoRequestedFrom: row.info_requested_from,
    pausedRemainingMs: row.paused_remaining_ms,
    hearingAt: row.hearing?.at ?? null,
    decision: row.decision ? { outcome: row.decision.outcome, fineBdt: row.decision.fineBdt } : null,
    fineCollectedBdt: row.fine_collected_bdt,
    assignedOfficerId: row.assigned_officer_id,
    dueAt: row.due_at ? new Date(row.due_at) : null,
    responseLate: row.response_late,
    lateAnswerAccepted: row.late_answer_accepted,
    regulatorMisses: row.regulator_misses,
    regulatorLateSince: row.regulator_late_since ? new Date(row.regulator_late_since) : null,
    raisedToHead: row.raised_at !== null,
    // A hearing that was held or cancelled is no longer "scheduled"; only a pending one counts.
    hearingSecondNotice: row.hearing?.outcome === undefined && row.hearing?.secondNotice === true,
  };
}
