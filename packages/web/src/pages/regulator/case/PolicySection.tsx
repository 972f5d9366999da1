// What the rules say about a case, for the officer: every finding with its inputs (the figures
// it was worked out from, the facts and who stated them), an old review new facts made stale,
// and per finding a review (confirm, or override with another outcome) with a required
// reason; the facts on file, with what each party said; and a correction of any fact, with a
// reason, after which the rules run again.
import { type State, type WireFactKey, isTerminal } from '@nalish/domain';
import { OUTCOMES } from '@nalish/domain/policy';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { FactPicker, valueError } from '../../../policy/FactInput.tsx';
import { FindingsList, RuleSetLine } from '../../../policy/Findings.tsx';
import { type FactSource, type PolicyView, type StoredFinding, decided, factLabel, factValueText, outcomeLabel, toWire } from '../../../policy/model.ts';
import { useDraft } from '../../../ui/drafts.ts';
import { Field, FormError } from '../../../ui/Field.tsx';
import { useFocusFirstError } from '../../../ui/focus.tsx';
import type { Post } from './types.ts';

function ReviewForm({ code, f, post }: { code: string; f: StoredFinding; post: Post }) {
  const { t } = useI18n();
  const slug = f.ruleId.replace(/\W/g, '-');
  const id = `rp-${slug}`;
  const [open, setOpen] = useState(false);
  const [v, setV, clear] = useDraft(`nalish.reg.${code}.review.${f.ruleId}`, { decision: 'confirm', outcome: '', reason: '' }, 'tab');
  const set = (k: keyof typeof v, value: string) => setV({ [k]: value });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(errors, form);
  // Opening the form puts the focus on its first choice.
  useEffect(() => {
    if (open) form.current?.querySelector<HTMLElement>('input')?.focus();
  }, [open]);
  const others = OUTCOMES.filter((o) => o !== f.outcome);

  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('regulator.policy.review')}
      </button>
    );
  const submit = async () => {
    const e: Record<string, string> = {};
    if (v.decision === 'override' && !others.includes(v.outcome as (typeof others)[number])) e.outcome = t('regulator.policy.err.outcome');
    if (v.reason.trim().length < 3) e.reason = t('regulator.policy.err.reason');
    if (Object.keys(e).length) return setErrors(e);
    setBusy(true);
    const body = { ruleId: f.ruleId, decision: v.decision, ...(v.decision === 'override' ? { outcome: v.outcome } : {}), reason: v.reason.trim() };
    const result = await post('policy/review', body, ['outcome', 'reason', 'decision']);
    setBusy(false);
    setErrors(result ?? {});
    if (!result) {
      clear();
      setOpen(false);
    }
  };
  return (
    <form
      ref={form}
      id={id}
      className="policy-form"
      aria-labelledby={`${id}-h`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h4 id={`${id}-h`}>{t('regulator.policy.review')}</h4>
      <FormError text={errors['']} />
      <fieldset className="r-radios">
        <legend>{t('regulator.policy.decision')}</legend>
        {(['confirm', 'override'] as const).map((d) => (
          <label key={d} className="r-check">
            <input type="radio" name={`${id}-decision`} value={d} checked={v.decision === d} onChange={() => set('decision', d)} /> {t(`regulator.policy.${d}`)}
          </label>
        ))}
      </fieldset>
      {v.decision === 'override' && (
        <Field id={`${id}-outcome`} label={t('regulator.policy.outcome')} error={errors.outcome}>
          {(a) => (
            <select {...a} value={v.outcome} onChange={(ev) => set('outcome', ev.target.value)}>
              <option value="">{t('policy.form.choose')}</option>
              {others.map((o) => (
                <option key={o} value={o}>
                  {outcomeLabel(t, o, f.subject)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={`${id}-reason`} label={t('regulator.policy.reason')} error={errors.reason}>
        {(a) => <textarea {...a} value={v.reason} onChange={(ev) => set('reason', ev.target.value)} />}
      </Field>
      <div className="r-buttons">
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('regulator.policy.submit')}
        </button>
      </div>
    </form>
  );
}

function CorrectForm({ code, policy, post }: { code: string; policy: PolicyView; post: Post }) {
  const { t } = useI18n();
  const [v, setV, clear] = useDraft(`nalish.reg.${code}.correct`, { fact: '', value: '', reason: '' }, 'tab');
  const set = (k: keyof typeof v, value: string) => setV({ [k]: value });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(errors, form);
  const fact = v.fact as WireFactKey | '';
  const submit = async () => {
    const e: Record<string, string> = {};
    const wire = fact ? toWire(fact, v.value) : null;
    if (!fact) e.fact = t('policy.form.err.fact');
    else if (wire && !wire.ok) e.value = valueError(t, wire.error);
    if (v.reason.trim().length < 3) e.reason = t('regulator.policy.err.reason');
    if (Object.keys(e).length || !fact || !wire?.ok) return setErrors(e);
    setBusy(true);
    const result = await post('policy/facts', { facts: { [fact]: wire.value }, evidenceIds: [], reason: v.reason.trim() }, ['facts', 'reason']);
    setBusy(false);
    setErrors(result ? { ...result, ...(result.facts ? { value: result.facts } : {}) } : {});
    if (!result) clear();
  };
  return (
    <form
      ref={form}
      className="card r-action"
      aria-labelledby="rp-correct-h"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="rp-correct-h">{t('regulator.policy.correct')}</h3>
      <FormError text={errors['']} />
      <FactPicker
        idPrefix="rp-correct"
        facts={policy.statable}
        fact={fact}
        value={v.value}
        onChange={(k, value) => setV({ fact: k, value })}
        errors={{ fact: errors.fact, value: errors.value }}
        policy={policy}
      />
      <Field id="rp-correct-reason" label={t('regulator.policy.correctReason')} error={errors.reason}>
        {(a) => <textarea {...a} value={v.reason} onChange={(ev) => set('reason', ev.target.value)} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {t('regulator.policy.correctSubmit')}
      </button>
    </form>
  );
}

/** The facts on file, who stated each, and what the other parties said of it. */
function FactsOnFile({ policy }: { policy: PolicyView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const keys = Object.keys(policy.facts) as WireFactKey[];
  if (keys.length === 0) return <p>{t('regulator.policy.noFacts')}</p>;
  const sources: FactSource[] = ['consumer', 'merchant', 'officer'];
  return (
    <dl className="finding-numbers">
      {keys.map((k) => {
        const source = policy.sources[k];
        const also = sources.filter((s) => s !== source && policy.layers[s] && k in policy.layers[s]!);
        return (
          <div key={k}>
            <dt>{factLabel(t, k)}</dt>
            <dd>
              {factValueText(i18n, k, policy.facts[k])}
              {source && <span className="muted"> · {t('regulator.policy.statedBy', { source: t(`policy.source.${source}`) })}</span>}
              {also.map((s) => (
                <span key={s} className="muted">
                  {' '}
                  · {t('regulator.policy.alsoSaid', { source: t(`policy.source.${s}`), value: factValueText(i18n, k, policy.layers[s]![k]) })}
                </span>
              ))}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function PolicySection({ code, state, policy, post }: { code: string; state: State; policy: PolicyView; post: Post }) {
  const { t } = useI18n();
  const open = !isTerminal(state);
  return (
    <section className="card" aria-labelledby="r-policy-h">
      <h2 id="r-policy-h">{t('policy.title')}</h2>
      <p className="muted">{t('regulator.policy.lead')}</p>
      {policy.findings.length === 0 ? (
        <p>{t('policy.none')}</p>
      ) : (
        <FindingsList findings={policy.findings} facts={policy} showNumbers officer isPrimary={decided} extra={(f) => <ReviewForm code={code} f={f} post={post} />} />
      )}
      <RuleSetLine p={policy} />
      <h3>{t('regulator.policy.facts')}</h3>
      <FactsOnFile policy={policy} />
      {open && policy.statable.length > 0 && <CorrectForm code={code} policy={policy} post={post} />}
    </section>
  );
}
