// Officer sign-in: e-mail, password and the authenticator's 6-digit code.
import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field, FormError, type Officer, errorText, focusFirstError } from './shared.tsx';

export function SignIn({ onSignedIn }: { onSignedIn: (o: Officer) => void }) {
  const { t, locale } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Focus the first field in error once React has rendered the errors and re-enabled the
  // form (focusing from the handler raced the render and sometimes hit a disabled field).
  useEffect(() => {
    if (Object.keys(errors).length) focusFirstError(form.current);
  }, [errors]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = t('regulator.err.required');
    if (!password) missing.password = t('regulator.err.required');
    // The server answers a missing code like a wrong password (it must not tell that the
    // password was right), so the form asks for the code itself.
    const digits = totp.replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - 0x09e6)).replace(/\s/g, '');
    if (!digits) missing.totp = t('error.totp_required');
    if (Object.keys(missing).length) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    try {
      await api('POST', '/api/v1/regulator/login', { body: { email: email.trim(), password, totp: digits }, locale });
      const s = await api<Officer & { role: string }>('GET', '/api/v1/session', { locale });
      onSignedIn(s);
    } catch (err) {
      const next: Record<string, string> = {};
      if (err instanceof ApiError && err.code === 'login_failed') next.password = errorText(t, err);
      else if (err instanceof ApiError && err.details.fields?.length) {
        for (const f of err.details.fields) if (['email', 'password', 'totp'].includes(f.path)) next[f.path] = t('error.validation');
        if (!Object.keys(next).length) next[''] = errorText(t, err);
      } else next[''] = errorText(t, err);
      setErrors(next);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack r-signin">
      <p className="muted">{t('regulator.directorate')}</p>
      <h1 tabIndex={-1}>{t('regulator.signIn.title')}</h1>
      <p>{t('regulator.signIn.lead')}</p>
      <form ref={form} className="card" onSubmit={submit} noValidate>
        <FormError text={errors['']} />
        <Field id="r-email" label={t('regulator.signIn.email')} error={errors.email}>
          {(a) => <input {...a} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="r-password" label={t('regulator.signIn.password')} error={errors.password}>
          {(a) => <input {...a} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Field id="r-totp" label={t('regulator.signIn.totp')} hint={t('regulator.signIn.totpHint')} error={errors.totp}>
          {(a) => <input {...a} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={totp} onChange={(e) => setTotp(e.target.value)} />}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {t('regulator.signIn.submit')}
        </button>
      </form>
    </div>
  );
}
