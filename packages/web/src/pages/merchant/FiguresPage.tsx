// The merchant's own figures: how many complaints, how many answered before the deadline,
// resolved, escalated, the average rating consumers gave, and the rules found broken (per
// rule, with how many an officer confirmed).
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { BreachesTable } from '../../policy/Findings.tsx';
import type { RuleBreaches } from '../../policy/model.ts';
import { api } from '../../api.ts';
import { errorText } from '../../ui/errors.ts';
import { PageHeading } from '../../ui/focus.tsx';

interface Stats {
  total: number;
  open: number;
  awaitingAnswer: number;
  answered: number;
  answeredOnTime: number;
  notAnswered: number;
  resolved: number;
  escalated: number;
  rated: number;
  averageRating: number | null;
  policyBreaches?: RuleBreaches[];
}

export function FiguresPage() {
  const { t, number } = useI18n();
  const [s, setS] = useState<Stats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    setError(null);
    try {
      setS(await api<Stats>('GET', '/api/v1/merchant/stats'));
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const due = s ? s.answered + s.notAnswered : 0;
  const pct = (n: number, of: number) => (of ? Math.round((n / of) * 100) : 0);
  return (
    <div className="stack">
      <PageHeading>{t('merchant.figures.title')}</PageHeading>
      {error !== null && (
        <div role="alert" className="notice">
          <p>{errorText(t, error)}</p>
          <button type="button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!s && error === null && <p role="status">{t('common.loading')}</p>}
      {s && (
        <dl className="m-figures">
          <div className="card">
            <dt>{t('merchant.figures.total')}</dt>
            <dd>
              <span className="m-figure">{number(s.total)}</span>
            </dd>
          </div>
          <div className="card">
            <dt>{t('merchant.figures.open')}</dt>
            <dd>
              <span className="m-figure">{number(s.open)}</span>
              <span className="muted m-sub">{t('merchant.figures.awaiting', { n: s.awaitingAnswer })}</span>
            </dd>
          </div>
          <div className="card">
            <dt>{t('merchant.figures.onTime')}</dt>
            <dd>
              <span className="m-figure">{due ? t('merchant.figures.percent', { p: pct(s.answeredOnTime, due) }) : '—'}</span>
              <span className="muted m-sub">{t('merchant.figures.onTimeOf', { n: s.answeredOnTime, of: due })}</span>
            </dd>
          </div>
          <div className="card">
            <dt>{t('merchant.figures.resolved')}</dt>
            <dd>
              <span className="m-figure">{number(s.resolved)}</span>
            </dd>
          </div>
          <div className="card">
            <dt>{t('merchant.figures.escalated')}</dt>
            <dd>
              <span className="m-figure">{number(s.escalated)}</span>
            </dd>
          </div>
          <div className="card">
            <dt>{t('merchant.figures.rating')}</dt>
            <dd>
              <span className="m-figure">{s.averageRating === null ? t('merchant.figures.noRating') : t('merchant.figures.stars', { stars: number(s.averageRating) })}</span>
              <span className="muted m-sub">{t('merchant.figures.ratedBy', { n: s.rated })}</span>
            </dd>
          </div>
        </dl>
      )}
      {s?.policyBreaches && (
        <section className="card" aria-labelledby="m-breaches-h">
          <h2 id="m-breaches-h">{t('merchant.figures.breaches')}</h2>
          <p className="muted">{t('merchant.figures.breachesLead')}</p>
          {s.policyBreaches.length === 0 ? <p>{t('merchant.figures.noBreaches')}</p> : <BreachesTable items={s.policyBreaches} caption={t('merchant.figures.breaches')} />}
        </section>
      )}
    </div>
  );
}
