// Team members and roles. Everyone sees the team; owners add members (the password they
// give, or one made by the server and shown once), change roles, deactivate and reactivate.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field, PageHeading, copyText, errorText, fieldErrors, focusFirstInvalid, useApi, useStaff } from './shared.tsx';

interface Member {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'agent';
  active: boolean;
  createdAt: string;
}

export function TeamPage() {
  const { t, date } = useI18n();
  const call = useApi();
  const staff = useStaff();
  const owner = staff.staffRole === 'owner';
  const [items, setItems] = useState<Member[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);
  const [form, setForm] = useState({ email: '', name: '', role: 'agent', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [created, setCreated] = useState<{ member: Member; initialPassword?: string } | null>(null);
  const [copied, setCopied] = useState('');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const createdRef = useRef<HTMLDivElement>(null);

  const load = async () => {
    setError(null);
    try {
      setItems((await call<{ items: Member[] }>('GET', '/api/v1/merchant/team')).items);
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

  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError('');
    setCopied('');
    const local: Record<string, string> = {};
    if (!form.name.trim()) local.name = t('merchant.team.err.name');
    if (!/^\S+@\S+\.\S+$/.test(form.email.trim())) local.email = t('merchant.team.err.email');
    if (form.password && form.password.length < 10) local.password = t('merchant.team.err.password');
    setErrors(local);
    if (Object.keys(local).length) return focusFirstInvalid(formRef.current);
    setBusy(true);
    try {
      const r = await call<{ member: Member; initialPassword?: string }>('POST', '/api/v1/merchant/team', {
        body: { email: form.email.trim(), name: form.name.trim(), role: form.role, ...(form.password ? { password: form.password } : {}) },
      });
      setCreated(r);
      setForm({ email: '', name: '', role: 'agent', password: '' });
      await load();
    } catch (err) {
      const fields = fieldErrors(t, err, { email: 'merchant.team.err.email', name: 'merchant.team.err.name', role: 'merchant.team.err.role', password: 'merchant.team.err.password' });
      setErrors(fields);
      if (Object.keys(fields).length) focusFirstInvalid(formRef.current);
      else setFormError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const change = async (m: Member, patch: { active?: boolean; role?: 'owner' | 'agent' }) => {
    setRowError(null);
    try {
      await call('PATCH', `/api/v1/merchant/team/${m.id}`, { body: patch });
      await load();
    } catch (err) {
      const fields = fieldErrors(t, err, {});
      setRowError({ id: m.id, text: Object.values(fields)[0] ?? errorText(t, err) });
    }
  };

  return (
    <div className="stack">
      <PageHeading>{t('merchant.team.title')}</PageHeading>
      <p>{owner ? t('merchant.team.leadOwner') : t('merchant.team.leadAgent')}</p>
      {error !== null && (
        <div role="alert" className="notice">
          <p>{errorText(t, error)}</p>
          <button type="button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {items === null && error === null && <p role="status">{t('common.loading')}</p>}
      {items && (
        <ul className="m-list">
          {items.map((m) => {
            const me = m.id === staff.userId;
            return (
              <li key={m.id} className="card">
                <h2 className="m-item-title">
                  {m.name} {me && <span className="muted">{t('merchant.team.you')}</span>}
                </h2>
                <dl className="m-facts">
                  <div>
                    <dt>{t('merchant.team.email')}</dt>
                    <dd>{m.email}</dd>
                  </div>
                  <div>
                    <dt>{t('merchant.team.role')}</dt>
                    <dd>{t(`merchant.team.role.${m.role}`)}</dd>
                  </div>
                  <div>
                    <dt>{t('merchant.team.status')}</dt>
                    <dd>{m.active ? t('merchant.team.active') : t('merchant.team.inactive')}</dd>
                  </div>
                  <div>
                    <dt>{t('merchant.team.since')}</dt>
                    <dd>{date(m.createdAt)}</dd>
                  </div>
                </dl>
                {owner && !me && (
                  <div className="m-actions">
                    <button type="button" onClick={() => void change(m, { active: !m.active })}>
                      {m.active ? t('merchant.team.deactivate', { name: m.name }) : t('merchant.team.reactivate', { name: m.name })}
                    </button>
                    <button type="button" onClick={() => void change(m, { role: m.role === 'owner' ? 'agent' : 'owner' })}>
                      {m.role === 'owner' ? t('merchant.team.makeAgent', { name: m.name }) : t('merchant.team.makeOwner', { name: m.name })}
                    </button>
                  </div>
                )}
                {rowError?.id === m.id && (
                  <p className="error" role="alert">
                    {rowError.text}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {created && (
        <div className="notice" role="status" tabIndex={-1} ref={createdRef}>
          <p>{t('merchant.team.added', { name: created.member.name })}</p>
          {created.initialPassword && (
            <>
              <p>{t('merchant.team.passwordOnce')}</p>
              <Field id="m-t-secret" label={t('merchant.team.initialPassword')}>
                {(a) => <input {...a} className="m-secret" readOnly value={created.initialPassword} onFocus={(e) => e.currentTarget.select()} />}
              </Field>
              <button type="button" onClick={() => void copyText(created.initialPassword!).then((ok) => setCopied(ok ? t('merchant.copy.done') : t('merchant.copy.failed')))}>
                {t('merchant.team.copyPassword')}
              </button>
              <p aria-live="polite">{copied}</p>
            </>
          )}
        </div>
      )}
      {owner && (
        <form className="card" ref={formRef} onSubmit={(e) => void add(e)} noValidate aria-labelledby="m-add-h">
          <h2 id="m-add-h">{t('merchant.team.add')}</h2>
          <Field id="m-t-name" label={t('merchant.team.name')} error={errors.name}>
            {(a) => <input {...a} autoComplete="off" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
          </Field>
          <Field id="m-t-email" label={t('merchant.team.email')} error={errors.email}>
            {(a) => <input {...a} type="email" autoComplete="off" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
          </Field>
          <Field id="m-t-role" label={t('merchant.team.role')} error={errors.role}>
            {(a) => (
              <select {...a} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
                <option value="agent">{t('merchant.team.role.agent')}</option>
                <option value="owner">{t('merchant.team.role.owner')}</option>
              </select>
            )}
          </Field>
          <Field id="m-t-password" label={t('merchant.team.password')} hint={t('merchant.team.passwordHint')} error={errors.password}>
            {(a) => <input {...a} type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />}
          </Field>
          {formError && (
            <p className="error" role="alert">
              {formError}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('merchant.team.addButton')}
          </button>
        </form>
      )}
    </div>
  );
}
