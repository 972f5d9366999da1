// The claim lifecycle as one table, like the complaint's (lifecycle/machine.ts): every step
// names the states it leaves from, the roles that may take it, its guard and where it goes; the
// clock each state starts (with a purpose and the rule its due time was computed with), what
// each clock's expiry does, and who is told. Nothing here does I/O: the server loads the claim
// with its lines and instruments, calls `transitionClaim`, and writes the claim, its changed
// lines, the event, the clock's timers and the outbox rows in one transaction.
//
//   draft ─▶ submitted ─▶ under_review ⇄ deficient          (cure, or the cure period lapses)
//                              │   ▲
//                              ▼   │ contest / reopen_review
//                          determined ─▶ in_payment ─▶ paid / partly_paid
//   rejected (reason code) from submitted, deficient, under_review, or an accepted nil amount;
//   withdrawn by the claimant from any state before payment (and reopened while the programme
//   takes claims, if never determined).
import type { WorkingCalendar } from '../calendar/calendar.ts';
import { endOfDhakaDate } from '../calendar/calendar.ts';
import { type DueRule, type ReminderRule, calendarDaysRule, dueAtFor, fixedRule, reminderAtFor, workingDaysRule } from '../calendar/dueRule.ts';
import { type ClaimAction, type ClaimCommand, type ClaimPayloadOf, type LineDecision } from './claimActions.ts';
import { CLAIM_STATE_INFO, type ClaimOwner, type ClaimRejectCode, type ClaimRole, type ClaimState, type MissingItem } from './claimStates.ts';
import { isLate } from './eligibility.ts';
import type { Instrument } from './instruments.ts';
import { ClaimantLineFactsSchema } from './lineFacts.ts';
import { type LineOutcome, type LineSnapshot, type LineTransitionError, allowedOf, parseLineCommand, transitionLine } from './lines.ts';
import { type ProgrammeSnapshot, holdEffects } from './programme.ts';
import type { ClaimsSettings } from './settings.ts';

/** What the machine needs to know about a claim: the claim row with its lines and instruments. */
export interface ClaimSnapshot {
  readonly state: ClaimState;
  /** Submitted after the programme's last date: accepted, and queued behind the timely claims. */
  readonly late: boolean;
  readonly submittedAt: string | null;
  readonly lines: readonly LineSnapshot[];
  readonly instruments: readonly Instrument[];
  readonly deficiency: { readonly items: readonly MissingItem[]; readonly note: string | null; readonly noticeAt: string } | null;
  /** The cure period ran out before the claimant answered the deficiency notice. */
  readonly cureLapsed: boolean;
  readonly contests: number;
  readonly contest: { readonly reason: string; readonly lineIds: readonly string[]; readonly at: string } | null;
  readonly determination: { readonly allowedPoisha: number; readonly note: string; readonly at: string } | null;
  /** How the determination was accepted: by the claimant, or deemed when the answer period lapsed. */
  readonly acceptance: 'claimant' | 'deemed' | null;
  /** What the claimant confirmed receiving so far. */
  readonly receivedPoisha: number;
  readonly rejection: { readonly code: ClaimRejectCode; readonly note: string } | null;
  readonly withdrawal: { readonly by: 'claimant' | 'lapsed'; readonly reason: string | null } | null;
  readonly dueAt: Date | null;
}

export const INITIAL_CLAIM: ClaimSnapshot = {
  state: 'draft',
  late: false,
  submittedAt: null,
  lines: [],
  instruments: [],
  deficiency: null,
  cureLapsed: false,
  contests: 0,
  contest: null,
  determination: null,
  acceptance: null,
  receivedPoisha: 0,
  rejection: null,
  withdrawal: null,
  dueAt: null,
};

/** The programme facts a claim step depends on. */
export type ProgrammeFacts = Pick<ProgrammeSnapshot, 'state' | 'window' | 'holds'>;

export interface ClaimContext {
  readonly now: Date;
  readonly role: ClaimRole;
  readonly settings: ClaimsSettings;
  readonly calendar: WorkingCalendar;
  readonly programme: ProgrammeFacts;
}

/** Messages to the claimant (an SMS each, in their language) and to the programme's office (e-mail). */
export const CLAIMANT_TEMPLATES = [
  'claim_draft_reminder',
  'claim_received',
  'claim_deficient',
  'claim_cure_reminder',
  'claim_determined',
  'claim_answer_reminder',
  'claim_rejected',
] as const;
export type ClaimantTemplate = (typeof CLAIMANT_TEMPLATES)[number];
export const OFFICE_TEMPLATES = ['claim_review_overdue', 'claim_payment_overdue'] as const;
export type OfficeTemplate = (typeof OFFICE_TEMPLATES)[number];
export type ClaimTemplate = ClaimantTemplate | OfficeTemplate;
export type ClaimRecipient = 'claimant' | 'office';
export type ClaimNotifyIntent =
  | { readonly to: 'claimant'; readonly template: ClaimantTemplate }
  | { readonly to: 'office'; readonly template: OfficeTemplate };

/**
 * The timer slots of a claim (the server's timers: a new clock replaces only the pending timers
 * of its own purpose). The state's clock is one slot, 'lifecycle', replaced at every change of
 * state, as a complaint's is; issue 13's repayment round adds a purpose of its own beside it.
 */
export const CLAIM_TIMER_PURPOSES = ['lifecycle'] as const;
export type ClaimTimerPurpose = (typeof CLAIM_TIMER_PURPOSES)[number];

/** What the running clock waits for: the next step, which also names the date in words (claims.next.*). */
export const CLAIM_CLOCK_STEPS = ['draft', 'screening', 'cure', 'review', 'answer', 'payment'] as const;
export type ClaimClockStep = (typeof CLAIM_CLOCK_STEPS)[number];

export interface ClaimReminder {
  readonly at: Date;
  readonly rule: ReminderRule;
  readonly notify: ClaimNotifyIntent;
}

export interface ClaimClock {
  readonly purpose: ClaimTimerPurpose;
  readonly step: ClaimClockStep;
  readonly dueAt: Date;
  /** The rule `dueAt` was computed with (calendar/dueRule.ts), to recompute it when holidays change. */
  readonly rule: DueRule;
  readonly onExpiry: ClaimAction;
  readonly reminders: readonly ClaimReminder[];
}

export interface ClaimOutcome {
  readonly from: ClaimState;
  readonly to: ClaimState;
  readonly snapshot: ClaimSnapshot;
  /** The new clock, 'keep' to leave the running one, or null: no clock (the claim is not open). */
  readonly clock: ClaimClock | 'keep' | null;
  readonly notify: readonly ClaimNotifyIntent[];
  /** Lines the step changed (a determination decides several at once). */
  readonly lines: readonly LineOutcome[];
}

export type ClaimGuard =
  | 'programme_closed'
  | 'no_lines'
  | 'lines_incomplete'
  | 'disputes_open'
  | 'lines_undecided'
  | 'line_decision'
  | 'unknown_line'
  | 'contests_used'
  | 'determined_before'
  | 'above_owed'
  | 'nothing_received';

export type ClaimTransitionError =
  | { readonly code: 'invalid_transition'; readonly from: ClaimState; readonly action: ClaimAction }
  | { readonly code: 'role_not_allowed'; readonly role: ClaimRole; readonly action: ClaimAction }
  | {
      readonly code: 'guard_failed';
      readonly guard: ClaimGuard;
      readonly action: ClaimAction;
      /** For a determination: the line and why its decision could not be applied. */
      readonly line?: { readonly lineId: string; readonly error: LineTransitionError };
    };

type GuardResult = null | { guard: ClaimGuard; line?: { lineId: string; error: LineTransitionError } };

interface ClaimTransition<A extends ClaimAction> {
  readonly from: readonly ClaimState[];
  readonly roles: readonly ClaimRole[];
  readonly guard?: (s: ClaimSnapshot, p: ClaimPayloadOf<A>, ctx: ClaimContext) => GuardResult;
  readonly to: (s: ClaimSnapshot, p: ClaimPayloadOf<A>) => ClaimState;
  readonly patch?: (s: ClaimSnapshot, p: ClaimPayloadOf<A>, ctx: ClaimContext) => Partial<ClaimSnapshot>;
  /** A clock of the step's own, instead of the clock of the state it enters. */
  readonly clock?: (s: ClaimSnapshot, p: ClaimPayloadOf<A>, ctx: ClaimContext) => ClaimClock;
  readonly notify?: readonly ClaimNotifyIntent[];
}

/** The amount allowed on the claim now: the sum of its allowed lines. */
export const claimAllowedPoisha = (s: Pick<ClaimSnapshot, 'lines'>): number => s.lines.reduce((sum, l) => sum + allowedOf(l), 0);
/** Allowed and not yet received. */
export const claimOwedPoisha = (s: Pick<ClaimSnapshot, 'lines' | 'receivedPoisha'>): number => Math.max(0, claimAllowedPoisha(s) - s.receivedPoisha);

const takesClaims = (p: ProgrammeFacts) => p.state !== 'closed';
const guard = (g: ClaimGuard): GuardResult => ({ guard: g });

/** The lines after an officer's decisions, or why they cannot be applied. */
function decideLines(s: ClaimSnapshot, decisions: readonly LineDecision[], ctx: ClaimContext): { lines: LineSnapshot[] } | GuardResult {
  const byId = new Map(s.lines.map((l) => [l.id, l]));
  const clearanceRequired = holdEffects(ctx.programme.holds).requiresClearance;
  for (const d of decisions) {
    const line = byId.get(d.lineId);
    if (!line) return guard('unknown_line');
    const cmd =
      d.decision === 'allow'
        ? parseLineCommand('allow', { amountPoisha: d.amountPoisha, reasons: d.reasons })
        : parseLineCommand('reject', { code: d.code, ...(d.note ? { note: d.note } : {}) });
    const r = transitionLine(line, cmd, { role: 'officer', claimState: s.state, now: ctx.now, clearanceRequired });
    if (!r.ok) return { guard: 'line_decision', line: { lineId: d.lineId, error: r.error } };
    byId.set(d.lineId, r.outcome.line);
  }
  const lines = s.lines.map((l) => byId.get(l.id)!);
  if (lines.some((l) => l.state === 'disputed')) return guard('disputes_open');
  // Every line ends allowed or rejected: nobody's payment is left without a decision.
  if (lines.some((l) => l.state !== 'allowed' && l.state !== 'rejected')) return guard('lines_undecided');
  return { lines };
}
const isDecided = (r: ReturnType<typeof decideLines>): r is { lines: LineSnapshot[] } => r !== null && 'lines' in r;

const acceptTo = (s: ClaimSnapshot): ClaimState => (claimAllowedPoisha(s) > 0 ? 'in_payment' : 'rejected');
const acceptPatch = (by: 'claimant' | 'deemed') => (s: ClaimSnapshot): Partial<ClaimSnapshot> => ({
  acceptance: by,
  // Nothing allowed on any line: accepting that ends the claim as rejected, with the officer's reasons.
  ...(claimAllowedPoisha(s) > 0 ? {} : { rejection: { code: 'nothing_allowed' as const, note: s.determination?.note ?? '' } }),
});

export const CLAIM_TRANSITIONS: { readonly [A in ClaimAction]: ClaimTransition<A> } = {
  submit: {
    from: ['draft'],
    roles: ['claimant'],
    guard: (s, _p, ctx) => {
      if (!takesClaims(ctx.programme)) return guard('programme_closed');
      if (s.lines.length === 0) return guard('no_lines');
      // Pre-filled lines lack what only the claimant knows (the item, whether it came).
      if (s.lines.some((l) => !ClaimantLineFactsSchema.safeParse(l.facts).success)) return guard('lines_incomplete');
      return null;
    },
    to: () => 'submitted',
    patch: (_s, _p, ctx) => ({
      submittedAt: ctx.now.toISOString(),
      // Late claims are accepted, marked, and queued behind (queueKey).
      late: isLate(ctx.programme.window, ctx.now),
    }),
  },
  screening_lapsed: { from: ['submitted'], roles: ['system'], to: () => 'under_review' },
  start_review: { from: ['submitted'], roles: ['officer'], to: () => 'under_review' },
  request_cure: {
    from: ['submitted', 'under_review'],
    roles: ['officer'],
    to: () => 'deficient',
    patch: (_s, p, ctx) => ({ deficiency: { items: p.items, note: p.note ?? null, noticeAt: ctx.now.toISOString() }, cureLapsed: false }),
    clock: (_s, p, ctx) => cureClock(p.cureWorkingDays ?? ctx.settings.cureWorkingDays, ctx),
  },
  cure: { from: ['deficient'], roles: ['claimant'], to: () => 'under_review', patch: () => ({ deficiency: null, cureLapsed: false }) },
  cure_lapsed: { from: ['deficient'], roles: ['system'], to: () => 'under_review', patch: () => ({ cureLapsed: true }) },
  review_overdue: {
    from: ['under_review'],
    roles: ['system'],
    to: () => 'under_review',
    // A fresh date a few working days on, so the timer never fires again at once.
    clock: (_s, _p, ctx) => clockBy('review', workingDaysRule(ctx.now, ctx.settings.reviewOverdueExtensionWorkingDays), 'review_overdue', ctx),
    notify: [{ to: 'office', template: 'claim_review_overdue' }],
  },
  determine: {
    from: ['under_review'],
    roles: ['officer'],
    guard: (s, p, ctx) => {
      const r = decideLines(s, p.lines, ctx);
      return isDecided(r) ? null : r;
    },
    to: () => 'determined',
    patch: (s, p, ctx) => {
      const r = decideLines(s, p.lines, ctx);
      const lines = isDecided(r) ? r.lines : [...s.lines];
      return {
        lines,
        determination: { allowedPoisha: claimAllowedPoisha({ lines }), note: p.note, at: ctx.now.toISOString() },
        acceptance: null,
        contest: null,
        cureLapsed: false,
      };
    },
  },
  accept_determination: { from: ['determined'], roles: ['claimant'], to: acceptTo, patch: acceptPatch('claimant') },
  answer_lapsed: { from: ['determined'], roles: ['system'], to: acceptTo, patch: acceptPatch('deemed') },
  contest: {
    from: ['determined'],
    roles: ['claimant'],
    guard: (s, p, ctx) => {
      if (s.contests >= ctx.settings.maxContests) return guard('contests_used');
      return p.lineIds.every((id) => s.lines.some((l) => l.id === id)) ? null : guard('unknown_line');
    },
    to: () => 'under_review',
    patch: (s, p, ctx) => ({ contests: s.contests + 1, contest: { reason: p.reason, lineIds: p.lineIds, at: ctx.now.toISOString() } }),
  },
  reopen_review: { from: ['determined', 'in_payment'], roles: ['officer'], to: () => 'under_review', patch: () => ({ acceptance: null }) },
  reject: {
    from: ['submitted', 'deficient', 'under_review'],
    roles: ['officer'],
    to: () => 'rejected',
    patch: (_s, p) => ({ rejection: { code: p.code, note: p.note } }),
  },
  withdraw: {
    from: ['draft', 'submitted', 'deficient', 'under_review', 'determined'],
    roles: ['claimant'],
    to: () => 'withdrawn',
    patch: (_s, p) => ({ withdrawal: { by: 'claimant', reason: p.reason ?? null } }),
  },
  draft_lapsed: { from: ['draft'], roles: ['system'], to: () => 'withdrawn', patch: () => ({ withdrawal: { by: 'lapsed', reason: null } }) },
  reopen: {
    from: ['withdrawn'],
    roles: ['claimant'],
    // A claimant who declined an amount already determined does not start over; before that, a
    // change of mind (or a draft left too long) is undone while the programme takes claims.
    guard: (s, _p, ctx) => (!takesClaims(ctx.programme) ? guard('programme_closed') : s.determination ? guard('determined_before') : null),
    to: () => 'draft',
    patch: () => ({ withdrawal: null, submittedAt: null, late: false, deficiency: null, cureLapsed: false }),
  },
  record_received: {
    from: ['in_payment'],
    roles: ['system'],
    guard: (s, p) => (s.receivedPoisha + p.amountPoisha > claimAllowedPoisha(s) ? guard('above_owed') : null),
    to: (s, p) => (s.receivedPoisha + p.amountPoisha >= claimAllowedPoisha(s) ? 'paid' : 'in_payment'),
    patch: (s, p) => ({ receivedPoisha: s.receivedPoisha + p.amountPoisha }),
  },
  payment_follow_up: {
    from: ['in_payment'],
    roles: ['system'],
    to: () => 'in_payment',
    clock: (_s, _p, ctx) => clockBy('payment', calendarDaysRule(ctx.now, ctx.settings.paymentFollowUpDays), 'payment_follow_up', ctx),
    notify: [{ to: 'office', template: 'claim_payment_overdue' }],
  },
  end_payment: {
    from: ['in_payment'],
    roles: ['officer'],
    // Nothing received is not an outcome: the claim stays in payment, owed and visible.
    guard: (s) => (s.receivedPoisha > 0 ? null : guard('nothing_received')),
    to: () => 'partly_paid',
  },
};

/** What the expiry of each state's clock does; states that are not open have none. */
export const ON_CLAIM_DEADLINE: Record<ClaimState, ClaimAction | null> = {
  draft: 'draft_lapsed',
  submitted: 'screening_lapsed',
  deficient: 'cure_lapsed',
  under_review: 'review_overdue',
  determined: 'answer_lapsed',
  in_payment: 'payment_follow_up',
  paid: null,
  partly_paid: null,
  rejected: null,
  withdrawn: null,
};

/** What the clock of each state waits for. */
export const CLOCK_OF: Record<ClaimState, ClaimClockStep | null> = {
  draft: 'draft',
  submitted: 'screening',
  deficient: 'cure',
  under_review: 'review',
  determined: 'answer',
  in_payment: 'payment',
  paid: null,
  partly_paid: null,
  rejected: null,
  withdrawn: null,
};

/** Who is told when a claim enters a state. */
export const CLAIM_ON_ENTER: Record<ClaimState, readonly ClaimNotifyIntent[]> = {
  draft: [],
  submitted: [{ to: 'claimant', template: 'claim_received' }],
  deficient: [{ to: 'claimant', template: 'claim_deficient' }],
  under_review: [],
  determined: [{ to: 'claimant', template: 'claim_determined' }],
  // Issue 13's repayment rounds tell the claimant when and how they will be paid.
  in_payment: [],
  paid: [],
  partly_paid: [],
  rejected: [{ to: 'claimant', template: 'claim_rejected' }],
  withdrawn: [],
};

function clockBy(
  step: ClaimClockStep,
  rule: DueRule,
  onExpiry: ClaimAction,
  ctx: ClaimContext,
  reminders: readonly { rule: ReminderRule; notify: ClaimNotifyIntent }[] = [],
): ClaimClock {
  const dueAt = dueAtFor(rule, ctx.calendar);
  const timed = reminders.map((r) => ({ ...r, at: reminderAtFor(r.rule, dueAt, ctx.calendar) }));
  // A reminder that would fall before now, or not before the deadline, has no room.
  return { purpose: 'lifecycle', step, dueAt, rule, onExpiry, reminders: timed.filter((r) => r.at.getTime() > ctx.now.getTime() && r.at.getTime() < dueAt.getTime()) };
}

const DAY_MS = 86_400_000;

function cureClock(workingDays: number, ctx: ClaimContext): ClaimClock {
  return clockBy('cure', workingDaysRule(ctx.now, workingDays), 'cure_lapsed', ctx, [
    { rule: { kind: 'working_days_before_due', days: ctx.settings.cureReminderWorkingDays, hour: 10 }, notify: { to: 'claimant', template: 'claim_cure_reminder' } },
  ]);
}

/** The clock that starts when a claim enters `state`. */
export function claimClockFor(state: ClaimState, ctx: ClaimContext): ClaimClock | null {
  const { now, settings: cfg } = ctx;
  switch (state) {
    case 'draft': {
      // Until the programme's last date, or draftDays, whichever is later: a draft started
      // early is due by the last date; one started late still gets its days.
      const byDays = calendarDaysRule(now, cfg.draftDays);
      const lastDate = endOfDhakaDate(ctx.programme.window.lastDate);
      const rule = lastDate.getTime() > dueAtFor(byDays, ctx.calendar).getTime() ? fixedRule(lastDate) : byDays;
      return clockBy('draft', rule, 'draft_lapsed', ctx, [
        { rule: { kind: 'before_due', ms: cfg.draftReminderDays * DAY_MS }, notify: { to: 'claimant', template: 'claim_draft_reminder' } },
      ]);
    }
    case 'submitted':
      return clockBy('screening', workingDaysRule(now, cfg.screeningWorkingDays), 'screening_lapsed', ctx);
    case 'deficient':
      return cureClock(cfg.cureWorkingDays, ctx);
    case 'under_review':
      return clockBy('review', workingDaysRule(now, cfg.reviewWorkingDays), 'review_overdue', ctx);
    case 'determined':
      return clockBy('answer', calendarDaysRule(now, cfg.answerDays), 'answer_lapsed', ctx, [
        { rule: { kind: 'before_due', ms: cfg.answerReminderDays * DAY_MS }, notify: { to: 'claimant', template: 'claim_answer_reminder' } },
      ]);
    case 'in_payment':
      return clockBy('payment', calendarDaysRule(now, cfg.paymentFollowUpDays), 'payment_follow_up', ctx);
    case 'paid':
    case 'partly_paid':
    case 'rejected':
    case 'withdrawn':
      return null;
  }
}

/** The claim steps a role may take in a state (guards aside): what a UI offers. */
export function claimActionsFor(state: ClaimState, role: ClaimRole): ClaimAction[] {
  return (Object.keys(CLAIM_TRANSITIONS) as ClaimAction[]).filter((a) => CLAIM_TRANSITIONS[a].from.includes(state) && CLAIM_TRANSITIONS[a].roles.includes(role));
}

/** The owner who must act next, or null when the claim is not open. */
export const claimOwnerOf = (s: Pick<ClaimSnapshot, 'state'>): ClaimOwner | null => CLAIM_STATE_INFO[s.state].owner;

export type ClaimTransitionResult = { ok: true; outcome: ClaimOutcome } | { ok: false; error: ClaimTransitionError };

/** Start a claim's draft: its first clock. The claim number and the claimant come from the server. */
export function startClaim(ctx: Omit<ClaimContext, 'role'>): { snapshot: ClaimSnapshot; clock: ClaimClock } {
  const clock = claimClockFor('draft', { ...ctx, role: 'claimant' })!;
  return { snapshot: { ...INITIAL_CLAIM, dueAt: clock.dueAt }, clock };
}

/** Apply one step to a claim. Pure: the caller persists the outcome. */
export function transitionClaim(s: ClaimSnapshot, cmd: ClaimCommand, ctx: ClaimContext): ClaimTransitionResult {
  const t = CLAIM_TRANSITIONS[cmd.action] as unknown as ClaimTransition<ClaimAction>;
  const payload = cmd.payload as never;
  if (!t.roles.includes(ctx.role)) return { ok: false, error: { code: 'role_not_allowed', role: ctx.role, action: cmd.action } };
  if (!t.from.includes(s.state)) return { ok: false, error: { code: 'invalid_transition', from: s.state, action: cmd.action } };
  const failed = t.guard?.(s, payload, ctx) ?? null;
  if (failed) return { ok: false, error: { code: 'guard_failed', action: cmd.action, ...failed } };

  const to = t.to(s, payload);
  const patched: ClaimSnapshot = { ...s, ...(t.patch?.(s, payload, ctx) ?? {}), state: to };
  const selfLoop = to === s.state;
  // A step of its own clock sets it; a step that stays in its state keeps the running clock;
  // entering a state starts that state's clock.
  const clock: ClaimClock | 'keep' | null = t.clock ? t.clock(patched, payload, ctx) : selfLoop ? 'keep' : claimClockFor(to, ctx);
  const snapshot: ClaimSnapshot = { ...patched, dueAt: clock === 'keep' ? s.dueAt : (clock?.dueAt ?? null) };
  const lines = changedLines(s.lines, snapshot.lines);
  const notify = [...(t.notify ?? []), ...(selfLoop ? [] : CLAIM_ON_ENTER[to])];
  return { ok: true, outcome: { from: s.state, to, snapshot, clock, notify, lines } };
}

function changedLines(before: readonly LineSnapshot[], after: readonly LineSnapshot[]): LineOutcome[] {
  const old = new Map(before.map((l) => [l.id, l]));
  return after.filter((l) => old.get(l.id) !== l).map((l) => ({ lineId: l.id, from: old.get(l.id)?.state ?? l.state, to: l.state, line: l }));
}

/** The order officers work claims in, and payments follow: timely claims first, late ones behind, each by filing time. */
export function queueKey(s: Pick<ClaimSnapshot, 'late' | 'submittedAt'>): string {
  return `${s.late ? 1 : 0}:${s.submittedAt ?? '9999'}`;
}
