// Look-up in the calendar's own catalogue (messages.en.ts, messages.bn.ts), formatted like the
// app catalogues: {name} placeholders, numbers in the reader's digits.
import { type Locale, type Params, formatNumber } from '../i18n/messages.ts';
import { calendarBn } from './messages.bn.ts';
import { calendarEn } from './messages.en.ts';

export type CalendarMessageKey = keyof typeof calendarEn;

export const CALENDAR_CATALOGUES: Record<Locale, Record<CalendarMessageKey, string>> = { bn: calendarBn, en: calendarEn };

export function calendarText(locale: Locale, key: CalendarMessageKey, params: Params = {}): string {
  return CALENDAR_CATALOGUES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(locale, v) : v;
  });
}
