// Team members and roles. Everyone sees the team; owners add members (the password they
// give, or one made by the server and shown once), change roles, deactivate and reactivate.
import type { TeamList, TeamMember as Member, TeamMemberResult } from '@nalish/domain/responses';
import { useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { UiKey } from '../../i18n/en.ts';
import { type Errors, type Problem, apiProblems, byField, errorText } from '../../ui/errors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { PageHeading, useFocusFirstError } from '../../ui/focus.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { SecretOnce } from '../../ui/SecretOnce.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useStaff } from './staff.ts';

const FIELD_KEYS: Record<string, UiKey> = { email: 'merchant.team.err.email', name: 'merchant.team.err.name', role: 'merchant.team.err.role', password: 'merchant.team.err.password' };
/** Field problems the server names by code rather than by the field's rule. */
const KNOWN: Record<string, UiKey> = { email_taken: 'merchant.err.emailTaken', cannot_deactivate_self: 'merchant.err.selfDeactivate', cannot_demote_self: 'merchant.err.selfDemote' };

export function TeamPage() {
  const { t, date } = useI18n();
  const staff = useStaff();
  const owner = staff.staffRole === 'owner';
  const team = useResource(async () => (await api<TeamList>('GET', '/api/v1/merchant/team')).items, []);
  const items = team.data;
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);
  const [form, setForm] = useState({ email: '', name: '', role: 'agent', password: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [created, setCreated] = useState<TeamMemberResult | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(errors, formRef);
  const word = (field: string, p: Problem) => t(KNOWN[p.code ?? ''] ?? FIELD_KEYS[field] ?? 'error.validation');

  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError('');
    const local: Errors = {};
    if (!form.name.trim()) local.name = t('merchant.team.err.name');
    if (!/^\S+@\S+\.\S+$/.test(form.email.trim())) local.email = t('merchant.team.err.email');
    if (form.password && form.password.length < 10) local.password = t('merchant.team.err.password');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const r = await api<TeamMemberResult>('POST', '/api/v1/merchant/team', {
        body: { email: form.email.trim(), name: form.name.trim(), role: form.role, ...(form.password ? { password: form.password } : {}) },
      });
      setCreated(r);
      setForm({ email: '', name: '', role: 'agent', password: '' });
      await team.reload();
    } catch (err) {
      const fields = byField(apiProblems(err), Object.keys(FIELD_KEYS), word);
      setErrors(fields);
      if (!Object.keys(fields).length) setFormError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const change = async (m: Member, patch: { active?: boolean; role?: 'owner' | 'agent' }) => {
    setRowError(null);
    try {
      await api('PATCH', `/api/v1/merchant/team/${m.id}`, { body: patch });
      await team.reload();
    } catch (err) {
      const known = apiProblems(err).find((p) => p.code !== undefined && KNOWN[p.code]);
      setRowError({ id: m.id, text: known?.code ? t(KNOWN[known.code]!) : errorText(t, err) });
    }
  };

  return (
    <div className="stack">
      <PageHeading>{t('merchant.team.title')}</PageHeading>
      <p>{owner ? t('merchant.team.leadOwner') : t('merchant.team.leadAgent')}</p>
      {team.error !== null && <LoadError error={team.error} onRetry={() => void team.reload()} />}
      {!items && team.error === null && <Loading />}
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
        <SecretOnce key={created.member.id} id="m-t-secret" label={t('merchant.team.initialPassword')} copyLabel={t('merchant.team.copyPassword')} secret={created.initialPassword ?? null}>
          <p>{t('merchant.team.added', { name: created.member.name })}</p>
          {created.initialPassword && <p>{t('merchant.team.passwordOnce')}</p>}
        </SecretOnce>
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
          <FormError text={formError} />
          <button type="submit" className="primary" disabled={busy}>
            {t('merchant.team.addButton')}
          </button>
        </form>
      )}
    </div>
  );
}
