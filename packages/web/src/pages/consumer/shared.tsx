// Pieces the consumer pages share: fields that show their error next to them, API errors in
// the reader's language, and sign-in by mobile number and SMS code.
import { normalizeBdMobile } from '@nalish/domain';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { type I18n, useI18n } from '../../i18n/i18n.tsx';
import type { UiKey } from '../../i18n/en.ts';

export type Errors = Record<string, string>;

/** The message for one field: our own sentence for the field, in the reader's language.
 *  `code` is the server's field error code (or the schema's own, checked in the browser). */
export function fieldMessage(t: I18n['t'], path: string, code = ''): string {
  if (code === 'date_future') return t('consumer.err.future');
  if (code === 'before_order') return t('consumer.err.beforeOrder');
  const key = `consumer.err.${path}`;
  const probe = t(key as UiKey);
  return probe === key ? t('consumer.err.generic') : probe;
}

/** An API error as a sentence in the reader's language. */
export function errorText(t: I18n['t'], e: unknown): string {
  if (!(e instanceof ApiError)) return t('error.internal');
  if (e.offline) return t('common.offline');
  const d = e.details;
  const params: Record<string, string | number> = {};
  if (typeof d.triesLeft === 'number') params.left = d.triesLeft;
  if (typeof d.retryAfterSeconds === 'number') params.seconds = d.retryAfterSeconds;
  if (typeof d.trackingCode === 'string') params.code = d.trackingCode;
  if (typeof d.mb === 'number') params.mb = d.mb;
  if (typeof d.max === 'number') params.max = d.max;
  const key = `error.${e.code}`;
  const text = t(key as UiKey, params);
  return text === key || /\{\w+\}/.test(text) ? e.message || t('error.internal') : text;
}

/** Field errors from an API validation error, keyed by path ('order.amountBdt'). */
export function apiFieldErrors(t: I18n['t'], e: unknown): Errors {
  const out: Errors = {};
  if (e instanceof ApiError) for (const f of e.details.fields ?? []) out[f.path] ??= fieldMessage(t, f.path, f.code);
  return out;
}

export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** aria attributes for an input inside <Field>. */
export function aria(id: string, error?: string, hint?: boolean) {
  const by = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': by || undefined } as const;
}

/** Focus the first invalid field after a failed check. */
export function focusFirstError(): void {
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  }, 0);
}

/** Focus the page heading when a page or step changes, so screen readers announce it. */
export function useHeadingFocus(dep: unknown) {
  const ref = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [dep]);
  return ref;
}

/** The signed-in consumer's number; null when not signed in; undefined when offline. */
export async function currentConsumer(): Promise<string | null | undefined> {
  try {
    const s = await api<{ role: string; phone?: string }>('GET', '/api/v1/session');
    return s.role === 'consumer' && s.phone ? s.phone : null;
  } catch (e) {
    return e instanceof ApiError && e.offline ? undefined : null;
  }
}

/** Mobile number → SMS code → signed in. The number typed is kept by the parent. */
export function OtpSignIn({ phone, setPhone, onSignedIn, idPrefix = 'otp' }: { phone: string; setPhone(p: string): void; onSignedIn(phone: string): void; idPrefix?: string }) {
  const { t, locale, number, dateTime } = useI18n();
  const [sent, setSent] = useState<{ phone: string; expiresAt: string; resendAt: number } | null>(null);
  const [code, setCode] = useState('');
  const [err, setErr] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const codeRef = useRef<HTMLInputElement>(null);
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
    const normal = normalizeBdMobile(phone);
    if (!normal) {
      setErr({ phone: t('consumer.err.phone') });
      focusFirstError();
      return;
    }
    setBusy(true);
    setErr({});
    try {
      const r = await api<{ phone: string; expiresAt: string; resendAfterSeconds: number }>('POST', '/api/v1/otp', { body: { phone }, locale });
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
      focusFirstError();
      return;
    }
    setBusy(true);
    setErr({});
    try {
      const r = await api<{ phone: string }>('POST', '/api/v1/otp/verify', { body: { phone: sent!.phone, code: code.trim() }, locale });
      onSignedIn(r.phone);
    } catch (e) {
      setErr({ code: errorText(t, e) });
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }

  const phoneId = `${idPrefix}-phone`;
  const codeId = `${idPrefix}-code`;
  if (!sent) {
    return (
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Field id={phoneId} label={t('consumer.otp.phone')} hint={t('consumer.otp.phoneHint')} error={err.phone}>
          <input {...aria(phoneId, err.phone, true)} type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {t('consumer.otp.send')}
        </button>
      </form>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void verify();
      }}
    >
      <p role="status">{t('consumer.otp.sent', { phone: locale === 'bn' ? sent.phone.replace(/\d/g, (d) => number(Number(d))) : sent.phone, time: dateTime(sent.expiresAt) })}</p>
      <Field id={codeId} label={t('consumer.otp.code')} error={err.code}>
        <input ref={codeRef} {...aria(codeId, err.code)} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
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

export function Stars({ value, onChange, name }: { value: number; onChange(n: number): void; name: string }) {
  const { t } = useI18n();
  return (
    <div className="stars" role="radiogroup" aria-label={name}>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className={n <= value ? 'on' : ''}>
          <input type="radio" name="stars" value={n} checked={value === n} onChange={() => onChange(n)} />
          <span aria-hidden="true">★</span>
          <span className="sr">{t('consumer.track.stars', { n })}</span>
        </label>
      ))}
    </div>
  );
}
