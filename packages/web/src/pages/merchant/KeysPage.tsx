// API keys for the merchant's own systems: list with what each key may do, create with its
// scopes (the key is shown once, with a copy button), revoke after a confirmation. Everyone
// on the team sees the keys; only owners create and revoke them.
import { useEffect, useRef, useState } from 'react';
import { API_KEY_SCOPES, type ApiKeyScope } from '@nalish/domain';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConfirmGroup, Field, PageHeading, copyText, errorText, fieldErrors, focusFirstInvalid, useApi, useStaff } from './shared.tsx';

const SCOPE_TEXT = {
  'complaints:read': 'merchant.keys.scope.read',
  'complaints:respond': 'merchant.keys.scope.respond',
  'webhooks:manage': 'merchant.keys.scope.webhooks',
} as const satisfies Record<ApiKeyScope, string>;

interface Key {
  id: string;
  prefix: string;
  label: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export function KeysPage() {
  const { t, dateTime } = useI18n();
  const call = useApi();
  const owner = useStaff().staffRole === 'owner';
  const [items, setItems] = useState<Key[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState('');
  // Reading is the usual start; answering and webhooks are chosen on purpose.
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['complaints:read']);
  const [scopesError, setScopesError] = useState('');
  const [formError, setFormError] = useState('');
  const [created, setCreated] = useState<{ key: string; label: string } | null>(null);
  const [copied, setCopied] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [rowError, setRowError] = useState('');
  const [announce, setAnnounce] = useState('');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const createdRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = async () => {
    setError(null);
    try {
      setItems((await call<{ items: Key[] }>('GET', '/api/v1/merchant/api-keys')).items);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError('');
    setCopied('');
    const noLabel = !label.trim();
    setLabelError(noLabel ? t('merchant.keys.err.label') : '');
    setScopesError(scopes.length === 0 ? t('merchant.keys.err.scopes') : '');
    if (noLabel || scopes.length === 0) return focusFirstInvalid(formRef.current);
    setBusy(true);
    try {
      const chosen = API_KEY_SCOPES.filter((x) => scopes.includes(x));
      const r = await call<{ id: string; key: string }>('POST', '/api/v1/merchant/api-keys', { body: { label: label.trim(), scopes: chosen } });
      setCreated({ key: r.key, label: label.trim() });
      setLabel('');
      setScopes(['complaints:read']);
      await load();
    } catch (err) {
      const fields = fieldErrors(t, err, { label: 'merchant.keys.err.label', scopes: 'merchant.keys.err.scopes' });
      if (fields.label || fields.scopes) {
        setLabelError(fields.label ?? '');
        setScopesError(fields.scopes ?? '');
        focusFirstInvalid(formRef.current);
      } else setFormError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (k: Key) => {
    setRowError('');
    try {
      await call('DELETE', `/api/v1/merchant/api-keys/${k.id}`);
      setConfirming(null);
      setAnnounce(t('merchant.keys.revoked', { label: k.label }));
      await load();
      headingRef.current?.focus();
    } catch (err) {
      setRowError(errorText(t, err));
    }
  };

  return (
    <div className="stack">
      <PageHeading>{t('merchant.keys.title')}</PageHeading>
      <p>{t('merchant.keys.lead')}</p>
      {owner ? (
        <form className="card" ref={formRef} onSubmit={(e) => void create(e)} noValidate aria-labelledby="m-k-new-h">
          <h2 id="m-k-new-h">{t('merchant.keys.new')}</h2>
          <Field id="m-k-label" label={t('merchant.keys.label')} hint={t('merchant.keys.labelHint')} error={labelError}>
            {(a) => <input {...a} autoComplete="off" maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />}
          </Field>
          <fieldset className="m-scopes" aria-describedby={`m-k-scopes-hint${scopesError ? ' m-k-scopes-error' : ''}`}>
            <legend>{t('merchant.keys.scopes')}</legend>
            <p className="muted m-hint" id="m-k-scopes-hint">
              {t('merchant.keys.scopesHint')}
            </p>
            {API_KEY_SCOPES.map((scope, i) => (
              <label key={scope} className="choice">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  checked={scopes.includes(scope)}
                  aria-invalid={scopesError && i === 0 ? true : undefined}
                  onChange={(e) => setScopes((now) => (e.target.checked ? [...now, scope] : now.filter((x) => x !== scope)))}
                />
                <span>
                  {t(SCOPE_TEXT[scope])} <code className="muted">{scope}</code>
                </span>
              </label>
            ))}
            {scopesError && (
              <p className="error" id="m-k-scopes-error">
                {scopesError}
              </p>
            )}
          </fieldset>
          {formError && (
            <p className="error" role="alert">
              {formError}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('merchant.keys.create')}
          </button>
        </form>
      ) : (
        <p className="notice">{t('merchant.keys.ownerOnly')}</p>
      )}
      {created && (
        <div className="notice" role="status" tabIndex={-1} ref={createdRef}>
          <p>{t('merchant.keys.createdOnce', { label: created.label })}</p>
          <Field id="m-k-secret" label={t('merchant.keys.theKey')}>
            {(a) => <input {...a} className="m-secret" readOnly value={created.key} onFocus={(e) => e.currentTarget.select()} />}
          </Field>
          <button type="button" onClick={() => void copyText(created.key).then((ok) => setCopied(ok ? t('merchant.copy.done') : t('merchant.copy.failed')))}>
            {t('merchant.keys.copy')}
          </button>
          <p aria-live="polite">{copied}</p>
        </div>
      )}
      <h2 ref={headingRef} tabIndex={-1}>
        {t('merchant.keys.list')}
      </h2>
      <p aria-live="polite" className="muted">
        {announce}
      </p>
      {error !== null && (
        <div role="alert" className="notice">
          <p>{errorText(t, error)}</p>
          <button type="button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {items === null && error === null && <p role="status">{t('common.loading')}</p>}
      {items && items.length === 0 && <p>{t('merchant.keys.none')}</p>}
      {items && items.length > 0 && (
        <ul className="m-list">
          {items.map((k) => (
            <li key={k.id} className="card">
              <h3 className="m-item-title">{k.label}</h3>
              <dl className="m-facts">
                <div>
                  <dt>{t('merchant.keys.prefix')}</dt>
                  <dd>
                    <code>{k.prefix}…</code>
                  </dd>
                </div>
                <div className="m-wide">
                  <dt>{t('merchant.keys.allowed')}</dt>
                  <dd>
                    <ul className="m-scope-list">
                      {API_KEY_SCOPES.filter((x) => k.scopes.includes(x)).map((x) => (
                        <li key={x}>
                          {t(SCOPE_TEXT[x])} <code className="muted">{x}</code>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
                <div>
                  <dt>{t('merchant.keys.created')}</dt>
                  <dd>{dateTime(k.createdAt)}</dd>
                </div>
                <div>
                  <dt>{t('merchant.keys.lastUsed')}</dt>
                  <dd>{k.lastUsedAt ? dateTime(k.lastUsedAt) : t('merchant.keys.never')}</dd>
                </div>
                <div>
                  <dt>{t('merchant.keys.status')}</dt>
                  <dd>{k.revokedAt ? t('merchant.keys.revokedOn', { when: dateTime(k.revokedAt) }) : t('merchant.keys.active')}</dd>
                </div>
              </dl>
              {owner && !k.revokedAt && confirming !== k.id && (
                <button type="button" onClick={() => setConfirming(k.id)}>
                  {t('merchant.keys.revoke', { label: k.label })}
                </button>
              )}
              {confirming === k.id && (
                <ConfirmGroup
                  id={`m-k-confirm-${k.id}`}
                  question={t('merchant.keys.confirm', { label: k.label })}
                  yes={t('merchant.keys.confirmYes')}
                  yesRef={confirmRef}
                  onYes={() => void revoke(k)}
                  onCancel={() => setConfirming(null)}
                >
                  {rowError && (
                    <p className="error" role="alert">
                      {rowError}
                    </p>
                  )}
                </ConfirmGroup>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
