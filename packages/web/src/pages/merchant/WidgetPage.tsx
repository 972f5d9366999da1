// The widget, the trust badge and the signing secret for order details: the snippets to paste
// (with this merchant's id), and the secret created or replaced by an owner, shown once.
import type { MerchantProfile, SigningSecretCreated, SigningSecretInfo } from '@nalish/domain/responses';
import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConfirmGroup } from '../../ui/ConfirmGroup.tsx';
import { errorText } from '../../ui/errors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { PageHeading } from '../../ui/focus.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { CopyButton, SecretOnce } from '../../ui/SecretOnce.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useStaff } from './staff.ts';

function Snippet({ id, label, hint, code }: { id: string; label: string; hint: string; code: string }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{label}</h2>
      <Field id={id} label={t('merchant.widget.code', { what: label.toLowerCase() })} hint={hint}>
        {(a) => <textarea {...a} className="secret" readOnly rows={code.split('\n').length + 1} value={code} onFocus={(e) => e.currentTarget.select()} />}
      </Field>
      <CopyButton text={code} label={t('merchant.widget.copy')} />
    </section>
  );
}

export function WidgetPage() {
  const { t, dateTime } = useI18n();
  const staff = useStaff();
  const owner = staff.staffRole === 'owner';
  const origin = location.origin;
  const id = staff.merchantId;
  const page = useResource(async () => {
    const info = await api<SigningSecretInfo>('GET', '/api/v1/merchant/signing-secret');
    const { websites } = await api<MerchantProfile>('GET', `/api/v1/merchants/${id}`);
    return { info, websites };
  }, [id]);
  const info = page.data?.info ?? null;
  const websites = page.data?.websites ?? [];
  const [created, setCreated] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState('');
  const [busy, setBusy] = useState(false);

  const rotate = async () => {
    setActionError('');
    setBusy(true);
    try {
      const r = await api<SigningSecretCreated>('POST', '/api/v1/merchant/signing-secret');
      setConfirming(false);
      setCreated(r.secret);
      page.set({ info: { exists: true, prefix: r.prefix, createdAt: r.createdAt }, websites });
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
      {page.error !== null && <LoadError error={page.error} onRetry={() => void page.reload()} />}
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
        {info === null && page.error === null && <Loading />}
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
            busy={busy}
            onYes={() => void rotate()}
            onCancel={() => setConfirming(false)}
          />
        )}
        <FormError text={actionError} />
        {created && (
          <SecretOnce id="m-w-secret" label={t('merchant.widget.theSecret')} copyLabel={t('merchant.widget.copy')} secret={created}>
            <p>{t('merchant.widget.created')}</p>
          </SecretOnce>
        )}
      </section>
    </div>
  );
}
