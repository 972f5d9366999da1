// The regulator's part, once it has one: the decision (with the fine and the complainant's
// share once collected) and the hearing.
import type { ComplaintView as View } from '@nalish/domain/responses';
import { useI18n } from '../../../i18n/i18n.tsx';

export function Decision({ v }: { v: View }) {
  const { t, bdt } = useI18n();
  if (!v.decision) return null;
  return (
    <section className="card" aria-labelledby="t-decision">
      <h2 id="t-decision">{t('consumer.track.decision')}</h2>
      <p>
        <strong>{t(v.decision.outcome === 'upheld' ? 'consumer.track.upheld' : 'consumer.track.dismissed')}</strong>
      </p>
      {v.decision.fineBdt > 0 && <p>{t('consumer.track.fine', { amount: bdt(v.decision.fineBdt) })}</p>}
      <h3>{t('consumer.track.reasons')}</h3>
      <blockquote className="quote">{v.decision.reasons}</blockquote>
      {v.decision.order && (
        <>
          <h3>{t('consumer.track.decisionOrder')}</h3>
          <blockquote className="quote">{v.decision.order}</blockquote>
        </>
      )}
      {v.fineCollectedBdt !== null && v.complainantShareBdt !== null && (
        <p>
          <strong>{t('consumer.track.share', { collected: bdt(v.fineCollectedBdt), share: bdt(v.complainantShareBdt) })}</strong>
        </p>
      )}
    </section>
  );
}

export function Hearing({ v }: { v: View }) {
  const { t, dateTime } = useI18n();
  if (!v.hearing) return null;
  return (
    <section className="card" aria-labelledby="t-hearing">
      <h2 id="t-hearing">{t('consumer.track.hearing')}</h2>
      <p>{t('consumer.track.hearingWhen', { when: dateTime(v.hearing.at), mode: t(v.hearing.mode === 'online' ? 'hearing.online' : 'hearing.in_person') })}</p>
      <p>{t('consumer.track.hearingPlace', { place: v.hearing.place })}</p>
      {v.hearing.secondNotice && !v.hearing.outcome && <p>{t('consumer.track.hearingSecond')}</p>}
      {v.hearing.outcome && <p>{t(v.hearing.outcome === 'held' ? 'consumer.track.hearingHeld' : 'consumer.track.hearingCancelled')}</p>}
    </section>
  );
}
