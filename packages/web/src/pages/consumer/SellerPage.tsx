// A seller's public profile: registered or not, licence and DBID, websites and pages, its
// complaint record on Nalish and the rules its complaints found broken.
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BreachesTable } from '../../policy/Findings.tsx';
import type { MerchantProfile } from '@nalish/domain/responses';
import { navigate } from '../../router.tsx';
import { loadDraft, saveDraft } from './draft.ts';
import { errorText } from '../../ui/errors.ts';

export default function SellerPage({ params }: { params: Record<string, string> }) {
  const { t, number, date } = useI18n();
  const [p, setP] = useState<MerchantProfile | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api<MerchantProfile>('GET', `/api/v1/merchants/${encodeURIComponent(params.id ?? '')}`)
      .then(setP)
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [params.id, t]);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!p) return <p role="status">{t('common.loading')}</p>;
  const none = <span className="muted">{t('consumer.seller.none')}</span>;
  return (
    <div className="stack">
      <h1>{p.name}</h1>
      <p>
        <span className={p.registered ? 'badge' : 'badge warn'}>{p.registered ? t('consumer.merchant.registered') : t('consumer.merchant.unregistered')}</span>
      </p>
      <p>{p.registered ? t('consumer.seller.registeredLead') : t('consumer.seller.unregisteredLead')}</p>
      <dl className="review">
        <div className="review-row"><dt>{t('consumer.seller.licence')}</dt><dd>{p.tradeLicence ?? none}</dd></div>
        <div className="review-row"><dt>{t('consumer.seller.dbid')}</dt><dd>{p.dbid ?? none}</dd></div>
        <div className="review-row"><dt>{t('consumer.seller.websites')}</dt><dd>{p.websites.length ? p.websites.join(', ') : none}</dd></div>
        <div className="review-row"><dt>{t('consumer.seller.pages')}</dt><dd>{p.facebookPages.length ? p.facebookPages.map((f) => `facebook.com/${f}`).join(', ') : none}</dd></div>
      </dl>
      <section aria-labelledby="s-complaints">
        <h2 id="s-complaints">{t('consumer.seller.complaints')}</h2>
        <dl className="facts">
          <div><dt>{t('consumer.seller.total')}</dt><dd>{number(p.complaints.received)}</dd></div>
          <div><dt>{t('consumer.seller.open')}</dt><dd>{number(p.complaints.open)}</dd></div>
          <div><dt>{t('consumer.seller.escalated')}</dt><dd>{number(p.complaints.escalated)}</dd></div>
          {/* Resolved is the consumer's own word; every share with its n (domain/stats/figures.ts). */}
          <div>
            <dt>{t('consumer.seller.resolved')}</dt>
            <dd>{number(p.complaints.resolved)}</dd>
            <dd className="facts-sub muted">{t('consumer.seller.resolvedOf', { n: p.complaints.resolved, of: p.complaints.settled })}</dd>
          </div>
          <div><dt>{t('consumer.seller.notResolved')}</dt><dd>{number(p.complaints.confirmedNotResolved)}</dd></div>
          <div><dt>{t('consumer.seller.noAnswer')}</dt><dd>{number(p.complaints.noAnswer)}</dd></div>
        </dl>
        {p.regulatorLate && p.regulatorLate.cases > 0 && p.regulatorLate.since && (
          <p className="overdue">{t('consumer.seller.regulatorLate', { cases: number(p.regulatorLate.cases), date: date(p.regulatorLate.since) })}</p>
        )}
      </section>
      {p.policyBreaches.length > 0 && (
        <section aria-labelledby="s-breaches">
          <h2 id="s-breaches">{t('consumer.seller.breaches')}</h2>
          <p className="muted small">{t('consumer.seller.breachesLead')}</p>
          <BreachesTable items={p.policyBreaches} caption={t('consumer.seller.breaches')} />
        </section>
      )}
      <button
        type="button"
        className="primary"
        onClick={() => {
          saveDraft({ ...loadDraft(), merchant: { id: p.id, name: p.name, website: '', facebookPage: '', registered: p.registered } });
          navigate('/file');
        }}
      >
        {t('consumer.seller.file')}
      </button>
    </div>
  );
}
