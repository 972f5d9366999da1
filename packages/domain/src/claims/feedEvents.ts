// The public event types a merchant's or a gateway's systems receive about claims (webhooks and
// the events feed, as for complaints), and which history event becomes which, in one table over
// every claim event type: a new event type does not compile until it is decided here. Who
// receives them (the merchant of the programme, the gateways holding its money) is an access
// rule of the server; what they carry is the claim number, the state and amounts, never the
// claimant's name or number.
import type { ClaimEvent, ClaimEventType } from './events.ts';

export const CLAIM_FEED_EVENT_TYPES = [
  'claim.submitted',
  'claim.deficient',
  'claim.determined',
  'claim.accepted',
  'claim.contested',
  'claim.rejected',
  'claim.withdrawn',
  'claim.paid',
  'claim.partly_paid',
  'line.disputed',
  'line.dispute_resolved',
  'line.cleared',
  'line.held',
] as const;
export type ClaimFeedEventType = (typeof CLAIM_FEED_EVENT_TYPES)[number];

type Mapping = ClaimFeedEventType | null | ((e: ClaimEvent, to: string) => ClaimFeedEventType | null);

/** Which history event is which public event (null: none; the outcome decides for some). */
export const CLAIM_FEED_EVENTS: Record<ClaimEventType, Mapping> = {
  created: null,
  claimant_details_changed: null,
  line_added: null,
  line_removed: null,
  instrument_added: null,
  instrument_removed: null,
  instrument_surrendered: null,
  evidence_added: null,
  deadline_reminder: null,
  submit: 'claim.submitted',
  screening_lapsed: null,
  start_review: null,
  request_cure: 'claim.deficient',
  cure: null,
  cure_lapsed: null,
  review_overdue: null,
  determine: 'claim.determined',
  // Accepting a nil amount ends the claim rejected; deemed acceptance is an acceptance the payer acts on.
  accept_determination: (_e, to) => (to === 'rejected' ? 'claim.rejected' : 'claim.accepted'),
  answer_lapsed: (_e, to) => (to === 'rejected' ? 'claim.rejected' : 'claim.accepted'),
  contest: 'claim.contested',
  reopen_review: null,
  reject: 'claim.rejected',
  withdraw: 'claim.withdrawn',
  draft_lapsed: null,
  reopen: null,
  record_received: (_e, to) => (to === 'paid' ? 'claim.paid' : null),
  payment_follow_up: null,
  end_payment: 'claim.partly_paid',
  line_match_list: null,
  line_dispute: 'line.disputed',
  line_resolve_dispute: 'line.dispute_resolved',
  line_record_clearance: (e) => (e.type === 'line_record_clearance' && e.payload.decision === 'no_objection' ? 'line.cleared' : 'line.held'),
  line_hold: 'line.held',
  line_release: null,
  line_allow: null,
  line_reject: null,
  line_reconsider: null,
  line_correct: null,
};

/** The public event a history event becomes, given the state the claim went to. */
export function claimFeedEventOf(e: ClaimEvent, toState: string): ClaimFeedEventType | null {
  const m = CLAIM_FEED_EVENTS[e.type];
  return typeof m === 'function' ? m(e, toState) : m;
}
