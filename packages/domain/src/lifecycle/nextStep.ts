// What happens next on a complaint and by when, as each side reads it (issue 11.4): who must
// act, what the step is, the date, the days left (0 = today is the last day), and what silence
// does. One place, so the consumer's page, the merchant's page and the API say the same thing.
import { calendarDaysBetween, dhakaDate } from '../calendar/calendar.ts';
import type { Action } from './actions.ts';
import { ON_DEADLINE } from './machine.ts';
import type { Owner, State } from './states.ts';

/** The step owed in each open state (a message key suffix in the web catalogues). */
export const NEXT_STEP: Record<State, string | null> = {
  submitted: 'route',
  with_merchant: 'merchant_answers',
  merchant_responded: 'consumer_replies',
  resolved: 'merchant_carries_out_remedy',
  remedy_reported: 'consumer_confirms_remedy',
  fulfilled: 'consumer_rates',
  escalated: 'regulator_assigns',
  under_review: 'regulator_decides',
  info_requested: 'party_informs',
  hearing_scheduled: 'hearing',
  decided: 'merchant_complies',
  closed: null,
  withdrawn: null,
  rejected: null,
};

export interface NextStep {
  step: string;
  owner: Owner;
  /** The deadline (the remedy's own date on an accepted offer: the resolved clock carries it). */
  dueAt: string;
  /** The Dhaka date of the deadline. */
  lastDay: string;
  /** Whole days left after today; 0 when today is the last day, negative once passed. */
  daysLeft: number;
  /** What the system does if nobody acts by then. */
  onSilence: Action | null;
}

export function nextStepOf(c: { state: State; owner: Owner | null; dueAt: Date | null }, now: Date): NextStep | null {
  const step = NEXT_STEP[c.state];
  if (!step || !c.owner || !c.dueAt) return null;
  return {
    step,
    owner: c.owner,
    dueAt: c.dueAt.toISOString(),
    lastDay: dhakaDate(c.dueAt),
    daysLeft: calendarDaysBetween(now, c.dueAt),
    onSilence: ON_DEADLINE[c.state],
  };
}
