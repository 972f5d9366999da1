// The working calendar, built from the editable `holidays` table and cached for a minute
// so each request does not read it.
import type { WorkingCalendar } from '@nalish/domain';
import { calendarFromHolidays } from '@nalish/domain/calendar';
import type { Queryable } from './db/db.ts';
import type { CalendarSource } from './deps.ts';
import { readHolidays } from './holidays/table.ts';

export function calendarFromDb(db: Queryable, ttlMs = 60_000): CalendarSource {
  let cached: { at: number; cal: WorkingCalendar } | null = null;
  return {
    async get(via) {
      if (cached && Date.now() - cached.at < ttlMs) return cached.cal;
      // Inside a transaction the caller passes it: on PGlite (one connection) a read through
      // the pool would wait for that very transaction to end, and never return.
      cached = { at: Date.now(), cal: calendarFromHolidays(await readHolidays(via ?? db)) };
      return cached.cal;
    },
    invalidate() {
      cached = null;
    },
  };
}
