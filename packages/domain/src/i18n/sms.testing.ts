// For tests only: the worst-case values an SMS is checked with, shared by every catalogue's
// SMS test (complaints in messages.test.ts, claims in claims.test.ts), and the check itself.
import assert from 'node:assert/strict';
import { type Locale, formatDate, formatDateTime, smsSegments } from './messages.ts';

/** The longest text `f` prints for a date or date-time over a year (2-digit day, every month, several hours). */
export function longest(locale: Locale, f: (l: Locale, d: Date) => string): string {
  const all: string[] = [];
  for (let m = 0; m < 12; m++) for (const h of [3, 6, 10]) all.push(f(locale, new Date(Date.UTC(2026, m, 28, h, 45))));
  return all.sort((a, b) => [...b].length - [...a].length)[0]!;
}

/** The due dates an SMS is tried with: a long hand-written one and the longest the locale prints. */
export function dueAlternatives(locale: Locale): string[] {
  return [locale === 'bn' ? '২৮ সেপ্টে, ২০২৬' : '28 Sept 2026', longest(locale, formatDate)];
}

export const longestDateTime = (locale: Locale): string => longest(locale, formatDateTime);

/** Assert that a rendered SMS has no unfilled placeholder and fits `max` segments. */
export function assertFitsSms(text: string, where: string, max = 2): void {
  assert.doesNotMatch(text, /\{\w+\}/, `${where}: unfilled placeholder`);
  const segments = smsSegments(text);
  assert.ok(segments <= max, `${where}: ${segments} segments, ${[...text].length} characters: ${text}`);
}
