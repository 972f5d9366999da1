// Step 4, payment and delivery: when the consumer paid, whether and when it was delivered,
// whether the seller is in the same city, and for money owed back why and whether it came;
// each may be left at "I don't know". What the rules say about the answers shows as they go.
import { REFUND_DUE_REASONS } from '@nalish/domain';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { FindingsList } from '../../../policy/Findings.tsx';
import { type Evaluation, type Finding, outcomeOf } from '../../../policy/model.ts';
import { Field } from '../../../ui/Field.tsx';
import type { DraftFacts } from '../draft.ts';
import { askedFacts, refundAsked, today } from './filing.ts';
import { type StepProps, StepForm } from './StepForm.tsx';

/**
 * What the rules say about the answers so far, in a polite live region: a change is read out
 * once the server has answered. Nothing shows when there is nothing to say (offline, or the
 * server could not be reached): filing never waits for it.
 */
export function FilingFindings({ evaluation, pending, asked }: { evaluation: Evaluation | null; pending: boolean; asked: Set<string> }) {
  const { t } = useI18n();
  const findings = evaluation?.findings ?? [];
  const isPrimary = (f: Finding) => {
    const o = outcomeOf(f);
    if (o === 'not_applicable') return false;
    return o !== 'unknown' || (f.missingFacts ?? []).every((k) => asked.has(k));
  };
  return (
    <section className="policy-preview" aria-live="polite" aria-busy={pending} data-testid="policy-findings">
      {findings.length > 0 && (
        <>
          <h2>{t('policy.title')}</h2>
          <p className="small muted">{t('policy.lead')}</p>
          <FindingsList findings={findings} isPrimary={isPrimary} />
        </>
      )}
    </section>
  );
}

export function StepFacts({ d, update, err, onNext, onBack, evaluation }: StepProps & { onNext: () => void; onBack: () => void; evaluation: { result: Evaluation | null; pending: boolean } }) {
  const { t } = useI18n();
  const f = d.facts;
  const setF = <K extends keyof DraftFacts>(k: K, v: DraftFacts[K]) => update((x) => ({ ...x, facts: { ...x.facts, [k]: v } }));
  const choices = <K extends 'delivered' | 'sameCity' | 'refunded'>(k: K, legend: string, options: [DraftFacts[K], UiKey][]): ReactNode => (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v || 'unknown'} className="choice">
          <input type="radio" name={`f-${k}`} value={v} checked={f[k] === v} onChange={() => setF(k, v)} />
          {t(label)}
        </label>
      ))}
    </fieldset>
  );
  const dateField = (id: string, k: 'paidOn' | 'deliveredOn' | 'refundedOn', label: UiKey, path: string, hint?: UiKey) => (
    <Field id={id} label={t(label)} hint={hint ? t(hint) : undefined} error={err(path)}>
      {(a) => <input {...a} type="date" max={today()} value={f[k]} onChange={(e) => setF(k, e.target.value)} />}
    </Field>
  );
  return (
    <StepForm onSubmit={onNext} onBack={onBack}>
      <p>{t('consumer.facts.lead')}</p>
      {d.order.paymentChannel !== 'cod' && dateField('f-paidOn', 'paidOn', 'consumer.facts.paidOn', 'facts.paymentDate', 'consumer.facts.paidOnHint')}
      {choices('delivered', t('consumer.facts.delivered'), [
        ['yes', 'consumer.facts.yes'],
        ['no', 'consumer.facts.notYet'],
        ['', 'consumer.facts.dontKnow'],
      ])}
      {f.delivered === 'yes' && dateField('f-deliveredOn', 'deliveredOn', 'consumer.facts.deliveredOn', 'facts.deliveredAt')}
      {choices('sameCity', t('consumer.facts.sameCity'), [
        ['yes', 'consumer.facts.yes'],
        ['no', 'consumer.facts.no'],
        ['', 'consumer.facts.dontKnow'],
      ])}
      {refundAsked(d) && (
        <>
          <Field id="f-refundReason" label={t('consumer.facts.refundReason')}>
            {(a) => (
              <select {...a} value={f.refundReason} onChange={(e) => setF('refundReason', e.target.value)}>
                <option value="">{t('consumer.facts.dontKnow')}</option>
                {REFUND_DUE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`policy.reason.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {choices('refunded', t('consumer.facts.refunded'), [
            ['yes', 'consumer.facts.yes'],
            ['no', 'consumer.facts.notYet'],
            ['', 'consumer.facts.dontKnow'],
          ])}
          {f.refunded === 'yes' && (
            <>
              {dateField('f-refundedOn', 'refundedOn', 'consumer.facts.refundedOn', 'facts.refundedAt')}
              <Field id="f-refundedAmount" label={t('consumer.facts.refundedAmount')} error={err('facts.refundedAmountBdt')}>
                {(a) => <input {...a} inputMode="numeric" value={f.refundedAmount} onChange={(e) => setF('refundedAmount', e.target.value)} />}
              </Field>
            </>
          )}
        </>
      )}
      <FilingFindings evaluation={evaluation.result} pending={evaluation.pending} asked={askedFacts(d)} />
    </StepForm>
  );
}
