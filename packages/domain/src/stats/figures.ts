// The figures about a merchant's complaints, each defined here once and read the same way by
// the merchant's own figures, the seller's public profile, the trust badge and the regulator.
//
// Honest by construction:
// - "resolved" is the consumer's own word that the remedy was carried out (confirm_fulfilled).
//   An offer the consumer accepted is not yet resolved, and one taken as accepted because the
//   consumer did not answer in time (deem_accepted) is never counted as the consumer's word;
// - "confirmed not resolved" (the consumer reported the remedy was not carried out), "no
//   answer" (the remedy's deadline passed with neither the merchant's record nor the consumer's
//   word) and "carried out, not confirmed" (the merchant recorded the remedy and the consumer
//   stayed silent: closed, never counted as resolved nor against the merchant) are figures of
//   their own, not folded into anything else;
// - an answer given after the deadline (the case already with the regulator) is counted as
//   answered late, never as answered on time;
// - every share is shown with the number it is out of (answerDue for answers, settled for
//   outcomes).
//
// How they are kept: each event of a complaint changes a few counters (countersOf, pure). The
// server adds them, in the transaction that writes the event, to the merchant's counters for
// the month the complaint was filed in; a figure is a sum of counters (figuresFrom). A page
// view reads a few dozen rows and never scans the complaints.
import { z } from 'zod';
import { dhakaDate } from '../calendar/calendar.ts';
import type { ComplaintEvent, ComplaintEventType } from '../complaint/events.ts';
import { PHASES, type Phase, STATES, STATE_INFO, type State } from '../lifecycle/states.ts';

/** Counters an event adds to (besides `in:<state>`, how many complaints are in each state). */
export const EVENT_COUNTERS = [
  'received',
  'answered',
  'not_answered',
  'answered_late',
  'accepted_by_consumer',
  'deemed_accepted',
  'resolved',
  'not_resolved',
  'no_answer',
  'remedy_recorded',
  'carried_out_unconfirmed',
  'settled_by_agreement',
  'escalated',
  'upheld',
  'dismissed',
  'rated',
  'rating_sum',
] as const;
export type Counter = (typeof EVENT_COUNTERS)[number] | `in:${State}`;
export const COUNTERS: readonly Counter[] = [...EVENT_COUNTERS, ...STATES.map((s) => `in:${s}` as const)];
export type Counts = Partial<Record<Counter, number>>;

/** The step (or filing) each simple counter counts. */
const COUNTED_EVENTS: Partial<Record<ComplaintEventType, Counter>> = {
  filed: 'received',
  merchant_silent: 'not_answered',
  accept: 'accepted_by_consumer',
  deem_accepted: 'deemed_accepted',
  confirm_fulfilled: 'resolved',
  report_unfulfilled: 'not_resolved',
  remedy_overdue: 'no_answer',
  record_remedy: 'remedy_recorded',
  close_unconfirmed: 'carried_out_unconfirmed',
  settle_by_agreement: 'settled_by_agreement',
};

export type CountedEvent = ComplaintEvent & { fromState: State | null; toState: State };

/** What one event of a complaint adds to its merchant's counters (negative: a complaint left a state). */
export function countersOf(e: CountedEvent): Counts {
  const counts: Counts = {};
  const add = (k: Counter, n = 1) => {
    counts[k] = (counts[k] ?? 0) + n;
  };
  if (e.fromState !== e.toState) {
    if (e.fromState) add(`in:${e.fromState}`, -1);
    add(`in:${e.toState}`);
  }
  const counter = COUNTED_EVENTS[e.type];
  if (counter) add(counter);
  // An answer before the deadline is on time; one taken while the case is with the regulator is late.
  if (e.type === 'respond') add(e.fromState === 'with_merchant' ? 'answered' : 'answered_late');
  // A complaint reaches the regulator once (from routing, silence, a rejected offer or an
  // unfulfilled remedy); an overdue case re-entering 'escalated' is not a second escalation.
  if (e.toState === 'escalated' && e.fromState !== 'escalated') add('escalated');
  if (e.type === 'decide') add(e.payload.outcome === 'upheld' ? 'upheld' : 'dismissed');
  if (e.type === 'rate') {
    add('rated');
    add('rating_sum', e.payload.stars);
  }
  return counts;
}

/** The month bucket (a Dhaka date, the first of the month) a complaint's counters go to. */
export function monthOf(filedAt: Date): string {
  return `${dhakaDate(filedAt).slice(0, 7)}-01`;
}

/** The first month of a window of `months` months ending with the month of `now`. */
export function firstMonthOf(now: Date, months: number): string {
  const [y, m] = dhakaDate(now).split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1 - (months - 1), 1));
  return first.toISOString().slice(0, 10);
}

const count = z.number().int();

export const FiguresSchema = z.object({
  received: count.describe('Complaints filed against the merchant'),
  open: count.describe('Of them, not finished: new, with the merchant or with the regulator'),
  phases: z.object(Object.fromEntries(PHASES.map((p) => [p, count])) as Record<Phase, typeof count>).describe('Where the complaints are now'),
  awaitingAnswer: count.describe("Waiting for the merchant's answer now"),
  answerDue: count.describe('Complaints whose answer came due: answered or not (the n of answered)'),
  answered: count.describe('The merchant answered before its deadline'),
  notAnswered: count.describe('The deadline passed without an answer (sent to the regulator)'),
  answeredLate: count.describe('Answers given after the deadline, while the case was with the regulator: never on time'),
  acceptedByConsumer: count.describe("The consumer accepted the merchant's offer or defence"),
  deemedAccepted: count.describe('Taken as accepted because the consumer did not answer in time: never the consumer’s word'),
  awaitingRemedy: count.describe('An accepted offer is being carried out; the merchant has not yet recorded it and the consumer has not said'),
  awaitingConfirmation: count.describe('The merchant recorded the remedy as carried out; the consumer has not yet confirmed or denied it'),
  remedyRecorded: count.describe('The merchant recorded the remedy as carried out (with its reference)'),
  settled: count.describe("Complaints past the merchant's stage (with the regulator or finished), less those rejected as invalid: the n of the outcomes"),
  resolved: count.describe('The consumer confirmed the remedy was carried out'),
  confirmedNotResolved: count.describe('The consumer reported the remedy was not carried out'),
  noAnswer: count.describe("The remedy's deadline passed with neither the merchant's record that it was carried out nor the consumer's word"),
  carriedOutNotConfirmed: count.describe('The merchant recorded the remedy and the consumer did not answer in time: closed, never counted as resolved'),
  settledByAgreement: count.describe("A case with the regulator closed because the consumer accepted the merchant's late answer"),
  escalated: count.describe('Sent to the regulator'),
  withdrawn: count.describe('Withdrawn by the consumer'),
  rejectedInvalid: count.describe('Rejected by an officer as not a valid complaint'),
  upheld: count.describe('Decided by the regulator against the merchant'),
  dismissed: count.describe('Decided by the regulator in the merchant’s favour'),
  rated: count.describe('Consumers who rated the outcome'),
  averageRating: z.number().nullable().describe('Average of the ratings (1–5), two decimals; null when none'),
});
export type Figures = z.infer<typeof FiguresSchema>;

/** The figures from counters summed over any months. */
export function figuresFrom(counts: Counts): Figures {
  const n = (k: Counter) => counts[k] ?? 0;
  const inPhase = (p: Phase) => STATES.filter((s) => STATE_INFO[s].phase === p).reduce((sum, s) => sum + n(`in:${s}`), 0);
  const phases = Object.fromEntries(PHASES.map((p) => [p, inPhase(p)])) as Record<Phase, number>;
  const rejectedInvalid = n('in:rejected');
  const rated = n('rated');
  return {
    received: n('received'),
    open: phases.new + phases.with_merchant + phases.with_regulator,
    phases,
    awaitingAnswer: n('in:with_merchant'),
    answerDue: n('answered') + n('not_answered'),
    answered: n('answered'),
    notAnswered: n('not_answered'),
    answeredLate: n('answered_late'),
    acceptedByConsumer: n('accepted_by_consumer'),
    deemedAccepted: n('deemed_accepted'),
    awaitingRemedy: n('in:resolved'),
    awaitingConfirmation: n('in:remedy_reported'),
    remedyRecorded: n('remedy_recorded'),
    settled: phases.with_regulator + phases.closed - rejectedInvalid,
    resolved: n('resolved'),
    confirmedNotResolved: n('not_resolved'),
    noAnswer: n('no_answer'),
    carriedOutNotConfirmed: n('carried_out_unconfirmed'),
    settledByAgreement: n('settled_by_agreement'),
    escalated: n('escalated'),
    withdrawn: n('in:withdrawn'),
    rejectedInvalid,
    upheld: n('upheld'),
    dismissed: n('dismissed'),
    rated,
    averageRating: rated > 0 ? Math.round((100 * n('rating_sum')) / rated) / 100 : null,
  };
}

/** A share in whole per cent, or null when there is nothing to take it of. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((100 * part) / whole) : null;
}
