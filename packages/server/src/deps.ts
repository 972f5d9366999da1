// What commands and routes need from the outside world, passed in explicitly so tests can
// supply their own clock and database.
import type { LifecycleSettings, WorkingCalendar } from '@nalish/domain';
import type { Config } from './config.ts';
import type { Db, Queryable } from './db/db.ts';
import type { Storage } from './evidence/storage.ts';

export interface Deps {
  readonly db: Db;
  readonly config: Config;
  /** Server-side secret for hashing OTPs and session tokens. */
  readonly secret: string;
  readonly now: () => Date;
  readonly calendar: CalendarSource;
  readonly storage: Storage;
  readonly settings: LifecycleSettings;
}

export interface CalendarSource {
  /** The calendar; `via` = the caller's transaction, when it holds one (see calendarSource.ts). */
  get(via?: Queryable): Promise<WorkingCalendar>;
  /** Forget the cached holidays (after the table was edited). */
  invalidate(): void;
}
