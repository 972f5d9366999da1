// Staff sign-in with e-mail and password. The server sets the HttpOnly session cookie.
import { useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Errors, apiProblems, byField, errorText } from '../../ui/errors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { PageHeading, useFocusFirstError } from '../../ui/focus.tsx';

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(errors, form);

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const local: Errors = {};
    if (!email.trim()) local.email = t('merchant.signIn.emailRequired');
    if (!password) local.password = t('merchant.signIn.passwordRequired');
    setErrors(local);
    setFormError('');
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await api('POST', '/api/v1/merchant/login', { body: { email: email.trim(), password } });
      onSignedIn();
    } catch (err) {
      const fields = byField(apiProblems(err), ['email', 'password'], (f) => t(f === 'email' ? 'merchant.signIn.emailInvalid' : 'merchant.signIn.passwordRequired'));
      setErrors(fields);
      if (!Object.keys(fields).length) setFormError(err instanceof ApiError && err.code === 'login_failed' ? t('error.login_failed') : errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack m-signin">
      <PageHeading>{t('merchant.signIn.title')}</PageHeading>
      <p>{t('merchant.signIn.lead')}</p>
      <form ref={form} className="card" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="m-email" label={t('merchant.signIn.email')} error={errors.email}>
          {(a) => <input {...a} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="m-password" label={t('merchant.signIn.password')} error={errors.password}>
          {(a) => <input {...a} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <FormError text={formError} />
        <button type="submit" className="primary" disabled={busy}>
          {t('merchant.signIn.submit')}
        </button>
      </form>
    </div>
  );
}
