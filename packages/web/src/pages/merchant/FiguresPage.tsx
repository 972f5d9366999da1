// The merchant's own figures: how many complaints, how many answered before the deadline,
// resolved, escalated, the average rating consumers gave, and the rules found broken (per
// rule, with how many an officer confirmed).
import { useEffect, useState } from 'react';
import type { MerchantStats } from '@nalish/domain/responses';
import { useI18n } from '../../i18n/i18n.tsx';
import { BreachesTable } from '../../policy/Findings.tsx';
import { api } from '../../api.ts';
import { errorText } from '../../ui/errors.ts';
import { PageHeading } from '../../ui/focus.tsx';

export function FiguresPage() {
  const { t, number } = useI18n();
  const [s, setS] = useState<MerchantStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    setError(null);
    try {
      setS(await api<MerchantStats>('GET', '/api/v1/merchant/stats'));
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  // Every share with the number it is out of (domain/stats/figures.ts).
  const due = s?.answerDue ?? 0;
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
              <span className="m-figure">{number(s.received)}</span>
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
              <span className="m-figure">{due ? t('merchant.figures.percent', { p: pct(s.answered, due) }) : '—'}</span>
              <span className="muted m-sub">{t('merchant.figures.onTimeOf', { n: s.answered, of: due })}</span>
            </dd>
          </div>
          <div className="card">
            <dt>{t('merchant.figures.resolved')}</dt>
            <dd>
              <span className="m-figure">{number(s.resolved)}</span>
              <span className="muted m-sub">{t('merchant.figures.resolvedOf', { n: s.resolved, of: s.settled })}</span>
            </dd>
          </div>
          <div className="card">
            <dt>{t('merchant.figures.notResolved')}</dt>
            <dd>
              <span className="m-figure">{number(s.confirmedNotResolved)}</span>
              <span className="muted m-sub">{t('merchant.figures.notResolvedOf', { n: s.confirmedNotResolved, of: s.settled })}</span>
            </dd>
          </div>
          <div className="card">
            <dt>{t('merchant.figures.noAnswer')}</dt>
            <dd>
              <span className="m-figure">{number(s.noAnswer)}</span>
              <span className="muted m-sub">{t('merchant.figures.noAnswerOf', { n: s.noAnswer, of: s.settled })}</span>
            </dd>
          </div>
          <div className="card">
            <dt>{t('merchant.figures.deemed')}</dt>
            <dd>
              <span className="m-figure">{number(s.deemedAccepted)}</span>
              <span className="muted m-sub">{t('merchant.figures.deemedLead')}</span>
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
      {s && (
        <section className="card" aria-labelledby="m-breaches-h">
          <h2 id="m-breaches-h">{t('merchant.figures.breaches')}</h2>
          <p className="muted">{t('merchant.figures.breachesLead')}</p>
          {s.policyBreaches.length === 0 ? <p>{t('merchant.figures.noBreaches')}</p> : <BreachesTable items={s.policyBreaches} caption={t('merchant.figures.breaches')} />}
        </section>
      )}
    </div>
  );
}
