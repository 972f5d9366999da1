// The widget, the trust badge and the signing secret for order details: the snippets to paste
// (with this merchant's id), and the secret created or replaced by an owner, shown once.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConfirmGroup, Field, PageHeading, copyText, errorText, useApi, useStaff } from './shared.tsx';

interface SecretInfo {
  exists: boolean;
  prefix: string | null;
  createdAt: string | null;
}

function Snippet({ id, label, hint, code }: { id: string; label: string; hint: string; code: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState('');
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{label}</h2>
      <Field id={id} label={t('merchant.widget.code', { what: label.toLowerCase() })} hint={hint}>
        {(a) => <textarea {...a} className="m-secret" readOnly rows={code.split('\n').length + 1} value={code} onFocus={(e) => e.currentTarget.select()} />}
      </Field>
      <button type="button" onClick={() => void copyText(code).then((ok) => setCopied(ok ? t('merchant.copy.done') : t('merchant.copy.failed')))}>
        {t('merchant.widget.copy')}
      </button>
      <p aria-live="polite">{copied}</p>
    </section>
  );
}

export function WidgetPage() {
  const { t, dateTime } = useI18n();
  const call = useApi();
  const staff = useStaff();
  const [info, setInfo] = useState<SecretInfo | null>(null);
  const [websites, setWebsites] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState('');
  const [copied, setCopied] = useState('');
  const [busy, setBusy] = useState(false);
  const createdRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const owner = staff.staffRole === 'owner';
  const origin = location.origin;
  const id = staff.merchantId;

  const load = async () => {
    setError(null);
    try {
      setInfo(await call<SecretInfo>('GET', '/api/v1/merchant/signing-secret'));
      setWebsites((await call<{ websites: string[] }>('GET', `/api/v1/merchants/${id}`)).websites);
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

  const rotate = async () => {
    setActionError('');
    setCopied('');
    setBusy(true);
    try {
      const r = await call<{ secret: string; prefix: string; createdAt: string }>('POST', '/api/v1/merchant/signing-secret');
      setConfirming(false);
      setCreated(r.secret);
      setInfo({ exists: true, prefix: r.prefix, createdAt: r.createdAt });
    } catch (e) {
      setActionError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const widget = `<script src="${origin}/widget.js" data-merchant="${id}" async></script>`;
  const badge = `<script src="${origin}/badge.js" data-merchant="${id}" async></script>`;

  return (
    <div className="stack">
      <PageHeading>{t('merchant.widget.title')}</PageHeading>
      <p>{t('merchant.widget.lead')}</p>
      {error !== null && (
        <div role="alert" className="notice">
          <p>{errorText(t, error)}</p>
          <button type="button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      <Snippet id="m-w-button" label={t('merchant.widget.button')} hint={t('merchant.widget.buttonHint')} code={widget} />
      <Snippet
        id="m-w-badge"
        label={t('merchant.widget.badge')}
        hint={websites.length ? t('merchant.widget.badgeHint', { sites: websites.join(', ') }) : t('merchant.widget.badgeNoSites')}
        code={badge}
      />
      <section className="card" aria-labelledby="m-w-secret-h">
        <h2 id="m-w-secret-h">{t('merchant.widget.secret')}</h2>
        <p>{t('merchant.widget.secretLead')}</p>
        {info === null && error === null && <p role="status">{t('common.loading')}</p>}
        {info && (
          <p>{info.exists && info.prefix && info.createdAt ? t('merchant.widget.secretActive', { prefix: info.prefix, when: dateTime(info.createdAt) }) : t('merchant.widget.secretNone')}</p>
        )}
        {info && !owner && <p className="muted">{t('merchant.widget.ownersOnly')}</p>}
        {info && owner && !confirming && (
          <button type="button" className={info.exists ? '' : 'primary'} disabled={busy} onClick={() => (info.exists ? setConfirming(true) : void rotate())}>
            {info.exists ? t('merchant.widget.rotate') : t('merchant.widget.create')}
          </button>
        )}
        {confirming && (
          <ConfirmGroup
            id="m-w-confirm"
            question={t('merchant.widget.rotateConfirm')}
            yes={t('merchant.widget.rotateYes')}
            yesRef={confirmRef}
            busy={busy}
            onYes={() => void rotate()}
            onCancel={() => setConfirming(false)}
          />
        )}
        {actionError && (
          <p className="error" role="alert">
            {actionError}
          </p>
        )}
        {created && (
          <div className="notice" role="status" tabIndex={-1} ref={createdRef}>
            <p>{t('merchant.widget.created')}</p>
            <Field id="m-w-secret" label={t('merchant.widget.theSecret')}>
              {(a) => <input {...a} className="m-secret" readOnly value={created} onFocus={(e) => e.currentTarget.select()} />}
            </Field>
            <button type="button" onClick={() => void copyText(created).then((ok) => setCopied(ok ? t('merchant.copy.done') : t('merchant.copy.failed')))}>
              {t('merchant.widget.copy')}
            </button>
            <p aria-live="polite">{copied}</p>
          </div>
        )}
      </section>
    </div>
  );
}
