// Why a date is not a working day, in the reader's language: "Friday, the weekly holiday",
// "Eid-ul-Fitr (a general holiday); Jumatul Bida (a general holiday)". Every page that shows
// a deadline can show this next to it.
import type { Locale } from '../i18n/messages.ts';
import type { DhakaDate, WorkingCalendar } from './calendar.ts';
import { type Holiday, type NonWorkingReason, whyNotWorking } from './holidays.ts';
import { calendarText as t } from './messages.ts';

const WEEKDAY_KEYS = [
  'calendar.weekday.0',
  'calendar.weekday.1',
  'calendar.weekday.2',
  'calendar.weekday.3',
  'calendar.weekday.4',
  'calendar.weekday.5',
  'calendar.weekday.6',
] as const;

/** One holiday entry in the reader's language, with its kind and whether its date is still expected. */
export function describeHoliday(locale: Locale, h: Holiday): string {
  const text = t(locale, `calendar.holiday.${h.kind}`, { name: locale === 'bn' ? h.nameBn : h.nameEn });
  return h.confirmed ? text : `${text}, ${t(locale, 'calendar.unconfirmed')}`;
}

export function describeReason(locale: Locale, reason: NonWorkingReason): string {
  if (reason.kind === 'weekend') return t(locale, 'calendar.weekend', { weekday: t(locale, WEEKDAY_KEYS[reason.weekday]!) });
  if (reason.holidays.length === 0) return t(locale, 'calendar.holiday_unnamed');
  return reason.holidays.map((h) => describeHoliday(locale, h)).join('; ');
}

/** Why `date` is not a working day, or null when it is one. */
export function describeNonWorkingDay(locale: Locale, date: DhakaDate, cal: WorkingCalendar): string | null {
  const reason = whyNotWorking(date, cal);
  return reason ? describeReason(locale, reason) : null;
}
