// The seller's answer with accept / reject (a reason required), and after an accepted offer
// the remedy check: carried out, or not (with a reason).
import type { Action } from '@nalish/domain';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import type { Steps } from './act.ts';
import { ReasonForm } from './ReasonForm.tsx';

export function Answer({ view: v, act, busy, err }: Steps) {
  const { t, bdt, date } = useI18n();
  const [open, setOpen] = useState<'' | 'reject' | 'unfulfilled'>('');
  const [reason, setReason] = useState('');
  const can = (a: Action) => v.actions.includes(a);
  const withReason = async (step: 'reject' | 'report_unfulfilled') => {
    if (await act(step, { reason }, 'reason')) {
      setOpen('');
      setReason('');
    }
  };
  return (
    <>
      {v.response && (
        <section className="card" aria-labelledby="t-response">
          <h2 id="t-response">{t('consumer.track.response')}</h2>
          {v.response.kind === 'offer' ? (
            <>
              <p>
                <strong>{t('consumer.track.offer', { remedy: t(`consumer.remedy.${v.response.remedy ?? 'other'}` as UiKey) })}</strong>
              </p>
              {v.response.amountBdt !== undefined && <p>{t('consumer.track.offerAmount', { amount: bdt(v.response.amountBdt) })}</p>}
              {v.response.byDate && <p>{t('consumer.track.offerBy', { date: date(v.response.byDate) })}</p>}
            </>
          ) : (
            <p>
              <strong>{t('consumer.track.defence')}</strong>
            </p>
          )}
          <blockquote className="quote">{v.response.message}</blockquote>
          {v.responseLate && <p className="notice">{v.lateAnswerAccepted ? t('consumer.track.lateAccepted') : t('consumer.track.lateAnswer')}</p>}
          {can('accept_late_answer') && v.responseLate && !v.lateAnswerAccepted && (
            <div className="actions">
              <button type="button" className="primary" disabled={busy} onClick={() => void act('accept_late_answer', {})}>
                {t('consumer.track.acceptLate')}
              </button>
            </div>
          )}
          {can('accept') && v.dueAt && <p>{t('consumer.track.silenceAccepts', { date: date(v.dueAt) })}</p>}
          {(can('accept') || can('reject')) && (
            <div className="actions">
              {can('accept') && (
                <button type="button" className="primary" disabled={busy} onClick={() => void act('accept', {})}>
                  {t('consumer.track.accept')}
                </button>
              )}
              {can('reject') && open !== 'reject' && (
                <button type="button" disabled={busy} onClick={() => setOpen('reject')}>
                  {t('consumer.track.reject')}
                </button>
              )}
            </div>
          )}
          {open === 'reject' && (
            <ReasonForm id="t-reject" label={t('consumer.track.rejectReason')} submit={t('consumer.track.rejectSend')} value={reason} setValue={setReason} error={err.reason} busy={busy} onCancel={() => setOpen('')} onSubmit={() => void withReason('reject')} />
          )}
        </section>
      )}

      {v.remedyRecord && (
        <section className="card" aria-labelledby="t-remedy">
          <h2 id="t-remedy">{t('consumer.track.remedyRecord')}</h2>
          <p>{t('consumer.track.remedyRecordWhat', { remedy: t(`consumer.remedy.${v.remedyRecord.remedy}` as UiKey), date: date(v.remedyRecord.recordedAt) })}</p>
          {v.remedyRecord.channel && <p>{t('consumer.track.remedyVia', { channel: t(`consumer.channel.${v.remedyRecord.channel}` as UiKey) })}</p>}
          {v.remedyRecord.reference && (
            <p>
              <strong>{t('consumer.track.remedyRef', { reference: v.remedyRecord.reference })}</strong>
            </p>
          )}
          {v.remedyRecord.note && <blockquote className="quote">{v.remedyRecord.note}</blockquote>}
          {can('confirm_fulfilled') && v.remedyRecord.channel && <p>{t('consumer.track.remedyAsk', { channel: t(`consumer.channel.${v.remedyRecord.channel}` as UiKey) })}</p>}
        </section>
      )}

      {(can('confirm_fulfilled') || can('report_unfulfilled')) && (
        <section className="card actions" aria-label={t('consumer.track.confirm')}>
          {can('confirm_fulfilled') && (
            <button type="button" className="primary" disabled={busy} onClick={() => void act('confirm_fulfilled', {})}>
              {t('consumer.track.confirm')}
            </button>
          )}
          {can('report_unfulfilled') && open !== 'unfulfilled' && (
            <button type="button" disabled={busy} onClick={() => setOpen('unfulfilled')}>
              {t('consumer.track.unfulfilled')}
            </button>
          )}
          {open === 'unfulfilled' && (
            <ReasonForm
              id="t-unfulfilled"
              label={t('consumer.track.unfulfilledReason')}
              submit={t('consumer.track.unfulfilledSend')}
              value={reason}
              setValue={setReason}
              error={err.reason}
              busy={busy}
              onCancel={() => setOpen('')}
              onSubmit={() => void withReason('report_unfulfilled')}
            />
          )}
        </section>
      )}
    </>
  );
}
