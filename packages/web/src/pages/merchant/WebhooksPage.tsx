// Webhook endpoints: add one (address and events; the signing secret is shown once), and the
// list with each endpoint's state, leading to its delivery log and settings.
import type { WebhookEndpoint, WebhookEndpointCreated, WebhookEndpointList } from '@nalish/domain/responses';
import { useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { type Errors, errorText } from '../../ui/errors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { PageHeading, useFocusFirstError } from '../../ui/focus.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { SecretOnce } from '../../ui/SecretOnce.tsx';
import { useResource } from '../../ui/useResource.ts';
import { EventChoices, eventLabel, urlError } from './webhookParts.tsx';

export function WebhooksPage() {
  const { t, dateTime, number } = useI18n();
  const endpoints = useResource(() => api<WebhookEndpointList>('GET', '/api/v1/merchant/webhooks'), []);
  const list = endpoints.data ?? null;
  const [url, setUrl] = useState('');
  // null until the merchant changes the choice: every event is chosen at first.
  const [picked, setPicked] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [created, setCreated] = useState<WebhookEndpointCreated | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(errors, formRef);

  const events = picked ?? list?.eventTypes ?? [];

  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError('');
    const local: Errors = {};
    if (!/^https?:\/\/\S+$/i.test(url.trim())) local.url = t('merchant.webhooks.err.url');
    if (events.length === 0) local.events = t('merchant.webhooks.err.events');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      setCreated(await api<WebhookEndpointCreated>('POST', '/api/v1/merchant/webhooks', { body: { url: url.trim(), events } }));
      setUrl('');
      await endpoints.reload();
    } catch (err) {
      const u = urlError(t, err);
      if (u) setErrors({ url: u });
      else setFormError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const status = (ep: WebhookEndpoint) => {
    if (ep.enabled) return t('merchant.webhooks.on');
    const when = dateTime(ep.disabledAt!);
    return ep.disabledReason === 'failing' ? t('merchant.webhooks.offFailing', { when }) : t('merchant.webhooks.offByYou', { when });
  };

  return (
    <div className="stack">
      <PageHeading>{t('merchant.webhooks.title')}</PageHeading>
      <p>{t('merchant.webhooks.lead')}</p>
      {endpoints.error !== null && <LoadError error={endpoints.error} onRetry={() => void endpoints.reload()} />}
      {list === null && endpoints.error === null && <Loading />}
      {list && (
        <form className="card" ref={formRef} onSubmit={(e) => void add(e)} noValidate aria-labelledby="m-w-new-h">
          <h2 id="m-w-new-h">{t('merchant.webhooks.new')}</h2>
          <Field id="m-w-url" label={t('merchant.webhooks.url')} hint={t('merchant.webhooks.urlHint')} error={errors.url}>
            {(a) => <input {...a} type="url" inputMode="url" autoComplete="off" maxLength={2048} value={url} onChange={(e) => setUrl(e.target.value)} />}
          </Field>
          <EventChoices idPrefix="m-w-ev" types={list.eventTypes} chosen={events} onChange={setPicked} {...(errors.events ? { error: errors.events } : {})} />
          <FormError text={formError} />
          <button type="submit" className="primary" disabled={busy}>
            {t('merchant.webhooks.add')}
          </button>
        </form>
      )}
      {created && (
        <div className="stack">
          <SecretOnce id="m-w-secret" label={t('merchant.webhooks.secret')} copyLabel={t('merchant.webhooks.copySecret')} secret={created.secret}>
            <p>{t('merchant.webhooks.createdOnce')}</p>
          </SecretOnce>
          <p>
            <Link className="m-text" to={`/merchant/webhooks/${created.endpoint.id}`}>{t('merchant.webhooks.open', { url: created.endpoint.url })}</Link>
          </p>
        </div>
      )}
      {list && (
        <>
          <h2>{t('merchant.webhooks.list')}</h2>
          {list.items.length === 0 && <p>{t('merchant.webhooks.none')}</p>}
          <ul className="m-list">
            {list.items.map((ep) => (
              <li key={ep.id} className={ep.enabled ? 'card' : 'card m-item-overdue'}>
                <h3 className="m-item-title m-text">{ep.url}</h3>
                <dl className="m-facts">
                  <div>
                    <dt>{t('merchant.webhooks.status')}</dt>
                    <dd>{status(ep)}</dd>
                  </div>
                  <div>
                    <dt>{t('merchant.webhooks.lastSuccess')}</dt>
                    <dd>{ep.lastSuccessAt ? dateTime(ep.lastSuccessAt) : t('merchant.webhooks.never')}</dd>
                  </div>
                  <div>
                    <dt>{t('merchant.webhooks.failures')}</dt>
                    <dd>{number(ep.consecutiveFailures)}</dd>
                  </div>
                  <div>
                    <dt>{t('merchant.webhooks.secretStarts')}</dt>
                    <dd>
                      <code>{ep.secretHint}</code>
                    </dd>
                  </div>
                  <div className="m-wide">
                    <dt>{t('merchant.webhooks.events')}</dt>
                    <dd>{ep.events.map((e) => t(eventLabel(e))).join(', ')}</dd>
                  </div>
                </dl>
                <Link className="m-text" to={`/merchant/webhooks/${ep.id}`}>{t('merchant.webhooks.open', { url: ep.url })}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
