// One webhook endpoint: why it is off (and switching it on again), a test event, its address
// and events, a new secret, deleting it, and the delivery log with every attempt's answer and
// a button to send a delivery again.
import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointCreated, WebhookEndpointList } from '@nalish/domain/responses';
import { useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate } from '../../router.tsx';
import { ConfirmGroup } from '../../ui/ConfirmGroup.tsx';
import { type Errors, errorText } from '../../ui/errors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { PageHeading, useFocusFirstError } from '../../ui/focus.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { SecretOnce } from '../../ui/SecretOnce.tsx';
import { useResource } from '../../ui/useResource.ts';
import { DeliveryLog, useDeliveryLog } from './DeliveryLog.tsx';
import { EventChoices, urlError } from './webhookParts.tsx';

export function WebhookPage({ id }: { id: string }) {
  const { t, dateTime, number } = useI18n();
  const base = `/api/v1/merchant/webhooks/${id}`;
  const [form, setForm] = useState<{ url: string; events: string[] }>({ url: '', events: [] });
  const endpoints = useResource(async () => {
    const list = await api<WebhookEndpointList>('GET', '/api/v1/merchant/webhooks');
    const ep = list.items.find((e) => e.id === id) ?? null;
    if (ep) setForm({ url: ep.url, events: ep.events });
    return { endpoint: ep, eventTypes: list.eventTypes };
  }, [id]);
  const endpoint = endpoints.data?.endpoint;
  const [logError, setLogError] = useState<unknown>(null);
  const { log, refresh: refreshLog, more } = useDeliveryLog(base, setLogError);
  const [announce, setAnnounce] = useState('');
  const [actionError, setActionError] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [formErrors, setFormErrors] = useState<Errors>({});
  const [confirm, setConfirm] = useState<'rotate' | 'delete' | null>(null);
  const [keepOld, setKeepOld] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formErrors, formRef);

  const show = (ep: WebhookEndpoint) => {
    endpoints.set({ endpoint: ep, eventTypes: endpoints.data?.eventTypes ?? [] });
    setForm({ url: ep.url, events: ep.events });
  };

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
      show(enabled ? await api<WebhookEndpoint>('POST', `${base}/enable`) : await api<WebhookEndpoint>('PATCH', base, { body: { enabled: false } }));
      setAnnounce(t(enabled ? 'merchant.webhooks.enabled' : 'merchant.webhooks.disabled'));
      await refreshLog();
    });

  const ping = () =>
    act(async () => {
      await api('POST', `${base}/ping`);
      setAnnounce(t('merchant.webhooks.pinged'));
      await refreshLog();
    });

  const redeliver = (d: WebhookDelivery) =>
    act(async () => {
      await api('POST', `${base}/deliveries/${d.id}/redeliver`);
      setAnnounce(t('merchant.webhooks.redelivered', { id: d.eventId }));
      await refreshLog();
    });

  const rotate = () =>
    act(async () => {
      const r = await api<WebhookEndpointCreated>('POST', `${base}/rotate-secret`, { body: { keepPreviousHours: keepOld ? 24 : 0 } });
      setConfirm(null);
      show(r.endpoint);
      setSecret(r.secret);
    });

  const remove = () =>
    act(async () => {
      await api('DELETE', base);
      navigate('/merchant/webhooks');
    });

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setAnnounce('');
    const local: Errors = {};
    if (!/^https?:\/\/\S+$/i.test(form.url.trim())) local.url = t('merchant.webhooks.err.url');
    if (form.events.length === 0) local.events = t('merchant.webhooks.err.events');
    setFormErrors(local);
    if (Object.keys(local).length) return;
    try {
      show(await api<WebhookEndpoint>('PATCH', base, { body: { url: form.url.trim(), events: form.events } }));
      setAnnounce(t('merchant.webhooks.saved'));
    } catch (err) {
      const u = urlError(t, err);
      if (u) setFormErrors({ url: u });
      else setActionError(errorText(t, err));
    }
  };

  const error = endpoints.error ?? logError;
  if (error !== null) {
    return (
      <LoadError
        error={error}
        onRetry={() => {
          setLogError(null);
          void endpoints.reload().then(refreshLog);
        }}
      />
    );
  }
  if (endpoint === undefined) return <Loading />;
  if (endpoint === null) {
    return (
      <p>
        {t('common.notFound')} <Link to="/merchant/webhooks">{t('merchant.webhooks.back')}</Link>
      </p>
    );
  }

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
      {secret && (
        <SecretOnce id="m-w-rotated" label={t('merchant.webhooks.secret')} copyLabel={t('merchant.webhooks.copySecret')} secret={secret}>
          <p>{t('merchant.webhooks.rotatedOnce')}</p>
        </SecretOnce>
      )}
      <p aria-live="polite" className="muted">
        {announce}
      </p>
      <FormError text={actionError} />
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

      <DeliveryLog log={log} canRedeliver={endpoint.enabled} onRedeliver={(d) => void redeliver(d)} onRefresh={() => void refreshLog()} onMore={() => void act(more)} />

      <form className="card" ref={formRef} onSubmit={(e) => void save(e)} noValidate aria-labelledby="m-w-set-h">
        <h2 id="m-w-set-h">{t('merchant.webhooks.settings')}</h2>
        <Field id="m-w-edit-url" label={t('merchant.webhooks.url')} hint={t('merchant.webhooks.urlHint')} error={formErrors.url}>
          {(a) => <input {...a} type="url" inputMode="url" autoComplete="off" maxLength={2048} value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />}
        </Field>
        <EventChoices
          idPrefix="m-w-edit-ev"
          types={endpoints.data?.eventTypes ?? []}
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
          <ConfirmGroup id="m-w-rotate-q" question={t('merchant.webhooks.rotateConfirm')} yes={t('merchant.webhooks.rotateYes')} onYes={() => void rotate()} onCancel={() => setConfirm(null)} />
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
        <ConfirmGroup id="m-w-delete-q" question={t('merchant.webhooks.deleteConfirm')} yes={t('merchant.webhooks.deleteYes')} onYes={() => void remove()} onCancel={() => setConfirm(null)} />
      )}
    </div>
  );
}
