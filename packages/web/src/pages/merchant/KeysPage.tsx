// API keys for the merchant's own systems: list with what each key may do, create with its
// scopes (the key is shown once, with a copy button), revoke after a confirmation. Everyone
// on the team sees the keys; only owners create and revoke them.
import { useRef, useState } from 'react';
import { API_KEY_SCOPES, type ApiKeyScope } from '@nalish/domain';
import type { ApiKeyList, ApiKeyView as Key, CreatedApiKey } from '@nalish/domain/responses';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConfirmGroup } from '../../ui/ConfirmGroup.tsx';
import { type Errors, apiProblems, byField, errorText } from '../../ui/errors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { PageHeading, useFocusFirstError } from '../../ui/focus.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { SecretOnce } from '../../ui/SecretOnce.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useStaff } from './staff.ts';

const SCOPE_TEXT = {
  'complaints:read': 'merchant.keys.scope.read',
  'complaints:respond': 'merchant.keys.scope.respond',
  'webhooks:manage': 'merchant.keys.scope.webhooks',
} as const satisfies Record<ApiKeyScope, string>;

export function KeysPage() {
  const { t, dateTime } = useI18n();
  const owner = useStaff().staffRole === 'owner';
  const keys = useResource(async () => (await api<ApiKeyList>('GET', '/api/v1/merchant/api-keys')).items, []);
  const items = keys.data;
  const [label, setLabel] = useState('');
  // Reading is the usual start; answering and webhooks are chosen on purpose.
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['complaints:read']);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [created, setCreated] = useState<{ key: string; label: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [rowError, setRowError] = useState('');
  const [announce, setAnnounce] = useState('');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusFirstError(errors, formRef);

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError('');
    const noLabel = !label.trim();
    const local: Errors = {};
    if (noLabel) local.label = t('merchant.keys.err.label');
    if (scopes.length === 0) local.scopes = t('merchant.keys.err.scopes');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const chosen = API_KEY_SCOPES.filter((x) => scopes.includes(x));
      const r = await api<CreatedApiKey>('POST', '/api/v1/merchant/api-keys', { body: { label: label.trim(), scopes: chosen } });
      setCreated({ key: r.key, label: label.trim() });
      setLabel('');
      setScopes(['complaints:read']);
      await keys.reload();
    } catch (err) {
      const fields = byField(apiProblems(err), ['label', 'scopes'], (f) => t(f === 'label' ? 'merchant.keys.err.label' : 'merchant.keys.err.scopes'));
      setErrors(fields);
      if (!Object.keys(fields).length) setFormError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (k: Key) => {
    setRowError('');
    try {
      await api('DELETE', `/api/v1/merchant/api-keys/${k.id}`);
      setConfirming(null);
      setAnnounce(t('merchant.keys.revoked', { label: k.label }));
      await keys.reload();
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
          <Field id="m-k-label" label={t('merchant.keys.label')} hint={t('merchant.keys.labelHint')} error={errors.label}>
            {(a) => <input {...a} autoComplete="off" maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />}
          </Field>
          <fieldset className="m-scopes" aria-describedby={`m-k-scopes-hint${errors.scopes ? ' m-k-scopes-error' : ''}`}>
            <legend>{t('merchant.keys.scopes')}</legend>
            <p className="hint" id="m-k-scopes-hint">
              {t('merchant.keys.scopesHint')}
            </p>
            {API_KEY_SCOPES.map((scope, i) => (
              <label key={scope} className="choice">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  checked={scopes.includes(scope)}
                  aria-invalid={errors.scopes && i === 0 ? true : undefined}
                  onChange={(e) => setScopes((now) => (e.target.checked ? [...now, scope] : now.filter((x) => x !== scope)))}
                />
                <span>
                  {t(SCOPE_TEXT[scope])} <code className="muted">{scope}</code>
                </span>
              </label>
            ))}
            {errors.scopes && (
              <p className="error" id="m-k-scopes-error">
                {errors.scopes}
              </p>
            )}
          </fieldset>
          <FormError text={formError} />
          <button type="submit" className="primary" disabled={busy}>
            {t('merchant.keys.create')}
          </button>
        </form>
      ) : (
        <p className="notice">{t('merchant.keys.ownerOnly')}</p>
      )}
      {created && (
        <SecretOnce id="m-k-secret" label={t('merchant.keys.theKey')} copyLabel={t('merchant.keys.copy')} secret={created.key}>
          <p>{t('merchant.keys.createdOnce', { label: created.label })}</p>
        </SecretOnce>
      )}
      <h2 ref={headingRef} tabIndex={-1}>
        {t('merchant.keys.list')}
      </h2>
      <p aria-live="polite" className="muted">
        {announce}
      </p>
      {keys.error !== null && <LoadError error={keys.error} onRetry={() => void keys.reload()} />}
      {!items && keys.error === null && <Loading />}
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
