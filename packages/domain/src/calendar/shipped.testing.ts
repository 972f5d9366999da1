// For tests only: the shipped holiday data (data/holidays-bd.json) as entries and as the
// working calendar the server builds from a freshly seeded table. Reads a file, so the
// domain's own code never imports it.
import { readFileSync } from 'node:fs';
import type { WorkingCalendar } from './calendar.ts';
import { type ShippedHoliday, calendarFromHolidays, parseShippedHolidays } from './holidays.ts';

export const SHIPPED_HOLIDAYS_FILE = new URL('../../data/holidays-bd.json', import.meta.url);

export const shippedHolidays = (): ShippedHoliday[] => parseShippedHolidays(JSON.parse(readFileSync(SHIPPED_HOLIDAYS_FILE, 'utf8')));

/** The full calendar of 2025–2027, as shipped. */
export const shippedCalendar = (): WorkingCalendar => calendarFromHolidays(shippedHolidays());
