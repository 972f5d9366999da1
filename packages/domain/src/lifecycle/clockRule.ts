// The rule of a clock that was started before rules were stored with timers (migration 011):
// derived again from the lifecycle table, from the step that started the clock, when it was
// taken and the complaint as it is now. Used once per old timer when a holiday declared late
// asks for its deadline to be recomputed (server deadlines/recompute.ts).
import type { DueRule, ReminderRule } from '../calendar/dueRule.ts';
import type { Action } from './actions.ts';
import { type Clock, type Context, type NotifyIntent, type Snapshot, TRANSITIONS, clockFor } from './machine.ts';
import type { LifecycleSettings } from './settings.ts';
import type { State } from './states.ts';

/**
 * Whether the step `action` from `from` into `to` started a new clock, read from the table as
 * `transition` does: every step does unless it keeps the running clock (`keepClock`, asked with
 * the state the step left). A self-loop such as rescheduling a hearing restarts it.
 */
export function startsClock(action: Action, from: State | null, to: State, s: Snapshot): boolean {
  const t = TRANSITIONS[action] as { keepClock?: (s: Snapshot) => boolean } | undefined;
  if (!t) return false;
  return !t.keepClock?.({ ...s, state: from ?? to });
}

/** A clock's rules: how its deadline and each reminder follow from when it started. */
export interface ClockRules {
  readonly due: DueRule;
  readonly reminders: readonly { readonly rule: ReminderRule; readonly notify: NotifyIntent }[];
}

/**
 * The rules of the clock of `state` that `action` started at `at`, coming from the state
 * `from`: the step's own clock if it has one (an overdue regulator's extension), else the
 * state's. A hearing's clock counts from the hearing in the snapshot; a review resumed after a
 * pause (coming from info_requested) had a fixed time. The calendar does not enter into a rule,
 * only into the time it gives, so an empty one is used here.
 */
export function clockRuleOf(action: Action, state: State, at: Date, from: State | null, s: Snapshot, settings: LifecycleSettings): ClockRules | null {
  const ctx: Context = { now: at, role: 'system', settings, calendar: { holidays: new Set<string>() } };
  const then: Snapshot = { ...s, state, pausedRemainingMs: from === 'info_requested' && state === 'under_review' ? 0 : null };
  const own = (TRANSITIONS[action] as { clock?: (s: Snapshot, c: Context) => Clock }).clock;
  const clock = own ? own(then, ctx) : clockFor(state, then, ctx);
  if (!clock) return null;
  // Reminders before `at` were dropped when the clock started; those left are the ones stored.
  return { due: clock.rule, reminders: clock.reminders.map((r) => ({ rule: r.rule, notify: r.notify })) };
}
