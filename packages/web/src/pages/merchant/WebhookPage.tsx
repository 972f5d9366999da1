// One webhook endpoint: why it is off (and switching it on again), a test event, its address
// and events, a new secret, deleting it, and the delivery log with every attempt's answer and
// a button to send a delivery again. The log refreshes itself while a delivery is due soon.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate } from '../../router.tsx';
import { ConfirmGroup, Field, PageHeading, errorText, focusFirstInvalid, useApi } from './shared.tsx';
import { type Endpoint, type EndpointList, EventChoices, SecretOnce, eventLabel, urlError } from './webhookParts.tsx';

interface Attempt {
  attempt: number;
  at: string;
  /** interrupted: Nalish stopped (a crash) before the answer was recorded; sending: going out now. */
  outcome?: 'sending' | 'answered' | 'no_answer' | 'interrupted';
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

interface Delivery {
  id: string;
  eventId: string;
  type: string;
  status: 'pending' | 'delivered' | 'failed';
  complaintTrackingCode: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  event: unknown;
  attempts: Attempt[];
}

const POLL_MS = 2000;
/** The log polls while a waiting delivery is due within this long. */
const POLL_WINDOW_MS = 60_000;

export function WebhookPage({ id }: { id: string }) {
  const { t, dateTime, number } = useI18n();
  const call = useApi();
  const [endpoint, setEndpoint] = useState<Endpoint | null | undefined>(undefined);
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [announce, setAnnounce] = useState('');
  const [actionError, setActionError] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [form, setForm] = useState<{ url: string; events: string[] }>({ url: '', events: [] });
  const [formErrors, setFormErrors] = useState<{ url?: string; events?: string }>({});
  const [confirm, setConfirm] = useState<'rotate' | 'delete' | null>(null);
  const [keepOld, setKeepOld] = useState(false);
  const [log, setLog] = useState<{ items: Delivery[]; nextCursor: string | null } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const base = `/api/v1/merchant/webhooks/${id}`;

  const show = (ep: Endpoint) => {
    setEndpoint(ep);
    setForm({ url: ep.url, events: ep.events });
  };

  const loadEndpoint = async () => {
    setError(null);
    try {
      const list = await call<EndpointList>('GET', '/api/v1/merchant/webhooks');
      setEventTypes(list.eventTypes);
      const ep = list.items.find((e) => e.id === id);
      if (ep) show(ep);
      else setEndpoint(null);
    } catch (e) {
      setError(e);
    }
  };

  /** The newest page; older pages already loaded stay below it. */
  const refreshLog = useCallback(async () => {
    try {
      const page = await call<{ items: Delivery[]; nextCursor: string | null }>('GET', `${base}/deliveries?limit=20`);
      setLog((old) => {
        if (!old || page.items.length === 0) return page;
        const oldest = Number(page.items.at(-1)!.id);
        const older = old.items.filter((d) => Number(d.id) < oldest);
        return { items: [...page.items, ...older], nextCursor: older.length > 0 ? old.nextCursor : page.nextCursor };
      });
    } catch (e) {
      setError(e);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base]);

  useEffect(() => {
    void loadEndpoint();
    void refreshLog();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const dueSoon = !!log?.items.some((d) => d.status === 'pending' && Date.parse(d.nextAttemptAt ?? '') < Date.now() + POLL_WINDOW_MS);
  useEffect(() => {
    if (!dueSoon) return;
    const timer = setInterval(() => void refreshLog(), POLL_MS);
    return () => clearInterval(timer);
  }, [dueSoon, refreshLog]);
  useEffect(() => {
    if (confirm) confirmRef.current?.focus();
  }, [confirm]);

  const act = async (fn: () => Promise<void>) => {
    setActionError('');
    setAnnounce('');
    try {
      await fn();
    } catch (e) {
      setActionError(errorText(t, e));
    }
  };

  const setEnabled = (enabled: boolean) =>
    act(async () => {
      show(enabled ? await call<Endpoint>('POST', `${base}/enable`) : await call<Endpoint>('PATCH', base, { body: { enabled: false } }));
      setAnnounce(t(enabled ? 'merchant.webhooks.enabled' : 'merchant.webhooks.disabled'));
      await refreshLog();
    });

  const ping = () =>
    act(async () => {
      await call('POST', `${base}/ping`);
      setAnnounce(t('merchant.webhooks.pinged'));
      await refreshLog();
    });

  const redeliver = (d: Delivery) =>
    act(async () => {
      await call('POST', `${base}/deliveries/${d.id}/redeliver`);
      setAnnounce(t('merchant.webhooks.redelivered', { id: d.eventId }));
      await refreshLog();
    });

  const rotate = () =>
    act(async () => {
      const r = await call<{ endpoint: Endpoint; secret: string }>('POST', `${base}/rotate-secret`, { body: { keepPreviousHours: keepOld ? 24 : 0 } });
      setConfirm(null);
      show(r.endpoint);
      setSecret(r.secret);
    });

  const remove = () =>
    act(async () => {
      await call('DELETE', base);
      navigate('/merchant/webhooks');
    });

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setAnnounce('');
    const local: typeof formErrors = {};
    if (!/^https?:\/\/\S+$/i.test(form.url.trim())) local.url = t('merchant.webhooks.err.url');
    if (form.events.length === 0) local.events = t('merchant.webhooks.err.events');
    setFormErrors(local);
    if (local.url) return focusFirstInvalid(formRef.current);
    if (local.events) return formRef.current?.querySelector<HTMLInputElement>('fieldset input')?.focus();
    try {
      show(await call<Endpoint>('PATCH', base, { body: { url: form.url.trim(), events: form.events } }));
      setAnnounce(t('merchant.webhooks.saved'));
    } catch (err) {
      const u = urlError(t, err);
      if (u) {
        setFormErrors({ url: u });
        focusFirstInvalid(formRef.current);
      } else setActionError(errorText(t, err));
    }
  };

  const more = async () => {
    if (!log?.nextCursor) return;
    try {
      const page = await call<{ items: Delivery[]; nextCursor: string | null }>('GET', `${base}/deliveries?limit=20&cursor=${encodeURIComponent(log.nextCursor)}`);
      setLog({ items: [...log.items, ...page.items], nextCursor: page.nextCursor });
    } catch (e) {
      setActionError(errorText(t, e));
    }
  };

  if (error !== null) {
    return (
      <div role="alert" className="notice">
        <p>{errorText(t, error)}</p>
        <button type="button" onClick={() => void loadEndpoint().then(refreshLog)}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (endpoint === undefined) return <p role="status">{t('common.loading')}</p>;
  if (endpoint === null) {
    return (
      <p>
        {t('common.notFound')} <Link to="/merchant/webhooks">{t('merchant.webhooks.back')}</Link>
      </p>
    );
  }

  const attemptText = (a: Attempt) =>
    a.outcome === 'interrupted'
      ? t('merchant.webhooks.attempt.interrupted', { n: a.attempt, when: dateTime(a.at) })
      : a.outcome === 'sending'
        ? t('merchant.webhooks.attempt.sending', { n: a.attempt, when: dateTime(a.at) })
        : a.responseStatus !== null
          ? t('merchant.webhooks.attempt.status', { n: a.attempt, when: dateTime(a.at), status: a.responseStatus, ms: a.durationMs })
          : t('merchant.webhooks.attempt.error', { n: a.attempt, when: dateTime(a.at), error: a.error ?? '', ms: a.durationMs });
  const deliveryStatus = (d: Delivery) =>
    d.status === 'delivered'
      ? t('merchant.webhooks.delivery.delivered', { when: dateTime(d.deliveredAt!) })
      : d.status === 'pending'
        ? t('merchant.webhooks.delivery.pending', { when: dateTime(d.nextAttemptAt!) })
        : t('merchant.webhooks.delivery.failed');

  return (
    <div className="stack">
      <p>
        <Link to="/merchant/webhooks">{t('merchant.webhooks.back')}</Link>
      </p>
      <PageHeading>{t('merchant.webhooks.endpoint.title')}</PageHeading>
      <p className="m-text">
        <strong>{endpoint.url}</strong>
      </p>
      {!endpoint.enabled && (
        <div className="notice" role="status">
          <p>
            {endpoint.disabledReason === 'failing'
              ? t('merchant.webhooks.disabledFailing', { when: dateTime(endpoint.disabledAt!), since: endpoint.failingSince ? dateTime(endpoint.failingSince) : '—' })
              : t('merchant.webhooks.disabledByYou')}
          </p>
          <button type="button" className="primary" onClick={() => void setEnabled(true)}>
            {t('merchant.webhooks.enable')}
          </button>
        </div>
      )}
      {secret && <SecretOnce id="m-w-rotated" message={t('merchant.webhooks.rotatedOnce')} secret={secret} />}
      <p aria-live="polite" className="muted">
        {announce}
      </p>
      {actionError && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}
      {endpoint.enabled && (
        <div className="m-actions">
          <button type="button" onClick={() => void ping()}>
            {t('merchant.webhooks.ping')}
          </button>
          <button type="button" onClick={() => void setEnabled(false)}>
            {t('merchant.webhooks.disable')}
          </button>
        </div>
      )}

      <section className="stack" aria-labelledby="m-w-log-h">
        <h2 id="m-w-log-h">{t('merchant.webhooks.log')}</h2>
        <p className="muted">{t('merchant.webhooks.logLead')}</p>
        <div>
          <button type="button" onClick={() => void refreshLog()}>
            {t('merchant.webhooks.refresh')}
          </button>
        </div>
        {log === null && <p role="status">{t('common.loading')}</p>}
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
                  <pre className="m-secret m-text">{JSON.stringify(d.event, null, 2)}</pre>
                </details>
                {endpoint.enabled && (
                  <div className="m-actions">
                    <button type="button" onClick={() => void redeliver(d)}>
                      {t('merchant.webhooks.redeliver', { id: d.eventId })}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {log?.nextCursor && (
          <button type="button" onClick={() => void more()}>
            {t('merchant.webhooks.more')}
          </button>
        )}
      </section>

      <form className="card" ref={formRef} onSubmit={(e) => void save(e)} noValidate aria-labelledby="m-w-set-h">
        <h2 id="m-w-set-h">{t('merchant.webhooks.settings')}</h2>
        <Field id="m-w-edit-url" label={t('merchant.webhooks.url')} hint={t('merchant.webhooks.urlHint')} error={formErrors.url}>
          {(a) => <input {...a} type="url" inputMode="url" autoComplete="off" maxLength={2048} value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />}
        </Field>
        <EventChoices
          idPrefix="m-w-edit-ev"
          types={eventTypes}
          chosen={form.events}
          onChange={(events) => setForm({ ...form, events })}
          {...(formErrors.events ? { error: formErrors.events } : {})}
        />
        <button type="submit" className="primary">
          {t('merchant.webhooks.save')}
        </button>
      </form>

      <div className="card stack">
        <p>
          {t('merchant.webhooks.secretStarts')} <code>{endpoint.secretHint}</code>
        </p>
        <div className="m-check">
          <input id="m-w-keep" type="checkbox" checked={keepOld} onChange={(e) => setKeepOld(e.target.checked)} />
          <label htmlFor="m-w-keep">{t('merchant.webhooks.rotateKeep')}</label>
        </div>
        {confirm !== 'rotate' ? (
          <div>
            <button type="button" onClick={() => setConfirm('rotate')}>
              {t('merchant.webhooks.rotate')}
            </button>
          </div>
        ) : (
          <ConfirmGroup
            id="m-w-rotate-q"
            question={t('merchant.webhooks.rotateConfirm')}
            yes={t('merchant.webhooks.rotateYes')}
            yesRef={confirmRef}
            onYes={() => void rotate()}
            onCancel={() => setConfirm(null)}
          />
        )}
        <p className="muted">
          {t('merchant.webhooks.failures')}: {number(endpoint.consecutiveFailures)}
        </p>
      </div>

      {confirm !== 'delete' ? (
        <div>
          <button type="button" onClick={() => setConfirm('delete')}>
            {t('merchant.webhooks.delete')}
          </button>
        </div>
      ) : (
        <ConfirmGroup
          id="m-w-delete-q"
          question={t('merchant.webhooks.deleteConfirm')}
          yes={t('merchant.webhooks.deleteYes')}
          yesRef={confirmRef}
          onYes={() => void remove()}
          onCancel={() => setConfirm(null)}
        />
      )}
    </div>
  );
}
