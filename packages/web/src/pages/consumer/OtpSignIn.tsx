// Mobile number → SMS code → signed in: the consumer's only sign-in, on the filing flow and on
// the tracking page. The number typed is kept by the parent (in the filing draft).
import { normalizeBdMobile, toBengaliDigits } from '@nalish/domain';
import type { ConsumerSession, OtpIssued } from '@nalish/domain/responses';
import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Errors, errorText } from '../../ui/errors.ts';
import { Field } from '../../ui/Field.tsx';
import { useFocusFirstError } from '../../ui/focus.tsx';

export function OtpSignIn({ phone, setPhone, onSignedIn, idPrefix = 'otp' }: { phone: string; setPhone(p: string): void; onSignedIn(phone: string): void; idPrefix?: string }) {
  const { t, locale, dateTime } = useI18n();
  const [sent, setSent] = useState<{ phone: string; expiresAt: string; resendAt: number } | null>(null);
  const [code, setCode] = useState('');
  const [err, setErr] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const codeRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(err, formRef);
  useEffect(() => {
    if (!sent) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [sent]);
  // The code field takes the focus once the SMS is on its way.
  const sentAt = sent?.expiresAt;
  useEffect(() => {
    if (sentAt) codeRef.current?.focus();
  }, [sentAt]);
  const wait = sent ? Math.max(0, Math.ceil((sent.resendAt - now) / 1000)) : 0;

  async function send() {
    if (!normalizeBdMobile(phone)) {
      setErr({ phone: t('consumer.err.phone') });
      return;
    }
    setBusy(true);
    setErr({});
    try {
      const r = await api<OtpIssued>('POST', '/api/v1/otp', { body: { phone } });
      setSent({ phone: r.phone, expiresAt: r.expiresAt, resendAt: Date.now() + r.resendAfterSeconds * 1000 });
      setNow(Date.now());
      setCode('');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'otp_resend_wait' && sent) {
        setSent({ ...sent, resendAt: Date.now() + Number(e.details.retryAfterSeconds ?? 60) * 1000 });
      }
      setErr({ [sent ? 'code' : 'phone']: errorText(t, e) });
    } finally {
      setBusy(false);
    }
  }

  async function verify() {
    if (!/^[0-9০-৯]{6}$/.test(code.trim())) {
      setErr({ code: t('consumer.otp.codeInvalid') });
      return;
    }
    setBusy(true);
    setErr({});
    try {
      const r = await api<ConsumerSession>('POST', '/api/v1/otp/verify', { body: { phone: sent!.phone, code: code.trim() } });
      onSignedIn(r.phone);
    } catch (e) {
      setErr({ code: errorText(t, e) });
    } finally {
      setBusy(false);
    }
  }

  const phoneId = `${idPrefix}-phone`;
  const codeId = `${idPrefix}-code`;
  if (!sent) {
    return (
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Field id={phoneId} label={t('consumer.otp.phone')} hint={t('consumer.otp.phoneHint')} error={err.phone}>
          {(a) => <input {...a} type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {t('consumer.otp.send')}
        </button>
      </form>
    );
  }
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void verify();
      }}
    >
      <p role="status">{t('consumer.otp.sent', { phone: locale === 'bn' ? toBengaliDigits(sent.phone) : sent.phone, time: dateTime(sent.expiresAt) })}</p>
      <Field id={codeId} label={t('consumer.otp.code')} error={err.code}>
        {(a) => <input ref={codeRef} {...a} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {t('consumer.otp.verify')}
      </button>
      <div className="row">
        {wait > 0 ? (
          <p className="muted">{t('consumer.otp.resendIn', { seconds: wait })}</p>
        ) : (
          <button type="button" onClick={() => void send()} disabled={busy}>
            {t('consumer.otp.resend')}
          </button>
        )}
        <button type="button" onClick={() => setSent(null)}>
          {t('consumer.otp.changeNumber')}
        </button>
      </div>
    </form>
  );
}
