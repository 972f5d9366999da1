// Who is eligible in a programme, checked line by line: the order date within the programme's
// range, the payment channel one of its channels; and whether a claim is late (sent after the
// last date). These are findings an officer sees and a claimant is warned of while filling in a
// line, never an automatic rejection: the officer rejects a line, with the code suggested here.
import { type DhakaDate, dhakaDate } from '../calendar/calendar.ts';
import { claimText, formatDhakaDay } from '../i18n/claims.ts';
import type { Locale } from '../i18n/messages.ts';
import type { LineFacts } from './lineFacts.ts';
import type { LineRejectCode } from './lines.ts';
import type { ClaimWindow, Eligibility } from './programme.ts';

export const ELIGIBILITY_PROBLEMS = ['order_before_range', 'order_after_range', 'channel_not_eligible'] as const;
export type EligibilityProblem = (typeof ELIGIBILITY_PROBLEMS)[number];

export function lineEligibility(e: Eligibility, f: Pick<LineFacts, 'orderDate' | 'channel'>): EligibilityProblem[] {
  const out: EligibilityProblem[] = [];
  if (f.orderDate < e.orderDateFrom) out.push('order_before_range');
  if (f.orderDate > e.orderDateTo) out.push('order_after_range');
  if (!e.channels.includes(f.channel)) out.push('channel_not_eligible');
  return out;
}

/** The reason code an officer would reject an ineligible line with (pre-filled, not applied). */
export const REJECTION_FOR: Record<EligibilityProblem, LineRejectCode> = {
  order_before_range: 'order_date_out_of_range',
  order_after_range: 'order_date_out_of_range',
  channel_not_eligible: 'channel_not_eligible',
};

/** Sent after the end of the last date, Dhaka time (23:59 on the last date is in time, 00:01 the next day is late). */
export function isLate(window: Pick<ClaimWindow, 'lastDate'>, at: Date): boolean {
  return dhakaDate(at) > window.lastDate;
}

/** The orders after the cut-off (the end of the eligible range): a fraud signal as well as a finding. */
export const afterCutoff = (e: Eligibility, orderDate: DhakaDate): boolean => orderDate > e.orderDateTo;

/** A finding in the reader's language: "The order is after 15 Sept 2021, the cut-off of this programme." */
export function eligibilityText(locale: Locale, problem: EligibilityProblem, e: Eligibility, f: Pick<LineFacts, 'channel'>): string {
  switch (problem) {
    case 'order_before_range':
      return claimText(locale, 'claims.eligibility.order_before_range', { from: formatDhakaDay(locale, e.orderDateFrom) });
    case 'order_after_range':
      return claimText(locale, 'claims.eligibility.order_after_range', { to: formatDhakaDay(locale, e.orderDateTo) });
    case 'channel_not_eligible':
      return claimText(locale, 'claims.eligibility.channel_not_eligible', { channel: claimText(locale, `claims.channel.${f.channel}`) });
  }
}

/** What a late claim is told. */
export const lateText = (locale: Locale, window: Pick<ClaimWindow, 'lastDate'>): string =>
  claimText(locale, 'claims.eligibility.late', { date: formatDhakaDay(locale, window.lastDate) });
