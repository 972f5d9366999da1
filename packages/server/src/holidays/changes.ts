// A change of the holiday table, recorded in the transaction that makes it: the days that stop
// being working days (they can move open deadlines later) and those that become working days
// again (they never bring one forward). The row is the durable follow-up that the deadline
// worker processes (deadlines/recompute.ts); every writer of the table — the CLI's add, remove
// and import, the console's import, a release's data at start — goes through `withCalendarChange`.
//
// Why a follow-up and not the moves themselves in this transaction: an import touches a year
// and may move thousands of deadlines; doing that here would hold every one of those complaints
// locked while an administrator waits, and a CLI process has no business sending messages. The
// row is written with the change, so a crash after the commit loses nothing.
import { type DhakaDate, type WorkingCalendar, isWorkingDay } from '@nalish/domain';
import { calendarFromHolidays } from '@nalish/domain/calendar';
import type { Queryable } from '../db/db.ts';
import { readHolidays } from './table.ts';

export const CALENDAR_CHANGE_SOURCES = ['cli_add', 'cli_remove', 'cli_import', 'console_import', 'release'] as const;
export type CalendarChangeSource = (typeof CALENDAR_CHANGE_SOURCES)[number];

export interface ChangedDays {
  readonly closed: DhakaDate[];
  readonly opened: DhakaDate[];
}

/** The days whose working status differs between two calendars, in date order. */
export function changedDays(before: WorkingCalendar, after: WorkingCalendar): ChangedDays {
  const days = new Set<DhakaDate>([...before.holidays, ...after.holidays, ...(before.workingWeekendDays ?? []), ...(after.workingWeekendDays ?? [])]);
  const sorted = [...days].sort();
  return {
    closed: sorted.filter((d) => isWorkingDay(d, before) && !isWorkingDay(d, after)),
    opened: sorted.filter((d) => !isWorkingDay(d, before) && isWorkingDay(d, after)),
  };
}

/** Record a change; returns its id, or null when no day changed. */
export async function recordCalendarChange(tx: Queryable, source: CalendarChangeSource, days: ChangedDays): Promise<number | null> {
  if (days.closed.length === 0 && days.opened.length === 0) return null;
  const [row] = await tx.query<{ id: string | number }>(
    'INSERT INTO calendar_changes (source, closed_days, opened_days) VALUES ($1, $2::date[], $3::date[]) RETURNING id',
    [source, days.closed, days.opened],
  );
  return Number(row!.id);
}

/**
 * Run `write` (in the caller's transaction `tx`) and record what it changed about working days.
 * The whole table is read before and after: it holds a few hundred rows.
 */
export async function withCalendarChange<T>(tx: Queryable, source: CalendarChangeSource, write: () => Promise<T>): Promise<{ result: T; change: number | null; days: ChangedDays }> {
  const before = calendarFromHolidays(await readHolidays(tx));
  const result = await write();
  const after = calendarFromHolidays(await readHolidays(tx));
  const days = changedDays(before, after);
  return { result, change: await recordCalendarChange(tx, source, days), days };
}
