// Step 5, the pre-checks: did the consumer tell the seller (and when), what remedy came, and
// when the problem arose, with the regulator's 30-day limit said plainly.
import { DEFAULT_SETTINGS, REMEDY_RECEIVED, regulatorWindow } from '@nalish/domain';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Field } from '../../../ui/Field.tsx';
import type { Draft } from '../draft.ts';
import { DATE, today } from './filing.ts';
import { type StepProps, StepForm } from './StepForm.tsx';

/** The days the consumer has to take a complaint to the regulator (CRPA 2009, s.60). */
export const LIMIT_DAYS = DEFAULT_SETTINGS.regulatorFilingLimitDays;

/** The regulator's window for the problem date typed, or null while there is none. */
export const windowOf = (d: Draft) => (DATE.test(d.pre.problemDate) ? regulatorWindow(d.pre.problemDate, new Date(), LIMIT_DAYS) : null);

/** A calendar date as the reader writes it ('' for none). */
export function useDay() {
  const { date } = useI18n();
  return (s: string) => (s ? date(`${s}T12:00:00+06:00`) : '');
}

export function StepPreChecks({ d, update, err, onNext, onBack }: StepProps & { onNext: () => void; onBack: () => void }) {
  const { t } = useI18n();
  const day = useDay();
  const setPre = (p: Partial<Draft['pre']>) => update((x) => ({ ...x, pre: { ...x.pre, ...p } }));
  const contactedErr = err('preChecks.contactedMerchant');
  const win = windowOf(d);
  return (
    <StepForm onSubmit={onNext} onBack={onBack}>
      <fieldset className={contactedErr ? 'has-error' : ''} aria-describedby={contactedErr ? 'pre-contacted-error' : undefined}>
        <legend>{t('consumer.pre.contacted')}</legend>
        {(['yes', 'no'] as const).map((v) => (
          <label key={v} className="choice">
            <input type="radio" name="contacted" value={v} checked={d.pre.contacted === v} aria-invalid={contactedErr && v === 'yes' ? true : undefined} onChange={() => setPre({ contacted: v })} />
            {t(`consumer.pre.${v}`)}
          </label>
        ))}
        {contactedErr && (
          <p className="error" id="pre-contacted-error">
            {contactedErr}
          </p>
        )}
      </fieldset>
      {d.pre.contacted === 'yes' && (
        <Field id="pre-contactedOn" label={t('consumer.pre.contactedOn')} error={err('preChecks.contactedOn')}>
          {(a) => <input {...a} type="date" max={today()} value={d.pre.contactedOn} onChange={(e) => setPre({ contactedOn: e.target.value })} />}
        </Field>
      )}
      {d.pre.contacted === 'no' && <p className="notice">{t('consumer.pre.notContacted')}</p>}
      <fieldset>
        <legend>{t('consumer.pre.remedy')}</legend>
        {REMEDY_RECEIVED.map((v) => (
          <label key={v} className="choice">
            <input type="radio" name="remedyReceived" value={v} checked={d.pre.remedyReceived === v} onChange={() => setPre({ remedyReceived: v })} />
            {t(`consumer.pre.remedy.${v}`)}
          </label>
        ))}
      </fieldset>
      <Field id="pre-problemDate" label={t('consumer.pre.problemDate')} hint={t('consumer.pre.problemHint')} error={err('preChecks.problemDate')}>
        {(a) => <input {...a} type="date" max={today()} value={d.pre.problemDate} onChange={(e) => setPre({ problemDate: e.target.value })} />}
      </Field>
      <div aria-live="polite">
        {win && (
          <p className={win.open ? 'notice info' : 'notice'} data-testid="regulator-window">
            {win.open ? t(win.daysLeft === 0 ? 'consumer.pre.windowLastDay' : 'consumer.pre.windowOpen', { date: day(win.lastDay), days: win.daysLeft, limit: LIMIT_DAYS }) : t('consumer.pre.windowClosed', { date: day(win.lastDay), limit: LIMIT_DAYS })}
          </p>
        )}
      </div>
    </StepForm>
  );
}
