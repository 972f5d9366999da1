// Staff sign-in with e-mail and password. The server sets the HttpOnly session cookie.
import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field, PageHeading, errorText, fieldErrors, focusFirstInvalid, useApi } from './shared.tsx';

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const call = useApi();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const local: Record<string, string> = {};
    if (!email.trim()) local.email = t('merchant.signIn.emailRequired');
    if (!password) local.password = t('merchant.signIn.passwordRequired');
    setErrors(local);
    setFormError('');
    if (Object.keys(local).length) return focusFirstInvalid(form);
    setBusy(true);
    try {
      await call('POST', '/api/v1/merchant/login', { body: { email: email.trim(), password } });
      onSignedIn();
    } catch (err) {
      const fields = fieldErrors(t, err, { email: 'merchant.signIn.emailInvalid', password: 'merchant.signIn.passwordRequired' });
      setErrors(fields);
      if (Object.keys(fields).length) focusFirstInvalid(form);
      else setFormError(err instanceof ApiError && err.code === 'login_failed' ? t('error.login_failed') : errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack m-signin">
      <PageHeading>{t('merchant.signIn.title')}</PageHeading>
      <p>{t('merchant.signIn.lead')}</p>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="m-email" label={t('merchant.signIn.email')} error={errors.email}>
          {(a) => <input {...a} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="m-password" label={t('merchant.signIn.password')} error={errors.password}>
          {(a) => <input {...a} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        {formError && (
          <p className="error" role="alert">
            {formError}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('merchant.signIn.submit')}
        </button>
      </form>
    </div>
  );
}
