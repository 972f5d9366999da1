// Help for consumers: how Nalish works, what the regulator (DNCRP) can and cannot do, the
// national consumer hotline, and how to tell Nalish from a scam. The numbers come from the
// same settings the deadlines use, so the page never promises another date than the flow.
import { DEFAULT_SETTINGS, toBengaliDigits } from '@nalish/domain';
import { useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../ui/focus.tsx';
import { Link } from '../../router.tsx';

/** The national consumer hotline of the DNCRP (জাতীয় ভোক্তা অভিযোগ কেন্দ্র). */
const HOTLINE = '16121';
/** CRPA 2009 s. 60: a complaint to the DNCRP within 30 days of the cause of action. */
const REGULATOR_LIMIT_DAYS = 30;

export default function HelpPage(_props: { params: Record<string, string> }) {
  const { t, locale } = useI18n();
  const s = DEFAULT_SETTINGS;
  const hotline = locale === 'bn' ? toBengaliDigits(HOTLINE) : HOTLINE;
  return (
    <div className="stack help">
      <PageHeading>{t('consumer.help.title')}</PageHeading>
      <section className="card" aria-labelledby="help-how">
        <h2 id="help-how">{t('consumer.help.how')}</h2>
        <ol>
          <li>{t('consumer.help.how1')}</li>
          <li>{t('consumer.help.how2', { days: s.merchantResponseWorkingDays })}</li>
          <li>{t('consumer.help.how3', { days: s.consumerReplyDays })}</li>
          <li>{t('consumer.help.how4')}</li>
        </ol>
        <p>{t('consumer.help.free')}</p>
        <Link to="/file" className="button primary">
          {t('home.file')}
        </Link>
      </section>
      <section className="card" aria-labelledby="help-regulator">
        <h2 id="help-regulator">{t('consumer.help.regulator')}</h2>
        <h3>{t('consumer.help.can')}</h3>
        <ul>
          <li>{t('consumer.help.can1')}</li>
          <li>{t('consumer.help.can2')}</li>
          <li>{t('consumer.help.can3')}</li>
        </ul>
        <h3>{t('consumer.help.cannot')}</h3>
        <ul>
          <li>{t('consumer.help.cannot1', { days: REGULATOR_LIMIT_DAYS })}</li>
          <li>{t('consumer.help.cannot2')}</li>
          <li>{t('consumer.help.cannot3')}</li>
        </ul>
      </section>
      <section className="card" aria-labelledby="help-hotline">
        <h2 id="help-hotline">{t('consumer.help.hotline')}</h2>
        <p>{t('consumer.help.hotlineLead')}</p>
        <a className="button" href={`tel:${HOTLINE}`}>
          {t('consumer.help.call', { number: hotline })}
        </a>
      </section>
      <section className="card notice" aria-labelledby="help-scam">
        <h2 id="help-scam">{t('consumer.help.scam')}</h2>
        <ul>
          <li>{t('consumer.help.scam1')}</li>
          <li>{t('consumer.help.scam2')}</li>
          <li>{t('consumer.help.scam3')}</li>
          <li>{t('consumer.help.scam4')}</li>
        </ul>
      </section>
    </div>
  );
}
