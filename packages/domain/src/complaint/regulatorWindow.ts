// Consumer Rights Protection Act 2009, s.60: a complaint to the DNCRP must be made within
// 30 days of the cause of action. The merchant route stays open after that; only the
// regulator's is closed, and the consumer must be told so plainly.
import { addCalendarDays, calendarDaysBetween, startOfDhakaDate } from '../calendar/calendar.ts';

export interface RegulatorWindow {
  /** The last Dhaka date on which the regulator can still be asked. */
  lastDay: string;
  /** Whole days left after today (0 on the last day); negative once closed. */
  daysLeft: number;
  open: boolean;
}

export function regulatorWindow(problemDate: string, now: Date, limitDays: number): RegulatorWindow {
  const lastDay = addCalendarDays(startOfDhakaDate(problemDate), limitDays);
  const daysLeft = calendarDaysBetween(now, startOfDhakaDate(lastDay));
  return { lastDay, daysLeft, open: daysLeft >= 0 };
}
