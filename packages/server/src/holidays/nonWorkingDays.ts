// The days in a range that are not working days, with the reason in the reader's language:
// what a "why this date?" disclosure next to a deadline lists.
import { type DhakaDate, type Locale, shiftDate } from '@nalish/domain';
import { type NonWorkingDay, MAX_NON_WORKING_RANGE_DAYS, describeReason, isIsoDate, whyNotWorking } from '@nalish/domain/calendar';
import type { Deps } from '../deps.ts';

/** Null when the range is not one: a bad date, reversed, or too long. */
export async function nonWorkingDays(deps: Pick<Deps, 'calendar'>, from: DhakaDate, to: DhakaDate, locale: Locale): Promise<NonWorkingDay[] | null> {
  if (!isIsoDate(from) || !isIsoDate(to) || to < from || shiftDate(from, MAX_NON_WORKING_RANGE_DAYS) < to) return null;
  const cal = await deps.calendar.get();
  const out: NonWorkingDay[] = [];
  for (let d = from; d <= to; d = shiftDate(d, 1)) {
    const reason = whyNotWorking(d, cal);
    if (reason) out.push({ date: d, kind: reason.kind, reason: describeReason(locale, reason) });
  }
  return out;
}
