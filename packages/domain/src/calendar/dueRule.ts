// The rule a deadline was computed with, kept with the deadline so it can be computed again
// when the holiday table changes (a holiday declared late, an Eid closure extended).
//
// A later announcement never shortens a deadline: a party may already have planned around
// the date they were given, so a recomputed due time is never earlier than the one before
// (it may be later). Only working-day rules depend on the calendar; calendar-day rules and
// fixed times are given back unchanged.
import { z } from 'zod';
import {
  type WorkingCalendar,
  addCalendarDays,
  addWorkingDays,
  dhakaTimeOn,
  endOfDhakaDate,
  dhakaDate,
  previousWorkingDayOnOrBefore,
  shiftDate,
} from './calendar.ts';

const Instant = z.iso.datetime({ offset: true });
const Count = z.number().int().min(0).max(366);

export const DueRuleSchema = z.discriminatedUnion('kind', [
  /** The end (23:59:59.999 Dhaka) of the `days`-th working day after the Dhaka day of `from`. */
  z.object({ kind: z.literal('working_days'), from: Instant, days: Count }).strict(),
  /** The end of the Dhaka day `days` calendar days after the Dhaka day of `from`. */
  z.object({ kind: z.literal('calendar_days'), from: Instant, days: Count }).strict(),
  /** A fixed instant (e.g. the review time left when a paused clock resumes). */
  z.object({ kind: z.literal('fixed'), at: Instant }).strict(),
]);
export type DueRule = z.infer<typeof DueRuleSchema>;

export const ReminderRuleSchema = z.discriminatedUnion('kind', [
  /** `hour`:00 Dhaka on the `days`-th working day before the due day. */
  z.object({ kind: z.literal('working_days_before_due'), days: z.number().int().min(1).max(30), hour: z.number().int().min(0).max(23) }).strict(),
  /** A fixed time before the due time. */
  z.object({ kind: z.literal('before_due'), ms: z.number().int().min(0) }).strict(),
]);
export type ReminderRule = z.infer<typeof ReminderRuleSchema>;

export const workingDaysRule = (from: Date, days: number): DueRule => ({ kind: 'working_days', from: from.toISOString(), days });
export const calendarDaysRule = (from: Date, days: number): DueRule => ({ kind: 'calendar_days', from: from.toISOString(), days });
export const fixedRule = (at: Date): DueRule => ({ kind: 'fixed', at: at.toISOString() });

/** The due time a rule gives under a calendar. */
export function dueAtFor(rule: DueRule, cal: WorkingCalendar): Date {
  switch (rule.kind) {
    case 'working_days':
      return endOfDhakaDate(addWorkingDays(new Date(rule.from), rule.days, cal));
    case 'calendar_days':
      return endOfDhakaDate(addCalendarDays(new Date(rule.from), rule.days));
    case 'fixed':
      return new Date(rule.at);
  }
}

/** Whether a change of holidays can move a deadline made with this rule. */
export const dependsOnCalendar = (rule: DueRule): boolean => rule.kind === 'working_days';

/**
 * The due time under a new calendar, never earlier than `previous`: a holiday declared after
 * the deadline was set moves it later; a holiday withdrawn does not bring it forward.
 */
export function recomputeDueAt(rule: DueRule, previous: Date, cal: WorkingCalendar): { dueAt: Date; moved: boolean } {
  const computed = dueAtFor(rule, cal);
  return computed.getTime() > previous.getTime() ? { dueAt: computed, moved: true } : { dueAt: previous, moved: false };
}

/** When a reminder made with this rule fires, for a deadline due at `dueAt`. */
export function reminderAtFor(rule: ReminderRule, dueAt: Date, cal: WorkingCalendar): Date {
  switch (rule.kind) {
    case 'working_days_before_due': {
      let day = dhakaDate(dueAt);
      for (let i = 0; i < rule.days; i++) day = previousWorkingDayOnOrBefore(shiftDate(day, -1), cal);
      return dhakaTimeOn(day, rule.hour);
    }
    case 'before_due':
      return new Date(dueAt.getTime() - rule.ms);
  }
}
