// The year's holiday list (/regulator/holidays), for head-office officers: choose the CSV the
// Ministry of Public Administration's list was typed into, see what it changes — holidays
// added, changed, removed, the days that stop being working days and how many open deadlines
// would move — and apply it. Applying sends the preview's fingerprint: if the table changed in
// between, the server refuses and the officer previews again. The open deadlines are then moved
// by the server's worker, each with an event and a message to the party who owes the step.
import { toBengaliDigits } from '@nalish/domain';
import type { HolidayEntry, HolidayImportPlan } from '@nalish/domain/calendar';
import { useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { UiKey } from '../../i18n/en.ts';
import { FormError } from '../../ui/Field.tsx';
import { errorText } from '../../ui/errors.ts';
import { useOfficer } from './officer.ts';

const PREVIEW = '/api/v1/regulator/holidays/import/preview';
const APPLY = '/api/v1/regulator/holidays/import/apply';

interface Problem {
  line: number | null;
  message: string;
}

export function Holidays() {
  const { t, locale, date } = useI18n();
  const me = useOfficer();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [csv, setCsv] = useState<string | null>(null);
  const [plan, setPlan] = useState<HolidayImportPlan | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const result = useRef<HTMLDivElement>(null);

  if (!me.mayManageHolidays) {
    return (
      <>
        <h1 tabIndex={-1}>{t('regulator.holidays.title')}</h1>
        <p className="notice">{t('regulator.holidays.headOfficeOnly')}</p>
      </>
    );
  }

  const yr = (y: number) => (locale === 'bn' ? toBengaliDigits(String(y)) : String(y));
  const day = (d: string) => date(`${d}T12:00:00+06:00`);
  const span = (h: HolidayEntry) => (h.date === h.to ? day(h.date) : t('regulator.holidays.range', { from: day(h.date), to: day(h.to) }));
  const name = (h: HolidayEntry) => (locale === 'bn' ? h.nameBn : h.nameEn);
  const kind = (h: HolidayEntry) => t(`regulator.holidays.kind.${h.kind}` as UiKey);
  const focusResult = () => requestAnimationFrame(() => result.current?.focus());

  async function send(apply: boolean) {
    if (csv === null) {
      setError(t('regulator.holidays.chooseFile'));
      return;
    }
    setBusy(true);
    setError(undefined);
    setProblems([]);
    try {
      const body = { csv, ...(/^\d{4}$/.test(year) ? { year: Number(year) } : {}), ...(apply && plan ? { expectedFingerprint: plan.fingerprint } : {}) };
      setPlan(await api<HolidayImportPlan>('POST', apply ? APPLY : PREVIEW, { body }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'holiday_list_invalid') setProblems((e.details.problems as Problem[] | undefined) ?? []);
      if (e instanceof ApiError && e.code === 'holiday_list_changed') setPlan(null);
      setError(errorText(t, e));
    } finally {
      setBusy(false);
      focusResult();
    }
  }

  const list = (title: UiKey, items: HolidayEntry[]) =>
    items.length > 0 && (
      <>
        <h3>{t(title, { n: items.length })}</h3>
        <ul className="r-holidays">
          {items.map((h) => (
            <li key={`${h.date}-${h.kind}-${h.nameEn}`}>
              <strong>{span(h)}</strong> {name(h)} <span className="muted">({kind(h)})</span>
            </li>
          ))}
        </ul>
      </>
    );

  return (
    <>
      <h1 tabIndex={-1}>{t('regulator.holidays.title')}</h1>
      <p>{t('regulator.holidays.lead')}</p>
      <p className="muted small">{t('regulator.holidays.format')}</p>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void send(false);
        }}
      >
        <div className="field">
          <label htmlFor="h-year">{t('regulator.holidays.year')}</label>
          <input id="h-year" inputMode="numeric" maxLength={4} value={year} onChange={(e) => setYear(e.target.value.trim())} />
        </div>
        <div className="field">
          <label htmlFor="h-file">{t('regulator.holidays.file')}</label>
          <input
            id="h-file"
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              setPlan(null);
              setProblems([]);
              setError(undefined);
              setCsv(f ? await f.text() : null);
            }}
          />
        </div>
        <button type="submit" disabled={busy}>
          {t('regulator.holidays.preview')}
        </button>
      </form>

      <div ref={result} tabIndex={-1} aria-live="polite">
        <FormError text={error} />
        {problems.length > 0 && (
          <ul className="r-problems">
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        )}
        {plan && (
          <section className="card" aria-labelledby="h-plan">
            <h2 id="h-plan">{t(plan.applied ? 'regulator.holidays.applied' : 'regulator.holidays.planTitle', { year: yr(plan.year) })}</h2>
            <p>
              {t('regulator.holidays.counts', {
                added: plan.added.length,
                changed: plan.changed.length + plan.renamed.length,
                removed: plan.removed.length,
                unchanged: plan.unchanged,
              })}
            </p>
            {plan.nonWorkingDays.added.length > 0 && (
              <p>{t('regulator.holidays.closedDays', { days: plan.nonWorkingDays.added.map(day).join(', ') })}</p>
            )}
            {plan.nonWorkingDays.removed.length > 0 && (
              <p>{t('regulator.holidays.openedDays', { days: plan.nonWorkingDays.removed.map(day).join(', ') })}</p>
            )}
            <p>
              <strong>{t(plan.applied ? 'regulator.holidays.movingNow' : 'regulator.holidays.wouldMove', { n: plan.deadlinesToMove })}</strong>
            </p>
            {list('regulator.holidays.added', plan.added)}
            {list(
              'regulator.holidays.changed',
              [...plan.renamed, ...plan.changed].map((c) => c.after),
            )}
            {list('regulator.holidays.removed', plan.removed)}
            {!plan.applied && (
              <button type="button" disabled={busy} onClick={() => void send(true)}>
                {t('regulator.holidays.apply', { year: yr(plan.year) })}
              </button>
            )}
          </section>
        )}
      </div>
    </>
  );
}
