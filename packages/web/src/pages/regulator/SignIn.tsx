// Officer sign-in: e-mail, password and the authenticator's 6-digit code.
import { toWesternDigits } from '@nalish/domain';
import type { Identity } from '@nalish/domain/responses';
import { useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Errors, apiProblems, byField, errorText } from '../../ui/errors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { useFocusFirstError } from '../../ui/focus.tsx';
import type { Officer } from './officer.ts';

export function SignIn({ onSignedIn }: { onSignedIn: (o: Officer) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // The first field in error takes the focus once React has rendered the errors and
  // re-enabled the form (focusing from the handler raced the render and hit a disabled field).
  useFocusFirstError(errors, form);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing: Errors = {};
    if (!email.trim()) missing.email = t('regulator.err.required');
    if (!password) missing.password = t('regulator.err.required');
    // The server answers a missing code like a wrong password (it must not tell that the
    // password was right), so the form asks for the code itself.
    const digits = toWesternDigits(totp).replace(/\s/g, '');
    if (!digits) missing.totp = t('error.totp_required');
    if (Object.keys(missing).length) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    try {
      await api('POST', '/api/v1/regulator/login', { body: { email: email.trim(), password, totp: digits } });
      const s = await api<Identity>('GET', '/api/v1/session');
      if (s.role === 'officer') onSignedIn(s);
    } catch (err) {
      let next: Errors = {};
      if (err instanceof ApiError && err.code === 'login_failed') next.password = errorText(t, err);
      else next = byField(apiProblems(err), ['email', 'password', 'totp'], () => t('error.validation'));
      if (!Object.keys(next).length) next[''] = errorText(t, err);
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
