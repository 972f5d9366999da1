// Webhook endpoints: add one (address and events; the signing secret is shown once), and the
// list with each endpoint's state, leading to its delivery log and settings.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { Field, PageHeading, errorText, focusFirstInvalid, useApi } from './shared.tsx';
import { type Endpoint, type EndpointList, EventChoices, SecretOnce, eventLabel, urlError } from './webhookParts.tsx';

export function WebhooksPage() {
  const { t, dateTime, number } = useI18n();
  const call = useApi();
  const [list, setList] = useState<EndpointList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [url, setUrl] = useState('');
  // null until the merchant changes the choice: every event is chosen at first.
  const [picked, setPicked] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<{ url?: string; events?: string }>({});
  const [formError, setFormError] = useState('');
  const [created, setCreated] = useState<{ endpoint: Endpoint; secret: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const load = async () => {
    setError(null);
    try {
      setList(await call<EndpointList>('GET', '/api/v1/merchant/webhooks'));
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const events = picked ?? list?.eventTypes ?? [];

  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError('');
    const local: typeof errors = {};
    if (!/^https?:\/\/\S+$/i.test(url.trim())) local.url = t('merchant.webhooks.err.url');
    if (events.length === 0) local.events = t('merchant.webhooks.err.events');
    setErrors(local);
    if (local.url) return focusFirstInvalid(formRef.current);
    if (local.events) return formRef.current?.querySelector<HTMLInputElement>('fieldset input')?.focus();
    setBusy(true);
    try {
      setCreated(await call<{ endpoint: Endpoint; secret: string }>('POST', '/api/v1/merchant/webhooks', { body: { url: url.trim(), events } }));
      setUrl('');
      await load();
    } catch (err) {
      const u = urlError(t, err);
      if (u) {
        setErrors({ url: u });
        focusFirstInvalid(formRef.current);
      } else setFormError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const status = (ep: Endpoint) => {
    if (ep.enabled) return t('merchant.webhooks.on');
    const when = dateTime(ep.disabledAt!);
    return ep.disabledReason === 'failing' ? t('merchant.webhooks.offFailing', { when }) : t('merchant.webhooks.offByYou', { when });
  };

  return (
    <div className="stack">
      <PageHeading>{t('merchant.webhooks.title')}</PageHeading>
      <p>{t('merchant.webhooks.lead')}</p>
      {error !== null && (
        <div role="alert" className="notice">
          <p>{errorText(t, error)}</p>
          <button type="button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {list === null && error === null && <p role="status">{t('common.loading')}</p>}
      {list && (
        <form className="card" ref={formRef} onSubmit={(e) => void add(e)} noValidate aria-labelledby="m-w-new-h">
          <h2 id="m-w-new-h">{t('merchant.webhooks.new')}</h2>
          <Field id="m-w-url" label={t('merchant.webhooks.url')} hint={t('merchant.webhooks.urlHint')} error={errors.url}>
            {(a) => <input {...a} type="url" inputMode="url" autoComplete="off" maxLength={2048} value={url} onChange={(e) => setUrl(e.target.value)} />}
          </Field>
          <EventChoices idPrefix="m-w-ev" types={list.eventTypes} chosen={events} onChange={setPicked} {...(errors.events ? { error: errors.events } : {})} />
          {formError && (
            <p className="error" role="alert">
              {formError}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('merchant.webhooks.add')}
          </button>
        </form>
      )}
      {created && (
        <div className="stack">
          <SecretOnce id="m-w-secret" message={t('merchant.webhooks.createdOnce')} secret={created.secret} />
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
