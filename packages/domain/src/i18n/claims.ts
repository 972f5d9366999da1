// Look-up in the claims catalogue (claims.en.ts, claims.bn.ts), formatted like the app
// catalogues: {name} placeholders, numbers in the reader's digits.
import { claimsBn } from './claims.bn.ts';
import { type ClaimMessageKey, claimsEn } from './claims.en.ts';
import { startOfDhakaDate } from '../calendar/calendar.ts';
import { type Locale, type Params, formatDate, formatNumber } from './messages.ts';

export type { ClaimMessageKey };
export const CLAIM_CATALOGUES: Record<Locale, Record<ClaimMessageKey, string>> = { bn: claimsBn, en: claimsEn };

export function hasClaimMessage(key: string): key is ClaimMessageKey {
  return Object.hasOwn(claimsEn, key);
}

export function claimText(locale: Locale, key: ClaimMessageKey, params: Params = {}): string {
  return CLAIM_CATALOGUES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(locale, v) : v;
  });
}

/** A Dhaka date stored as YYYY-MM-DD, as a reader reads it: "৬ এপ্রি, ২০২৬" / "6 Apr 2026". */
export const formatDhakaDay = (locale: Locale, day: string): string => formatDate(locale, startOfDhakaDate(day));
