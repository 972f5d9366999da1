// "Why this date?" under a deadline: opened on request, it lists the days from today to the
// deadline that are not working days, each with its reason (the weekend, which holiday) from the
// server's calendar (GET /api/v1/calendar/non-working-days, in the reader's language). Nothing
// is asked for until someone opens it, and the page carries no holiday data: the consumer's
// bundle stays as it was.
import { type SyntheticEvent, useEffect, useState } from 'react';
import { dhakaDate, shiftDate } from '@nalish/domain';
import type { NonWorkingDaysResponse } from '@nalish/domain/calendar';
import { api } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError, Loading } from './Loading.tsx';

/** The longest range the endpoint answers (MAX_NON_WORKING_RANGE_DAYS, kept out of the bundle). */
const MAX_DAYS = 400;

export function WhyThisDate({ dueAt }: { dueAt: string }) {
  const { t, locale, date } = useI18n();
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ days?: NonWorkingDaysResponse['days']; error?: unknown } | null>(null);
  const to = dhakaDate(new Date(dueAt));
  const today = dhakaDate(new Date());
  // An overdue deadline: the days it counted are before today; show the fortnight before it.
  const start = today < to ? today : shiftDate(to, -14);
  const from = shiftDate(to, -MAX_DAYS) > start ? shiftDate(to, -MAX_DAYS) : start;

  useEffect(() => {
    if (!open) return;
    const ctl = new AbortController();
    setState(null);
    api<NonWorkingDaysResponse>('GET', `/api/v1/calendar/non-working-days?from=${from}&to=${to}`, { signal: ctl.signal })
      .then((r) => setState({ days: r.days }))
      .catch((error: unknown) => {
        if (!ctl.signal.aborted) setState({ error });
      });
    return () => ctl.abort();
  }, [open, from, to, locale, attempt]);

  const onToggle = (e: SyntheticEvent<HTMLDetailsElement>) => setOpen(e.currentTarget.open);
  const day = (d: string) => date(`${d}T12:00:00+06:00`);
  return (
    <details className="why-date" onToggle={onToggle}>
      <summary>{t('why.summary')}</summary>
      {open && !state && <Loading />}
      {state?.error !== undefined && <LoadError error={state.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {state?.days && (
        <>
          <p className="small">{t('why.rule')}</p>
          {state.days.length === 0 ? (
            <p className="small">{t('why.none', { from: day(from), to: day(to) })}</p>
          ) : (
            <>
              <p className="small">{t('why.lead', { from: day(from), to: day(to) })}</p>
              <ul className="why-days">
                {state.days.map((d) => (
                  <li key={d.date}>
                    <time dateTime={d.date}>{day(d.date)}</time>: {d.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </details>
  );
}
