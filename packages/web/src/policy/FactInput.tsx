// Choosing one fact and giving its value, in the control its kind needs: a date (with "has not
// happened yet" for events, and an optional time for the hour-counted rules), yes/no, an
// amount, a payment channel or the reason a refund is due. The consumer's tracking page, the
// merchant's contest form and the officer's correction share it; each adds its own fields.
import { PAYMENT_CHANNELS, REFUND_DUE_REASONS, type WireFactKey } from '@nalish/domain';
import { useI18n } from '../i18n/i18n.tsx';
import { FACT_KINDS, NOT_YET, type PolicyView, factLabel, factValueText, todayInDhaka } from './model.ts';

export interface FactErrors {
  fact?: string | undefined;
  value?: string | undefined;
}

function describedBy(...ids: (string | false | undefined)[]) {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
}

export function FactPicker(props: {
  idPrefix: string;
  /** The facts this person may state (the view's `statable`). */
  facts: readonly WireFactKey[];
  fact: WireFactKey | '';
  value: string;
  onChange(fact: WireFactKey | '', value: string): void;
  errors: FactErrors;
  /** The facts on file, to say what the chosen one is now. */
  policy?: Pick<PolicyView, 'facts' | 'sources'> | null | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { idPrefix: id, fact, value, errors } = props;
  const factId = `${id}-fact`;
  const valueId = `${id}-value`;
  const kind = fact ? FACT_KINDS[fact] : null;
  const onFile = fact && props.policy && fact in props.policy.facts ? props.policy.facts[fact] : undefined;
  const source = fact ? props.policy?.sources[fact] : undefined;
  const current =
    fact && props.policy
      ? onFile === undefined
        ? t('policy.form.currentNone')
        : t('policy.form.current', { value: factValueText(i18n, fact, onFile), source: source ? t(`policy.source.${source}`) : '—' })
      : '';
  const set = (v: string) => props.onChange(fact, v);
  const valueAria = {
    id: valueId,
    'aria-invalid': errors.value ? (true as const) : undefined,
    'aria-describedby': describedBy(current && `${valueId}-hint`, errors.value && `${valueId}-error`),
  };
  const isEvent = kind === 'event' || kind === 'eventTime';
  const withTime = kind === 'eventTime' || kind === 'dateTime';
  const notYet = isEvent && value === NOT_YET;
  const [day, time] = notYet ? ['', ''] : value.split('T') as [string, string | undefined];

  let control: React.ReactNode = null;
  if (kind === 'bool' || kind === 'channel' || kind === 'reason') {
    const options = kind === 'bool' ? (['yes', 'no'] as const) : kind === 'channel' ? PAYMENT_CHANNELS : REFUND_DUE_REASONS;
    const name = (o: string) => (kind === 'bool' ? t(o === 'yes' ? 'policy.yes' : 'policy.no') : kind === 'channel' ? t(`policy.channel.${o as (typeof PAYMENT_CHANNELS)[number]}`) : t(`policy.reason.${o as (typeof REFUND_DUE_REASONS)[number]}`));
    control = (
      <select {...valueAria} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{t('policy.form.choose')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {name(o)}
          </option>
        ))}
      </select>
    );
  } else if (kind === 'amount') {
    control = <input {...valueAria} inputMode="decimal" autoComplete="off" value={value} onChange={(e) => set(e.target.value)} />;
  } else if (kind) {
    control = (
      <>
        <input {...valueAria} type="date" max={todayInDhaka()} disabled={notYet} value={day ?? ''} onChange={(e) => set(withTime && time ? `${e.target.value}T${time}` : e.target.value)} />
        {withTime && (
          <>
            <label htmlFor={`${id}-time`}>{t('policy.form.time')}</label>
            <input id={`${id}-time`} type="time" disabled={notYet || !day} value={time ?? ''} onChange={(e) => set(e.target.value ? `${day}T${e.target.value}` : (day ?? ''))} />
          </>
        )}
        {isEvent && (
          <label className="choice">
            <input type="checkbox" checked={notYet} onChange={(e) => set(e.target.checked ? NOT_YET : '')} />
            {t('policy.form.notYet')}
          </label>
        )}
      </>
    );
  }

  return (
    <>
      <div className={`fact-field${errors.fact ? ' has-error' : ''}`}>
        <label htmlFor={factId}>{t('policy.form.fact')}</label>
        <select
          id={factId}
          aria-invalid={errors.fact ? true : undefined}
          aria-describedby={errors.fact ? `${factId}-error` : undefined}
          value={fact}
          onChange={(e) => props.onChange(e.target.value as WireFactKey | '', '')}
        >
          <option value="">{t('policy.form.choose')}</option>
          {props.facts.map((k) => (
            <option key={k} value={k}>
              {factLabel(t, k)}
            </option>
          ))}
        </select>
        {errors.fact && (
          <p className="error" id={`${factId}-error`}>
            {errors.fact}
          </p>
        )}
      </div>
      {fact && (
        <div className={`fact-field${errors.value ? ' has-error' : ''}`}>
          <label htmlFor={valueId}>{factLabel(t, fact)}</label>
          {current && (
            <p className="hint muted" id={`${valueId}-hint`}>
              {current}
            </p>
          )}
          {control}
          {errors.value && (
            <p className="error" id={`${valueId}-error`}>
              {errors.value}
            </p>
          )}
        </div>
      )}
    </>
  );
}

/** The message for a value toWire refused. */
export function valueError(t: ReturnType<typeof useI18n>['t'], error: 'value' | 'date' | 'amount'): string {
  return t(error === 'date' ? 'policy.form.err.date' : error === 'amount' ? 'policy.form.err.amount' : 'policy.form.err.value');
}
