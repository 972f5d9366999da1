// Where a claim stands, as its claimant and the officers read it: the state, who must act, why
// (a reason with a label in both languages), and the next date. "Nobody's claim ever sits
// without a state, a reason and a next date": the property tests drive thousands of random
// lifecycles through this function.
import { type ClaimOwner, type ClaimPhase, type ClaimRejectCode, type ClaimState, CLAIM_STATE_INFO } from './claimStates.ts';
import { type ClaimClockStep, type ClaimSnapshot, type ProgrammeFacts, CLOCK_OF } from './claimMachine.ts';
import { type ConditionKind, paymentConditions } from './conditions.ts';

export const CLAIM_REASONS = [
  'draft_not_submitted',
  'awaiting_screening',
  'late_queued_behind',
  'missing_items',
  'cure_lapsed',
  'officer_reviewing',
  'contested',
  'lines_disputed',
  'lines_held',
  'awaiting_claimant_answer',
  'programme_not_paying_yet',
  'payments_stayed',
  'awaiting_police_clearance',
  'awaiting_surrender',
  'awaiting_payment',
  'partly_received',
  'paid_in_full',
  'paid_in_part',
  'rejected',
  'withdrawn_by_claimant',
  'draft_lapsed',
] as const;
export type ClaimReason = (typeof CLAIM_REASONS)[number];

export interface ClaimStatus {
  readonly state: ClaimState;
  readonly phase: ClaimPhase;
  readonly owner: ClaimOwner | null;
  readonly reason: ClaimReason;
  /** For a rejected claim: its reason code. */
  readonly rejectCode: ClaimRejectCode | null;
  /** The date by which the owner acts (or the claim moves on by itself); null when not open. */
  readonly nextDate: Date | null;
  readonly nextStep: ClaimClockStep | null;
}

/** The first unmet payment condition decides the reason a claim in payment waits. */
const WAITING_ON: readonly [ConditionKind, ClaimReason][] = [
  ['payments_not_stayed', 'payments_stayed'],
  ['programme_paying', 'programme_not_paying_yet'],
  ['no_dispute', 'lines_disputed'],
  ['no_hold', 'lines_held'],
  ['police_clearance', 'awaiting_police_clearance'],
  ['instrument_surrendered', 'awaiting_surrender'],
];

function reasonOf(s: ClaimSnapshot, programme: ProgrammeFacts): ClaimReason {
  const any = (state: string) => s.lines.some((l) => l.state === state);
  switch (s.state) {
    case 'draft':
      return 'draft_not_submitted';
    case 'submitted':
      return s.late ? 'late_queued_behind' : 'awaiting_screening';
    case 'deficient':
      return 'missing_items';
    case 'under_review':
      if (any('disputed')) return 'lines_disputed';
      if (s.contest) return 'contested';
      if (s.cureLapsed) return 'cure_lapsed';
      if (any('held')) return 'lines_held';
      return s.late ? 'late_queued_behind' : 'officer_reviewing';
    case 'determined':
      return 'awaiting_claimant_answer';
    case 'in_payment': {
      const unmet = new Set(paymentConditions(s, programme).filter((c) => !c.met).map((c) => c.kind));
      for (const [kind, reason] of WAITING_ON) if (unmet.has(kind)) return reason;
      return s.receivedPoisha > 0 ? 'partly_received' : 'awaiting_payment';
    }
    case 'paid':
      return 'paid_in_full';
    case 'partly_paid':
      return 'paid_in_part';
    case 'rejected':
      return 'rejected';
    case 'withdrawn':
      return s.withdrawal?.by === 'lapsed' ? 'draft_lapsed' : 'withdrawn_by_claimant';
  }
}

export function claimStatus(s: ClaimSnapshot, programme: ProgrammeFacts): ClaimStatus {
  const info = CLAIM_STATE_INFO[s.state];
  return {
    state: s.state,
    phase: info.phase,
    owner: info.owner,
    reason: reasonOf(s, programme),
    rejectCode: s.state === 'rejected' ? (s.rejection?.code ?? null) : null,
    nextDate: info.open ? s.dueAt : null,
    nextStep: CLOCK_OF[s.state],
  };
}
