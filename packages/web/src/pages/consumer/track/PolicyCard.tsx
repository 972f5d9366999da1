// What the rules say about the complaint, and a fact the consumer learnt after filing (the
// rules run again on the server).
import { type WireFactKey, isTerminal } from '@nalish/domain';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { FactPicker, valueError } from '../../../policy/FactInput.tsx';
import { FindingsList, RuleSetLine } from '../../../policy/Findings.tsx';
import { decided, toWire } from '../../../policy/model.ts';
import type { Steps } from './act.ts';

export function PolicyCard({ view: v, act, busy, err, setErr }: Steps) {
  const { t } = useI18n();
  const [fact, setFact] = useState<{ key: WireFactKey | ''; value: string }>({ key: '', value: '' });
  const policy = v.policy;
  if (!policy) return null;
  const canStateFacts = policy.statable.length > 0 && !isTerminal(v.state);

  async function addFact() {
    const e: Record<string, string> = {};
    const wire = fact.key ? toWire(fact.key, fact.value) : null;
    if (!fact.key) e.fact = t('policy.form.err.fact');
    else if (wire && !wire.ok) e.factValue = valueError(t, wire.error);
    setErr(e);
    if (!fact.key || !wire?.ok) return;
    if (await act('policy/facts', { facts: { [fact.key]: wire.value }, evidenceIds: [] }, 'factValue', 'consumer.track.factAdded')) setFact({ key: '', value: '' });
  }

  return (
    <section className="card" aria-labelledby="t-policy">
      <h2 id="t-policy">{t('policy.title')}</h2>
      <p className="small muted">{t('policy.lead')}</p>
      {policy.findings.length === 0 ? <p>{t('policy.none')}</p> : <FindingsList findings={policy.findings} facts={policy} isPrimary={decided} />}
      <RuleSetLine p={policy} />
      {canStateFacts && (
        <form
          className="policy-form"
          noValidate
          aria-labelledby="t-addfact"
          onSubmit={(e) => {
            e.preventDefault();
            void addFact();
          }}
        >
          <h3 id="t-addfact">{t('consumer.track.addFact')}</h3>
          <p className="muted small">{t('consumer.track.addFactLead')}</p>
          <FactPicker idPrefix="t-fact" facts={policy.statable} fact={fact.key} value={fact.value} onChange={(key, value) => setFact({ key, value })} errors={{ fact: err.fact, value: err.factValue }} policy={policy} />
          <button type="submit" className="primary" disabled={busy}>
            {t('consumer.track.addFactSend')}
          </button>
        </form>
      )}
    </section>
  );
}
