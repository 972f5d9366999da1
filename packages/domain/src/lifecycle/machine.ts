// The complaint lifecycle as one table. Every transition names the states it leaves from,
// the roles allowed to take it, its guard and where it goes. The clock that starts on
// entering a state, the action its expiry takes, and who is told what, are tables too.
// Nothing here does I/O: the server loads a snapshot, calls `transition`, and writes the
// outcome, the event and the outbox rows in one transaction.
import type { Action, Command, HearingAttendance, MerchantResponse, PayloadOf } from './actions.ts';
import type { LifecycleSettings } from './settings.ts';
import { type Owner, REGULATOR_STATES, type Role, type State, STATE_INFO } from './states.ts';
import { type WorkingCalendar, dhakaDate, endOfDhakaDate } from '../calendar/calendar.ts';
import {
  type DueRule,
  type ReminderRule,
  calendarDaysRule,
  dueAtFor,
  fixedRule,
  reminderAtFor,
  workingDaysRule,
} from '../calendar/dueRule.ts';

/** What the state machine needs to know about a complaint. */
export interface Snapshot {
  readonly state: State;
  /** The merchant is registered, claimed and has a way to be reached. */
  readonly merchantReachable: boolean;
  readonly response: MerchantResponse | null;
  readonly infoRequestedFrom: 'consumer' | 'merchant' | null;
  /** Review time left when the officer paused the clock to ask for information. */
  readonly pausedRemainingMs: number | null;
  readonly hearingAt: string | null;
  readonly decision: { outcome: 'upheld' | 'dismissed'; fineBdt: number } | null;
  readonly fineCollectedBdt: number | null;
  readonly assignedOfficerId: string | null;
  readonly dueAt: Date | null;
  /** The merchant's answer came after its deadline, while the case was with the regulator. */
  readonly responseLate: boolean;
  /** The consumer accepted that late answer: the officer may settle the case by agreement. */
  readonly lateAnswerAccepted: boolean;
  /** How many regulator deadlines this case has missed. */
  readonly regulatorMisses: number;
  /** Since when the regulator is late (its first missed deadline not yet caught up), or null. */
  readonly regulatorLateSince: Date | null;
  /** The case went to the office above after missing its regulator deadlines. */
  readonly raisedToHead: boolean;
  /** A party missed the scheduled hearing and was sent a second notice. */
  readonly hearingSecondNotice: boolean;
}

export const INITIAL_SNAPSHOT: Omit<Snapshot, 'merchantReachable'> = {
  state: 'submitted',
  response: null,
  infoRequestedFrom: null,
  pausedRemainingMs: null,
  hearingAt: null,
  decision: null,
  fineCollectedBdt: null,
  assignedOfficerId: null,
  dueAt: null,
  responseLate: false,
  lateAnswerAccepted: false,
  regulatorMisses: 0,
  regulatorLateSince: null,
  raisedToHead: false,
  hearingSecondNotice: false,
};

export type Recipient = 'consumer' | 'merchant' | 'office' | 'party';
export const TEMPLATES = [
  'filed',
  'new_complaint',
  'merchant_reminder',
  'merchant_responded',
  'deemed_accept_soon',
  'offer_accepted',
  'confirm_remedy_soon',
  'remedy_record_soon',
  'remedy_recorded',
  'remedy_confirm_soon',
  'escalated',
  'escalated_office',
  'regulator_overdue',
  'raised_to_head',
  'regulator_late',
  'late_answer',
  'late_answer_office',
  'late_answer_accepted',
  'info_requested',
  'hearing_scheduled',
  'hearing_second_notice',
  'hearing_cancelled',
  'decided',
  'withdrawn',
  'rejected',
  'closed',
  /** A holiday declared after the deadline was set moved it (server deadlines/recompute.ts). */
  'deadline_moved',
] as const;
export type Template = (typeof TEMPLATES)[number];
export interface NotifyIntent {
  readonly to: Recipient;
  readonly template: Template;
}

/**
 * Templates that remind someone of a step they owe. A reminder already in the outbox is
 * withdrawn in the transaction of any step that replaces the clock it belongs to, so nobody is
 * reminded of a step already taken (issue 18.5).
 */
export const REMINDER_TEMPLATES: readonly Template[] = ['merchant_reminder', 'deemed_accept_soon', 'confirm_remedy_soon', 'remedy_record_soon', 'remedy_confirm_soon'];

export interface Reminder {
  readonly at: Date;
  /** How `at` follows from the deadline, to move the reminder with it. */
  readonly rule: ReminderRule;
  readonly notify: NotifyIntent;
}

/** The clock that starts on entering a state: its deadline, what its expiry does, reminders. */
export interface Clock {
  readonly dueAt: Date;
  /** The rule `dueAt` was computed with (`dueAtFor(rule, calendar)`), to recompute it when holidays change. */
  readonly rule: DueRule;
  readonly onExpiry: Action;
  readonly reminders: readonly Reminder[];
}

export interface Outcome {
  readonly from: State;
  readonly to: State;
  readonly snapshot: Snapshot;
  /** The new clock, or 'keep' when the action leaves the running clock as it is. */
  readonly clock: Clock | 'keep' | null;
  readonly notify: readonly NotifyIntent[];
}

export type TransitionError =
  | { readonly code: 'invalid_transition'; readonly from: State; readonly action: Action }
  | { readonly code: 'role_not_allowed'; readonly role: Role; readonly action: Action }
  | { readonly code: 'guard_failed'; readonly guard: Guard; readonly action: Action };

export type Guard =
  | 'merchant_reachable'
  | 'merchant_unreachable'
  | 'response_is_offer'
  | 'info_party_matches'
  | 'fine_collectable'
  | 'hearing_in_future'
  | 'officer_assigned'
  | 'hearing_not_settled'
  | 'hearing_not_yet'
  | 'second_notice_date'
  | 'late_answer_present'
  | 'late_answer_accepted';

export interface Context {
  readonly now: Date;
  readonly role: Role;
  /** For provide_info: which party is answering. */
  readonly party?: 'consumer' | 'merchant';
  readonly settings: LifecycleSettings;
  readonly calendar: WorkingCalendar;
}

interface Transition<A extends Action> {
  readonly from: readonly State[];
  readonly roles: readonly Role[];
  /** Returns the name of the first guard that fails, or null. */
  readonly guard?: (s: Snapshot, p: PayloadOf<A>, ctx: Context) => Guard | null;
  readonly to: (s: Snapshot, p: PayloadOf<A>) => State;
  /** How the snapshot changes, besides the state. */
  readonly patch?: (s: Snapshot, p: PayloadOf<A>, ctx: Context) => Partial<Snapshot>;
  /** Self-loops that must not restart the clock say so. */
  readonly keepClock?: (s: Snapshot) => boolean;
  /** A clock of the action's own, instead of the clock of the state it enters. */
  readonly clock?: (s: Snapshot, ctx: Context) => Clock;
  /** Extra notifications for this action, besides those of the state it enters. */
  readonly notify?: readonly NotifyIntent[] | ((s: Snapshot, p: PayloadOf<A>, next: Snapshot) => readonly NotifyIntent[]);
  /** States the step is refused in with a reason of its own (a guard's name) rather than as
   *  "not possible now": the person is told what has to happen first. */
  readonly refusedIn?: Partial<Record<State, Guard>>;
}

/** The regulator's states before its decision (states.ts): a case there can still be withdrawn or assigned. */
const BEFORE_DECISION: readonly State[] = REGULATOR_STATES.filter((s) => s !== 'decided');
const WITHDRAWABLE: readonly State[] = [
  'submitted',
  'with_merchant',
  'merchant_responded',
  'resolved',
  'remedy_reported',
  ...BEFORE_DECISION,
];
/** Where a merchant's answer is still taken after its deadline: the case waits with the
 *  regulator and nothing is decided yet (issue 18.2). */
const LATE_ANSWER_STATES = BEFORE_DECISION;
const isLate = (s: Snapshot) => s.state !== 'with_merchant';
/** Who did not come to a hearing. */
const ABSENT: Record<HearingAttendance, readonly ('consumer' | 'merchant')[]> = {
  both: [],
  consumer_only: ['merchant'],
  merchant_only: ['consumer'],
  none: ['consumer', 'merchant'],
};
/** A hearing still to be held: a first notice, or the second notice to a party who did not come. */
const nextHearingIsDue = (s: Snapshot, p: PayloadOf<'record_hearing'>) => p.attendance !== 'both' && !s.hearingSecondNotice;

export const TRANSITIONS: { readonly [A in Action]: Transition<A> } = {
  route: {
    from: ['submitted'],
    roles: ['system'],
    to: (s) => (s.merchantReachable ? 'with_merchant' : 'escalated'),
  },
  respond: {
    // An answer after the deadline is still taken while the case waits with the regulator:
    // it is marked late (the on-time figure counts it as not answered) and shown to the
    // consumer and the officer; the case stays where it is (issue 18.2).
    from: ['with_merchant', ...LATE_ANSWER_STATES],
    roles: ['merchant'],
    guard: (s) => (s.lateAnswerAccepted ? 'late_answer_accepted' : null),
    to: (s) => (isLate(s) ? s.state : 'merchant_responded'),
    patch: (s, p) => ({ response: p, responseLate: isLate(s), lateAnswerAccepted: false }),
    keepClock: isLate,
    notify: (s) =>
      isLate(s)
        ? [
            { to: 'consumer', template: 'late_answer' },
            { to: 'office', template: 'late_answer_office' },
          ]
        : [],
  },
  accept_late_answer: {
    from: [...LATE_ANSWER_STATES],
    roles: ['consumer'],
    guard: (s) => (s.responseLate && s.response && !s.lateAnswerAccepted ? null : 'late_answer_present'),
    to: (s) => s.state,
    patch: () => ({ lateAnswerAccepted: true }),
    keepClock: () => true,
    notify: [
      { to: 'office', template: 'late_answer_accepted' },
      { to: 'merchant', template: 'late_answer_accepted' },
    ],
  },
  settle_by_agreement: {
    // The regulator's case ends because both sides agreed; an accepted offer then runs the
    // remedy step like any other (carried out, confirmed), a defence closes the complaint.
    from: [...LATE_ANSWER_STATES],
    roles: ['officer'],
    guard: (s) => (s.lateAnswerAccepted ? null : 'late_answer_present'),
    to: (s) => (s.response?.kind === 'offer' ? 'resolved' : 'closed'),
  },
  accept: {
    from: ['merchant_responded'],
    roles: ['consumer'],
    to: (s) => (s.response?.kind === 'offer' ? 'resolved' : 'closed'),
  },
  deem_accepted: {
    from: ['merchant_responded'],
    roles: ['system'],
    to: (s) => (s.response?.kind === 'offer' ? 'resolved' : 'closed'),
  },
  reject: {
    from: ['merchant_responded'],
    roles: ['consumer'],
    to: () => 'escalated',
  },
  record_remedy: {
    // The merchant says the remedy was carried out (refund sent: channel and reference). The
    // consumer is asked to confirm it; only the consumer's "not received" escalates.
    from: ['resolved'],
    roles: ['merchant'],
    to: () => 'remedy_reported',
  },
  confirm_fulfilled: {
    from: ['resolved', 'remedy_reported'],
    roles: ['consumer'],
    to: () => 'fulfilled',
  },
  report_unfulfilled: {
    from: ['resolved', 'remedy_reported'],
    roles: ['consumer'],
    to: () => 'escalated',
  },
  close_unconfirmed: {
    // The consumer said nothing for remedyConfirmWorkingDays after the merchant's record:
    // closed as "carried out, not confirmed by the consumer". Never the consumer's
    // confirmation, never held against the merchant.
    from: ['remedy_reported'],
    roles: ['system'],
    to: () => 'closed',
  },
  remedy_overdue: {
    // The remedy's deadline passed with no record from the merchant that it was carried out
    // and no word from the consumer: the merchant missed its own step, so the regulator steps
    // in. (A consumer who stays silent after the merchant's record never gets here.)
    from: ['resolved'],
    roles: ['system'],
    to: () => 'escalated',
  },
  merchant_silent: {
    from: ['with_merchant'],
    roles: ['system'],
    to: () => 'escalated',
  },
  rate: {
    from: ['fulfilled'],
    roles: ['consumer'],
    to: () => 'closed',
  },
  close_unrated: {
    from: ['fulfilled'],
    roles: ['system'],
    to: () => 'closed',
  },
  withdraw: {
    from: WITHDRAWABLE,
    roles: ['consumer'],
    to: () => 'withdrawn',
  },
  reject_invalid: {
    from: ['submitted', 'with_merchant', 'merchant_responded', 'escalated', 'under_review'],
    roles: ['officer'],
    to: () => 'rejected',
  },
  assign: {
    from: BEFORE_DECISION,
    roles: ['officer'],
    to: (s) => (s.state === 'escalated' ? 'under_review' : s.state),
    patch: (_s, p) => ({ assignedOfficerId: p.officerId }),
    // Taking a case off the escalation queue starts the review clock; reassigning later does not.
    keepClock: (s) => s.state !== 'escalated',
  },
  regulator_overdue: {
    from: ['escalated', 'under_review', 'hearing_scheduled'],
    roles: ['system'],
    to: (s) => s.state,
    // The case is marked late from its first missed deadline; at the
    // regulatorMissesBeforeRaise-th miss it goes to the office above (the server moves it),
    // once. Misses are then in the office's daily digest of overdue cases, not an e-mail each
    // (issue 18.3).
    patch: (s, _p, ctx) => {
      const misses = s.regulatorMisses + 1;
      return {
        regulatorMisses: misses,
        regulatorLateSince: s.regulatorLateSince ?? s.dueAt ?? ctx.now,
        raisedToHead: s.raisedToHead || misses >= ctx.settings.regulatorMissesBeforeRaise,
        // Raised now: the office above assigns its own officer.
        ...(!s.raisedToHead && misses >= ctx.settings.regulatorMissesBeforeRaise ? { assignedOfficerId: null } : {}),
      };
    },
    // An overdue case gets a fresh deadline a few working days from now. (Re-entering the
    // state's own clock would give a hearing the same, already passed deadline, so the timer
    // fired again at once, forever; and it ignored the extension setting.)
    clock: (_s, ctx) => clockBy(workingDaysRule(ctx.now, ctx.settings.regulatorOverdueExtensionWorkingDays), 'regulator_overdue', ctx),
    notify: (s, _p, next) => {
      // The first miss tells the office once; raising tells the office above and the consumer.
      if (next.raisedToHead && !s.raisedToHead) {
        return [
          { to: 'office', template: 'raised_to_head' },
          { to: 'consumer', template: 'regulator_late' },
        ];
      }
      return s.regulatorMisses === 0 ? [{ to: 'office', template: 'regulator_overdue' }] : [];
    },
  },
  request_info: {
    from: ['under_review'],
    roles: ['officer'],
    to: () => 'info_requested',
    patch: (s, p, ctx) => ({
      infoRequestedFrom: p.from,
      pausedRemainingMs: Math.max(0, (s.dueAt?.getTime() ?? ctx.now.getTime()) - ctx.now.getTime()),
    }),
  },
  provide_info: {
    from: ['info_requested'],
    roles: ['consumer', 'merchant'],
    guard: (s, _p, ctx) => (ctx.party && ctx.party === s.infoRequestedFrom ? null : 'info_party_matches'),
    to: () => 'under_review',
  },
  info_timeout: {
    from: ['info_requested'],
    roles: ['system'],
    to: () => 'under_review',
  },
  schedule_hearing: {
    // A scheduled hearing is moved only by adjourning it, with a reason (adjourn_hearing).
    from: ['under_review'],
    roles: ['officer'],
    guard: (_s, p, ctx) => (Date.parse(p.at) > ctx.now.getTime() ? null : 'hearing_in_future'),
    to: () => 'hearing_scheduled',
    patch: (_s, p) => ({ hearingAt: p.at, hearingSecondNotice: false }),
    notify: [
      { to: 'consumer', template: 'hearing_scheduled' },
      { to: 'merchant', template: 'hearing_scheduled' },
    ],
  },
  adjourn_hearing: {
    from: ['hearing_scheduled'],
    roles: ['officer'],
    guard: (_s, p, ctx) => (Date.parse(p.at) > ctx.now.getTime() ? null : 'hearing_in_future'),
    to: () => 'hearing_scheduled',
    patch: (_s, p) => ({ hearingAt: p.at }),
    // A self-loop, so the notices belong to the action, not the state.
    notify: [
      { to: 'consumer', template: 'hearing_scheduled' },
      { to: 'merchant', template: 'hearing_scheduled' },
    ],
  },
  record_hearing: {
    // Attendance is recorded once the hearing's time has come. Both came, or a party missed
    // its second notice: the hearing is held and the decision is due (the review resumes with
    // decisionAfterHearingWorkingDays). A party missing the first hearing gets a second notice
    // for the date in `next` (the Act's practice), so the hearing stays scheduled.
    from: ['hearing_scheduled'],
    roles: ['officer'],
    guard: (s, p, ctx) => {
      if (!s.hearingAt || Date.parse(s.hearingAt) > ctx.now.getTime()) return 'hearing_not_yet';
      if (nextHearingIsDue(s, p) && !(p.next && Date.parse(p.next.at) > ctx.now.getTime())) return 'second_notice_date';
      return null;
    },
    to: (s, p) => (nextHearingIsDue(s, p) ? 'hearing_scheduled' : 'under_review'),
    patch: (s, p) => (nextHearingIsDue(s, p) && p.next ? { hearingAt: p.next.at, hearingSecondNotice: true } : {}),
    clock: (s, ctx) =>
      s.state === 'hearing_scheduled'
        ? (clockFor('hearing_scheduled', s, ctx) as Clock)
        : clockBy(workingDaysRule(ctx.now, ctx.settings.decisionAfterHearingWorkingDays), 'regulator_overdue', ctx),
    notify: (s, p) => (nextHearingIsDue(s, p) ? ABSENT[p.attendance].map((to) => ({ to, template: 'hearing_second_notice' as const })) : []),
  },
  cancel_hearing: {
    from: ['hearing_scheduled'],
    roles: ['officer'],
    to: () => 'under_review',
    clock: (_s, ctx) => clockBy(workingDaysRule(ctx.now, ctx.settings.decisionAfterHearingWorkingDays), 'regulator_overdue', ctx),
    notify: [
      { to: 'consumer', template: 'hearing_cancelled' },
      { to: 'merchant', template: 'hearing_cancelled' },
    ],
  },
  decide: {
    from: ['under_review'],
    roles: ['officer'],
    // A scheduled hearing is held, adjourned or cancelled before a decision (issue 11.14).
    refusedIn: { hearing_scheduled: 'hearing_not_settled' },
    to: () => 'decided',
    patch: (_s, p) => ({ decision: { outcome: p.outcome, fineBdt: p.fineBdt } }),
  },
  record_fine_collected: {
    from: ['decided'],
    roles: ['officer'],
    guard: (s) =>
      s.decision?.outcome === 'upheld' && s.decision.fineBdt > 0 && s.fineCollectedBdt === null
        ? null
        : 'fine_collectable',
    to: () => 'decided',
    patch: (_s, p) => ({ fineCollectedBdt: p.amountBdt }),
    keepClock: () => true,
  },
  close: {
    from: ['decided'],
    roles: ['officer'],
    to: () => 'closed',
  },
  close_after_decision: {
    from: ['decided'],
    roles: ['system'],
    to: () => 'closed',
  },
};

/** What the expiry of each state's clock does. Terminal states have no clock. */
export const ON_DEADLINE: Record<State, Action | null> = {
  submitted: 'route',
  with_merchant: 'merchant_silent',
  merchant_responded: 'deem_accepted',
  resolved: 'remedy_overdue',
  remedy_reported: 'close_unconfirmed',
  fulfilled: 'close_unrated',
  escalated: 'regulator_overdue',
  under_review: 'regulator_overdue',
  info_requested: 'info_timeout',
  hearing_scheduled: 'regulator_overdue',
  decided: 'close_after_decision',
  closed: null,
  withdrawn: null,
  rejected: null,
};

/** Who is told when a complaint enters a state. */
export const ON_ENTER: Record<State, readonly NotifyIntent[]> = {
  submitted: [],
  with_merchant: [{ to: 'merchant', template: 'new_complaint' }],
  merchant_responded: [{ to: 'consumer', template: 'merchant_responded' }],
  resolved: [{ to: 'merchant', template: 'offer_accepted' }],
  remedy_reported: [{ to: 'consumer', template: 'remedy_recorded' }],
  fulfilled: [],
  escalated: [
    { to: 'consumer', template: 'escalated' },
    { to: 'merchant', template: 'escalated' },
    { to: 'office', template: 'escalated_office' },
  ],
  under_review: [],
  info_requested: [{ to: 'party', template: 'info_requested' }],
  hearing_scheduled: [],
  decided: [
    { to: 'consumer', template: 'decided' },
    { to: 'merchant', template: 'decided' },
  ],
  closed: [{ to: 'consumer', template: 'closed' }],
  withdrawn: [{ to: 'merchant', template: 'withdrawn' }],
  rejected: [{ to: 'consumer', template: 'rejected' }],
};

/** The owner who must act next, or null for a finished complaint. */
export function ownerOf(s: Pick<Snapshot, 'state' | 'infoRequestedFrom'>): Owner | null {
  const owner = STATE_INFO[s.state].owner;
  if (owner === 'party') return s.infoRequestedFrom ?? 'consumer';
  return owner;
}

/**
 * A clock whose deadline follows from `rule` (calendar/dueRule.ts, the one place deadlines are
 * computed), with its reminders. Reminders that would fall before now are dropped (a short
 * clock has no room for them).
 */
function clockBy(
  rule: DueRule,
  onExpiry: Action,
  ctx: Context,
  reminders: readonly { rule: ReminderRule; notify: NotifyIntent }[] = [],
): Clock {
  const dueAt = dueAtFor(rule, ctx.calendar);
  const timed = reminders.map((r) => ({ ...r, at: reminderAtFor(r.rule, dueAt, ctx.calendar) }));
  return { dueAt, rule, onExpiry, reminders: timed.filter((r) => r.at.getTime() > ctx.now.getTime()) };
}

/** The remedy's deadline: the offer's own date when it is sooner than the guidelines' limit. */
function remedyRule(s: Snapshot, ctx: Context): DueRule {
  const limit = calendarDaysRule(ctx.now, ctx.settings.remedyDays);
  const promised = s.response?.kind === 'offer' && s.response.byDate ? new Date(s.response.byDate) : null;
  if (!promised || promised.getTime() <= ctx.now.getTime()) return limit;
  // The promised day counts to its end in Dhaka, like every other deadline.
  const promisedEnd = endOfDhakaDate(dhakaDate(promised));
  return promisedEnd.getTime() < dueAtFor(limit, ctx.calendar).getTime() ? fixedRule(promisedEnd) : limit;
}

/** The clock that starts when a complaint enters `state`. */
export function clockFor(state: State, s: Snapshot, ctx: Context): Clock | null {
  const { now, settings: cfg } = ctx;
  const onExpiry = ON_DEADLINE[state];
  if (onExpiry === null) return null;
  const days = (n: number) => n * 24 * 60 * 60 * 1000;
  switch (state) {
    case 'submitted':
      return clockBy(fixedRule(now), onExpiry, ctx);
    case 'with_merchant':
      // "1 working day before" the deadline: 10:00 Dhaka on the working day that many days before.
      return clockBy(workingDaysRule(now, cfg.merchantResponseWorkingDays), onExpiry, ctx, [
        { rule: { kind: 'working_days_before_due', days: cfg.merchantReminderWorkingDays, hour: 10 }, notify: { to: 'merchant', template: 'merchant_reminder' } },
      ]);
    case 'merchant_responded':
      return clockBy(calendarDaysRule(now, cfg.consumerReplyDays), onExpiry, ctx, [
        { rule: { kind: 'before_due', ms: days(cfg.deemedAcceptReminderDays) }, notify: { to: 'consumer', template: 'deemed_accept_soon' } },
      ]);
    case 'resolved':
      // The remedy is due by the date the merchant promised in its offer when that is sooner
      // than the guidelines' limit (remedyDays); never later.
      return clockBy(remedyRule(s, ctx), onExpiry, ctx, [
        { rule: { kind: 'before_due', ms: days(cfg.remedyReminderDays) }, notify: { to: 'consumer', template: 'confirm_remedy_soon' } },
        { rule: { kind: 'working_days_before_due', days: cfg.remedyRecordReminderWorkingDays, hour: 10 }, notify: { to: 'merchant', template: 'remedy_record_soon' } },
      ]);
    case 'remedy_reported':
      return clockBy(workingDaysRule(now, cfg.remedyConfirmWorkingDays), onExpiry, ctx, [
        { rule: { kind: 'working_days_before_due', days: cfg.remedyConfirmReminderWorkingDays, hour: 10 }, notify: { to: 'consumer', template: 'remedy_confirm_soon' } },
      ]);
    case 'fulfilled':
      return clockBy(calendarDaysRule(now, cfg.ratingDays), onExpiry, ctx);
    case 'escalated':
      return clockBy(workingDaysRule(now, cfg.regulatorAssignWorkingDays), onExpiry, ctx);
    case 'under_review':
      // Resuming after a request for information gives back the review time that was left.
      if (s.pausedRemainingMs !== null) return clockBy(fixedRule(new Date(now.getTime() + s.pausedRemainingMs)), onExpiry, ctx);
      return clockBy(workingDaysRule(now, cfg.regulatorReviewWorkingDays), onExpiry, ctx);
    case 'info_requested':
      return clockBy(calendarDaysRule(now, cfg.infoReplyDays), onExpiry, ctx);
    case 'hearing_scheduled':
      return clockBy(workingDaysRule(s.hearingAt ? new Date(s.hearingAt) : now, cfg.decisionAfterHearingWorkingDays), onExpiry, ctx);
    case 'decided':
      return clockBy(calendarDaysRule(now, cfg.complianceDays), onExpiry, ctx);
    case 'closed':
    case 'withdrawn':
    case 'rejected':
      return null;
  }
}

/** The actions a role may take in a state (guards aside): what a UI offers. */
export function actionsFor(state: State, role: Role): Action[] {
  return (Object.keys(TRANSITIONS) as Action[]).filter((a) => {
    const t = TRANSITIONS[a];
    return t.from.includes(state) && t.roles.includes(role);
  });
}

export type TransitionResult = { ok: true; outcome: Outcome } | { ok: false; error: TransitionError };

/** Apply one command to a snapshot. Pure: the caller persists the outcome. */
export function transition(s: Snapshot, cmd: Command, ctx: Context): TransitionResult {
  // The table is indexed by the command's own action, so the payload type matches;
  // TypeScript cannot correlate the two through the union, hence the one widening here.
  const t = TRANSITIONS[cmd.action] as unknown as Transition<Action>;
  const payload = cmd.payload as never;
  // The role first: a role that may never take this step is told so whatever the state, so
  // the answer does not depend on (or reveal) where the complaint happens to be.
  if (!t.roles.includes(ctx.role)) {
    return { ok: false, error: { code: 'role_not_allowed', role: ctx.role, action: cmd.action } };
  }
  if (!t.from.includes(s.state)) {
    const refused = t.refusedIn?.[s.state];
    if (refused) return { ok: false, error: { code: 'guard_failed', guard: refused, action: cmd.action } };
    return { ok: false, error: { code: 'invalid_transition', from: s.state, action: cmd.action } };
  }
  const failed = t.guard?.(s, payload, ctx) ?? null;
  if (failed) return { ok: false, error: { code: 'guard_failed', guard: failed, action: cmd.action } };

  const to = t.to(s, payload);
  const patched: Snapshot = { ...s, ...(t.patch?.(s, payload, ctx) ?? {}), state: to };
  const selfLoop = to === s.state;
  const clock: Clock | 'keep' | null = t.keepClock?.(s) ? 'keep' : (t.clock?.(patched, ctx) ?? clockFor(to, patched, ctx));
  // Leaving the paused state consumes the paused time; leaving info_requested clears the party.
  const cleaned: Snapshot = {
    ...patched,
    dueAt: clock === 'keep' ? s.dueAt : (clock?.dueAt ?? null),
    pausedRemainingMs: to === 'info_requested' ? patched.pausedRemainingMs : null,
    infoRequestedFrom: to === 'info_requested' ? patched.infoRequestedFrom : null,
    // An officer's step that starts a new clock catches the regulator up: no longer late.
    regulatorLateSince: ctx.role === 'officer' && clock !== 'keep' ? null : patched.regulatorLateSince,
  };
  const own = typeof t.notify === 'function' ? t.notify(s, payload, cleaned) : (t.notify ?? []);
  const notify = [...own, ...(selfLoop ? [] : ON_ENTER[to])];
  return { ok: true, outcome: { from: s.state, to, snapshot: cleaned, clock, notify } };
}
