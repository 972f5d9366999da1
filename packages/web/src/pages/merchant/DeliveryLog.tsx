// An endpoint's delivery log: every delivery with each attempt's answer, newest first, a way
// to send one again, and older pages on request. While a delivery is due soon the log
// refreshes itself, keeping the older pages already loaded below the newest one.
import type { WebhookAttempt, WebhookDelivery, WebhookDeliveryPage } from '@nalish/domain/responses';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { eventLabel } from './webhookParts.tsx';

const POLL_MS = 2000;
/** The log polls while a waiting delivery is due within this long. */
const POLL_WINDOW_MS = 60_000;

/** The log of the endpoint at `base` (its API path); a refresh that fails calls `onError`. */
export function useDeliveryLog(base: string, onError: (e: unknown) => void) {
  const [log, setLog] = useState<WebhookDeliveryPage | null>(null);

  /** The newest page; older pages already loaded stay below it. */
  const refresh = useCallback(async () => {
    try {
      const page = await api<WebhookDeliveryPage>('GET', `${base}/deliveries?limit=20`);
      setLog((old) => {
        if (!old || page.items.length === 0) return page;
        const oldest = Number(page.items.at(-1)!.id);
        const older = old.items.filter((d) => Number(d.id) < oldest);
        return { items: [...page.items, ...older], nextCursor: older.length > 0 ? old.nextCursor : page.nextCursor };
      });
    } catch (e) {
      onError(e);
    }
  }, [base, onError]);

  /** The next older page (its error is the caller's to show). */
  const more = async () => {
    if (!log?.nextCursor) return;
    const page = await api<WebhookDeliveryPage>('GET', `${base}/deliveries?limit=20&cursor=${encodeURIComponent(log.nextCursor)}`);
    setLog({ items: [...log.items, ...page.items], nextCursor: page.nextCursor });
  };

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const dueSoon = !!log?.items.some((d) => d.status === 'pending' && Date.parse(d.nextAttemptAt ?? '') < Date.now() + POLL_WINDOW_MS);
  useEffect(() => {
    if (!dueSoon) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [dueSoon, refresh]);

  return { log, refresh, more };
}

export function DeliveryLog(props: { log: WebhookDeliveryPage | null; canRedeliver: boolean; onRedeliver: (d: WebhookDelivery) => void; onRefresh: () => void; onMore: () => void }) {
  const { t, dateTime } = useI18n();
  const { log } = props;
  const attemptText = (a: WebhookAttempt) =>
    a.outcome === 'interrupted'
      ? t('merchant.webhooks.attempt.interrupted', { n: a.attempt, when: dateTime(a.at) })
      : a.outcome === 'sending'
        ? t('merchant.webhooks.attempt.sending', { n: a.attempt, when: dateTime(a.at) })
        : a.responseStatus !== null
          ? t('merchant.webhooks.attempt.status', { n: a.attempt, when: dateTime(a.at), status: a.responseStatus, ms: a.durationMs })
          : t('merchant.webhooks.attempt.error', { n: a.attempt, when: dateTime(a.at), error: a.error ?? '', ms: a.durationMs });
  const deliveryStatus = (d: WebhookDelivery) =>
    d.status === 'delivered'
      ? t('merchant.webhooks.delivery.delivered', { when: dateTime(d.deliveredAt!) })
      : d.status === 'pending'
        ? t('merchant.webhooks.delivery.pending', { when: dateTime(d.nextAttemptAt!) })
        : t('merchant.webhooks.delivery.failed');
  return (
    <section className="stack" aria-labelledby="m-w-log-h">
      <h2 id="m-w-log-h">{t('merchant.webhooks.log')}</h2>
      <p className="muted">{t('merchant.webhooks.logLead')}</p>
      <div>
        <button type="button" onClick={props.onRefresh}>
          {t('merchant.webhooks.refresh')}
        </button>
      </div>
      {log === null && <Loading />}
      {log && log.items.length === 0 && <p>{t('merchant.webhooks.logEmpty')}</p>}
      {log && log.items.length > 0 && (
        <ul className="m-list" aria-label={t('merchant.webhooks.log')}>
          {log.items.map((d) => (
            <li key={d.id} className={d.status === 'failed' ? 'card m-item-overdue' : 'card'}>
              <h3 className="m-item-title">{t(eventLabel(d.type))}</h3>
              <p className="m-state">{deliveryStatus(d)}</p>
              <dl className="m-facts">
                <div>
                  <dt>{t('merchant.webhooks.eventId')}</dt>
                  <dd>
                    <code>{d.eventId}</code>
                  </dd>
                </div>
                {d.complaintTrackingCode && (
                  <div>
                    <dt>{t('merchant.webhooks.complaint')}</dt>
                    <dd>
                      <Link to={`/merchant/c/${d.complaintTrackingCode}`}>{d.complaintTrackingCode}</Link>
                    </dd>
                  </div>
                )}
                <div className="m-wide">
                  <dt>{t('merchant.webhooks.attempts')}</dt>
                  <dd>
                    {d.attempts.length === 0 ? (
                      t('merchant.webhooks.noAttempts')
                    ) : (
                      <ul className="m-attempts">
                        {d.attempts.map((a) => (
                          <li key={a.attempt} className="m-text">
                            {attemptText(a)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </div>
              </dl>
              <details>
                <summary>{t('merchant.webhooks.body')}</summary>
                <pre className="secret m-text">{JSON.stringify(d.event, null, 2)}</pre>
              </details>
              {props.canRedeliver && (
                <div className="m-actions">
                  <button type="button" onClick={() => props.onRedeliver(d)}>
                    {t('merchant.webhooks.redeliver', { id: d.eventId })}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {log?.nextCursor && (
        <button type="button" onClick={props.onMore}>
          {t('merchant.webhooks.more')}
        </button>
      )}
    </section>
  );
}
