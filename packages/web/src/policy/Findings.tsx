// Policy findings as every area shows them: breaches first, each with its rule in words, the
// explanation in the reader's language (dates and amounts already in Bengali digits), which
// answer would settle an unknown one, the officer's review (or a review new facts made stale),
// the facts it rests on and who stated them; and breaches counted per rule.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import {
  type Finding,
  type Outcome,
  type PolicyView,
  type Review,
  type RuleBreaches,
  byOutcome,
  factLabel,
  factValueText,
  factsUsed,
  numberLabel,
  outcomeLabel,
  outcomeOf,
  ruleClause,
  ruleName,
  subjectOf,
} from './model.ts';

type AnyFinding = Finding & { effectiveOutcome?: Outcome; subject?: 'merchant' | 'consumer'; instrument?: string; clause?: string; review?: Review | null; staleReview?: Review | null };

function OutcomeBadge({ f }: { f: AnyFinding }) {
  const { t } = useI18n();
  const outcome = outcomeOf(f);
  return <span className={`badge outcome-${outcome}`}>{outcomeLabel(t, outcome, subjectOf(f))}</span>;
}

function ReviewLine({ f }: { f: AnyFinding }) {
  const { t, date } = useI18n();
  const subject = subjectOf(f);
  const r = f.review;
  const stale = f.staleReview;
  return (
    <>
      {r && (
        <p className="finding-review">
          {r.decision === 'confirm'
            ? t('policy.review.confirm', { date: date(r.at), reason: r.reason })
            : t('policy.review.override', { outcome: outcomeLabel(t, r.outcome, subject), date: date(r.at), reason: r.reason })}
          {r.decision === 'override' && <> {t('policy.review.computed', { outcome: outcomeLabel(t, f.outcome, subject) })}</>}
        </p>
      )}
      {stale && <p className="finding-stale">{t('policy.review.stale', { date: date(stale.at), outcome: outcomeLabel(t, stale.outcome, subject) })}</p>}
    </>
  );
}

function FindingItem({ f, facts, showNumbers, officer, extra }: { f: AnyFinding; facts?: Pick<PolicyView, 'facts' | 'sources'> | undefined; showNumbers?: boolean | undefined; officer?: boolean | undefined; extra?: ReactNode }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const outcome = outcomeOf(f);
  const used = facts ? factsUsed(f, facts) : [];
  const numbers = Object.entries(f.numbers);
  return (
    <li className={`finding finding-${outcome}`} data-rule={f.ruleId} data-outcome={outcome}>
      <h3 className="finding-title">
        {ruleName(t, f.ruleId)} <OutcomeBadge f={f} />
      </h3>
      {/* An unknown finding's own sentence only lists the missing facts: say it once, in our words. */}
      {(f.outcome !== 'unknown' || !f.missingFacts?.length) && <p className="finding-text">{f.explanation[locale]}</p>}
      {f.missingFacts && f.missingFacts.length > 0 && <p className="finding-settle">{t('policy.settle', { facts: f.missingFacts.map((k) => factLabel(t, k)).join(', ') })}</p>}
      <ReviewLine f={f} />
      {used.length > 0 && (
        <p className="small muted finding-facts">
          {t('policy.basedOn')}:{' '}
          {used
            .map((u) => (u.source ? t('policy.factLine', { fact: factLabel(t, u.fact), value: factValueText(i18n, u.fact, u.value), source: t(`policy.source.${u.source}`) }) : `${factLabel(t, u.fact)}: ${factValueText(i18n, u.fact, u.value)}`))
            .join(' · ')}
        </p>
      )}
      {showNumbers && numbers.length > 0 && (
        <>
          <h4 className="finding-inputs">{t('policy.inputs')}</h4>
          <dl className="finding-numbers">
            {numbers.map(([k, v]) => (
              <div key={k}>
                <dt>{numberLabel(t, k)}</dt>
                <dd>{factValueText(i18n, k, v)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p className="small muted finding-rule">{t('policy.rule', { clause: ruleClause(t, f, officer) })}</p>
      {extra}
    </li>
  );
}

/**
 * The findings, breaches first. Those `isPrimary` rejects (by default: rules that do not
 * apply) are collapsed under one line that says how many there are.
 */
export function FindingsList<F extends AnyFinding>(props: {
  findings: readonly F[];
  facts?: Pick<PolicyView, 'facts' | 'sources'>;
  showNumbers?: boolean;
  /** An officer reads it: clause numbers not yet confirmed are marked so. */
  officer?: boolean;
  isPrimary?: (f: F) => boolean;
  extra?: (f: F) => ReactNode;
}) {
  const { t } = useI18n();
  const isPrimary = props.isPrimary ?? ((f: F) => outcomeOf(f) !== 'not_applicable');
  const sorted = [...props.findings].sort(byOutcome);
  const primary = sorted.filter(isPrimary);
  const rest = sorted.filter((f) => !isPrimary(f));
  const item = (f: F) => <FindingItem key={f.ruleId} f={f} facts={props.facts} showNumbers={props.showNumbers} officer={props.officer} extra={props.extra?.(f)} />;
  return (
    <>
      {primary.length > 0 && <ul className="findings">{primary.map(item)}</ul>}
      {rest.length > 0 && (
        <details className="findings-more">
          <summary>{t('policy.others', { n: rest.length })}</summary>
          <ul className="findings">{rest.map(item)}</ul>
        </details>
      )}
    </>
  );
}

/** The rule set the findings were judged by. */
export function RuleSetLine({ p }: { p: Pick<PolicyView, 'ruleSet' | 'judgedOn'> }) {
  const { t, date } = useI18n();
  if (!p.ruleSet || !p.judgedOn) return null;
  return <p className="small muted">{t('policy.ruleSet', { version: p.ruleSet, date: date(`${p.judgedOn}T12:00:00+06:00`) })}</p>;
}

/** Breaches per rule, with how many an officer has confirmed. */
export function BreachesTable({ items, caption }: { items: readonly RuleBreaches[]; caption: string }) {
  const { t, number } = useI18n();
  return (
    <table className="breaches">
      <caption className="sr">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('policy.breaches.rule')}</th>
          <th scope="col">{t('policy.breaches.count')}</th>
          <th scope="col">{t('policy.breaches.confirmed')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((b) => (
          <tr key={b.ruleId} data-rule={b.ruleId}>
            <th scope="row">{ruleName(t, b.ruleId)}</th>
            <td>{number(b.breaches)}</td>
            <td>{number(b.confirmed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
