// Money in claims is counted in whole poisha (1 taka = 100 poisha), as integers. Complaints
// count whole taka, but a claim is matched against a gateway's transaction list, and gateway
// amounts carry poisha (Tk 1,049.50): rounding them would make a claimant's exact figure look
// "above the gateway's". Integers also keep sums exact (no floating-point drift over 100,000
// lines). Every field says its unit in its name (amountPaidPoisha, allowedPoisha).
import { type Locale, formatBdt, toWesternDigits } from '../i18n/messages.ts';

export const POISHA_PER_TAKA = 100;
/** The largest single payment a line may claim: Tk 1 crore (a car bought on a campaign). */
export const MAX_LINE_POISHA = 10_000_000 * POISHA_PER_TAKA;
/** The largest amount a programme may report held by one holder: Tk 10,000 crore. */
export const MAX_HELD_POISHA = 100_000_000_000 * POISHA_PER_TAKA;

export const takaToPoisha = (taka: number): number => Math.round(taka * POISHA_PER_TAKA);

/**
 * An amount as a person or a spreadsheet writes it, in poisha: "1,050.50", "১০৫০", "Tk 1050",
 * "৳১,০৫০.৫০", "1050 টাকা". Null when it is not a non-negative amount with at most two decimals.
 * Worked out on the digits, never through a float.
 */
export function parseTaka(input: string): number | null {
  const s = toWesternDigits(input)
    .trim()
    .replace(/^(৳|tk\.?|bdt)\s*/i, '')
    .replace(/\s*(৳|tk\.?|bdt|টাকা)$/i, '')
    .replace(/[,\s]/g, '');
  const m = /^(\d{1,14})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * POISHA_PER_TAKA + Number((m[2] ?? '').padEnd(2, '0'));
}

/** An amount in poisha as a decimal with two places, for files: 105050 → "1050.50". */
export function poishaToDecimal(poisha: number): string {
  const sign = poisha < 0 ? '-' : '';
  const abs = Math.abs(poisha);
  return `${sign}${Math.floor(abs / POISHA_PER_TAKA)}.${String(abs % POISHA_PER_TAKA).padStart(2, '0')}`;
}

const twoPlaces = new Map<Locale, Intl.NumberFormat>();
/** Taka for a reader: ৳১,০৫০ for whole taka, ৳১,০৫০.৫০ when there are poisha. */
export function formatTaka(locale: Locale, poisha: number): string {
  if (poisha % POISHA_PER_TAKA === 0) return formatBdt(locale, poisha / POISHA_PER_TAKA);
  let f = twoPlaces.get(locale);
  if (!f) twoPlaces.set(locale, (f = new Intl.NumberFormat(locale === 'bn' ? 'bn-BD' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })));
  return `৳${f.format(poisha / POISHA_PER_TAKA)}`;
}
