// Tracking codes are read out over the phone, often by people who read Bengali only, so
// they are digits alone, grouped like a phone number (482-193-5706), with a Damm check digit
// that catches every single wrong digit and every swap of two neighbouring digits.
import { type Locale, toBengaliDigits, toWesternDigits } from '../i18n/messages.ts';

const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export function dammDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM[interim]![Number(ch)]!;
  return interim;
}

/** Make a code from 9 random digits (the caller supplies randomness: the domain does no I/O). */
export function makeTrackingCode(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError('need exactly 9 digits');
  const all = nineDigits + String(dammDigit(nineDigits));
  return `${all.slice(0, 3)}-${all.slice(3, 6)}-${all.slice(6)}`;
}

/**
 * Read a code as a person typed it: Bengali digits, spaces or no dashes are fine.
 * Returns the canonical form, or null when it is not a valid code (wrong length or check digit).
 */
export function parseTrackingCode(input: string): string | null {
  const digits = toWesternDigits(input).replace(/[\s\-–.]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  if (dammDigit(digits) !== 0) return null;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}

/**
 * A code as its reader reads it: Bengali digits for a Bengali reader (on every page and in every
 * SMS), Western digits in English. Links keep the canonical form, and e-mails keep Western
 * digits so a search of the mailbox finds the code (notify/enqueue.ts); parseTrackingCode reads
 * both.
 */
export function trackingCodeText(locale: Locale, code: string): string {
  return locale === 'bn' ? toBengaliDigits(code) : code;
}
