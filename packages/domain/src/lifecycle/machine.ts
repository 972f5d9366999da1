// The complaint lifecycle as one table. Every transition names the states it leaves from,
// the roles allowed to take it, its guard and where it goes. The clock that starts on
// entering a state, the action its expiry takes, and who is told what, are tables too.
// Nothing here does I/O: the server loads a snapshot, calls `transition`, and writes the
// outcome, the event and the outbox rows in one transaction.
import type { Action, Command, MerchantResponse, PayloadOf } from './actions.ts';
import type { LifecycleSettings } from './settings.ts';
import { type Owner, REGULATOR_STATES, type Role, type State, STATE_INFO } from './states.ts';
import type { WorkingCalendar } from '../calendar/calendar.ts';
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
  'escalated',
  'escalated_office',
  'regulator_overdue',
  'info_requested',
  'hearing_scheduled',
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
  | 'officer_assigned';

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
  readonly notify?: readonly NotifyIntent[];
}

/** The regulator's states before its decision (states.ts): a case there can still be withdrawn or assigned. */
const BEFORE_DECISION: readonly State[] = REGULATOR_STATES.filter((s) => s !== 'decided');
const WITHDRAWABLE: readonly State[] = [
  'submitted',
  'with_merchant',
  'merchant_responded',
  'resolved',
  ...BEFORE_DECISION,
];

export const TRANSITIONS: { readonly [A in Action]: Transition<A> } = {
  route: {
    from: ['submitted'],
    roles: ['system'],
    to: (s) => (s.merchantReachable ? 'with_merchant' : 'escalated'),
  },
  respond: {
    from: ['with_merchant'],
    roles: ['merchant'],
    to: () => 'merchant_responded',
    patch: (_s, p) => ({ response: p }),
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
  confirm_fulfilled: {
    from: ['resolved'],
    roles: ['consumer'],
    to: () => 'fulfilled',
  },
  report_unfulfilled: {
    from: ['resolved'],
    roles: ['consumer'],
    to: () => 'escalated',
  },
  remedy_overdue: {
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
    // An overdue case gets a fresh deadline a few working days from now. (Re-entering the
    // state's own clock would give a hearing the same, already passed deadline, so the timer
    // fired again at once, forever; and it ignored the extension setting.)
    clock: (_s, ctx) => clockBy(workingDaysRule(ctx.now, ctx.settings.regulatorOverdueExtensionWorkingDays), 'regulator_overdue', ctx),
    notify: [{ to: 'office', template: 'regulator_overdue' }],
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
    from: ['under_review', 'hearing_scheduled'],
    roles: ['officer'],
    guard: (_s, p, ctx) => (Date.parse(p.at) > ctx.now.getTime() ? null : 'hearing_in_future'),
    to: () => 'hearing_scheduled',
    patch: (_s, p) => ({ hearingAt: p.at }),
    // A rescheduled hearing is a self-loop, so the notices belong to the action, not the state.
    notify: [
      { to: 'consumer', template: 'hearing_scheduled' },
      { to: 'merchant', template: 'hearing_scheduled' },
    ],
  },
  decide: {
    from: ['under_review', 'hearing_scheduled'],
    roles: ['officer'],
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
      return clockBy(calendarDaysRule(now, cfg.remedyDays), onExpiry, ctx, [
        { rule: { kind: 'before_due', ms: days(cfg.remedyReminderDays) }, notify: { to: 'consumer', template: 'confirm_remedy_soon' } },
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
  };
  const notify = [...(t.notify ?? []), ...(selfLoop ? [] : ON_ENTER[to])];
  return { ok: true, outcome: { from: s.state, to, snapshot: cleaned, clock, notify } };
}
