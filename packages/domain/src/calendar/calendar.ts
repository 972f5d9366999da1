// Bangladesh working calendar, in Asia/Dhaka time (UTC+6 all year: Bangladesh has had no
// daylight saving since 2009, so a fixed offset is exact and needs no tz database).
//
// Weekly holidays are Friday and Saturday (government offices; the Digital Commerce
// Operation Guidelines 2021 count the merchant's 72-hour duty in working days in our policy).
// Public holidays come from an editable table (the `holidays` database table, seeded from
// data/holidays-bd.json), passed in as a set of 'YYYY-MM-DD' Dhaka dates; holidays.ts builds
// that set from the table's entries, with the Fridays and Saturdays on which the government
// ordered offices open, and the names that say why a day is not a working day.
//
// Rule used everywhere (Alaveteli's): a period of N days starts the day after the event,
// and ends at the last instant (23:59:59.999 Dhaka) of the Nth counted day.

import type { Holiday } from './holidays.ts';

export const DHAKA_OFFSET_MS = 6 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date in Dhaka, 'YYYY-MM-DD'. */
export type DhakaDate = string;

export interface WorkingCalendar {
  /** Dhaka dates on which government offices are closed (general and executive-order holidays). */
  readonly holidays: ReadonlySet<DhakaDate>;
  /** Weekdays off, 0 = Sunday … 6 = Saturday. Default Friday and Saturday. */
  readonly weekend?: readonly number[];
  /** Weekend days on which the government ordered offices open (e.g. Saturday 17 May 2025). */
  readonly workingWeekendDays?: ReadonlySet<DhakaDate>;
  /** Every holiday entry of each date, office closures and optional days alike: says why. */
  readonly entriesByDate?: ReadonlyMap<DhakaDate, readonly Holiday[]>;
}

export const DEFAULT_WEEKEND: readonly number[] = [5, 6];

/** Days since the epoch of the Dhaka calendar day containing `instant`. */
function dhakaDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + DHAKA_OFFSET_MS) / DAY_MS);
}

function dayNumberToDate(day: number): DhakaDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dhakaDate(instant: Date): DhakaDate {
  return dayNumberToDate(dhakaDayNumber(instant));
}

/** The instant a Dhaka date starts (00:00 Dhaka). */
export function startOfDhakaDate(date: DhakaDate): Date {
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${date}`);
  return new Date(ms - DHAKA_OFFSET_MS);
}

/** The last instant of a Dhaka date (23:59:59.999 Dhaka). */
export function endOfDhakaDate(date: DhakaDate): Date {
  return new Date(startOfDhakaDate(date).getTime() + DAY_MS - 1);
}

/** A given time of day (Dhaka) on a Dhaka date. */
export function dhakaTimeOn(date: DhakaDate, hour: number, minute = 0): Date {
  return new Date(startOfDhakaDate(date).getTime() + (hour * 60 + minute) * 60_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: DhakaDate): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

export function isWorkingDay(date: DhakaDate, cal: WorkingCalendar): boolean {
  // A closure wins over an order to open on a weekend day.
  if (cal.holidays.has(date)) return false;
  if ((cal.weekend ?? DEFAULT_WEEKEND).includes(weekdayOf(date))) return cal.workingWeekendDays?.has(date) ?? false;
  return true;
}

/**
 * The Nth working day after the Dhaka day of `from` (n ≥ 1), as a Dhaka date.
 * n = 0 returns the day of `from` itself.
 */
export function addWorkingDays(from: Date, n: number, cal: WorkingCalendar): DhakaDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  const weekend = cal.weekend ?? DEFAULT_WEEKEND;
  if (weekend.length >= 7) throw new RangeError('a calendar needs at least one working weekday');
  let day = dhakaDayNumber(from);
  let left = n;
  // A year of holidays cannot be longer than 366 days, so this always ends.
  while (left > 0) {
    day += 1;
    if (isWorkingDay(dayNumberToDate(day), cal)) left -= 1;
  }
  return dayNumberToDate(day);
}

/** The Nth calendar day after the Dhaka day of `from`. */
export function addCalendarDays(from: Date, n: number): DhakaDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`days must be a whole number ≥ 0: ${n}`);
  return dayNumberToDate(dhakaDayNumber(from) + n);
}

/** Working days strictly after `from`'s day up to and including `to`'s day (0 if to ≤ from). */
export function workingDaysBetween(from: Date, to: Date, cal: WorkingCalendar): number {
  let count = 0;
  for (let d = dhakaDayNumber(from) + 1; d <= dhakaDayNumber(to); d++) {
    if (isWorkingDay(dayNumberToDate(d), cal)) count += 1;
  }
  return count;
}

/** Whole Dhaka calendar days from the day of `from` to the day of `to` (negative if before). */
export function calendarDaysBetween(from: Date, to: Date): number {
  return dhakaDayNumber(to) - dhakaDayNumber(from);
}

/** The most recent working day on or before `date`. */
export function previousWorkingDayOnOrBefore(date: DhakaDate, cal: WorkingCalendar): DhakaDate {
  let day = Math.round(Date.parse(`${date}T00:00:00.000Z`) / DAY_MS);
  while (!isWorkingDay(dayNumberToDate(day), cal)) day -= 1;
  return dayNumberToDate(day);
}

/** A Dhaka date moved by whole days (negative for earlier). */
export function shiftDate(date: DhakaDate, days: number): DhakaDate {
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${date}`);
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}
