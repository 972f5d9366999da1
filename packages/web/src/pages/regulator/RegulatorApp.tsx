// The regulator console (its own chunk): officer sign-in with TOTP, the office's queue
// (/regulator) and one case (/regulator/c/:code). Who is signed in comes from
// GET /api/v1/session (the HttpOnly cookie).
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, match, navigate } from '../../router.tsx';
import { CasePage } from './CasePage.tsx';
import { Queue } from './Queue.tsx';
import { SignIn } from './SignIn.tsx';
import { FormError, type Officer, OfficerContext, errorText } from './shared.tsx';

export default function RegulatorApp({ path }: { path: string }) {
  const { t, locale } = useI18n();
  const [officer, setOfficer] = useState<Officer | null | undefined>(undefined);
  const [officers, setOfficers] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    api<Officer & { role: string }>('GET', '/api/v1/session', { locale })
      .then((s) => setOfficer(s.role === 'officer' ? s : null))
      .catch((e) => {
        if ((e as { status?: number }).status === 401) setOfficer(null);
        else setError(errorText(t, e));
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!officer) return;
    api<{ items: { id: string; name: string }[] }>('GET', '/api/v1/regulator/officers', { locale })
      .then((r) => setOfficers(r.items))
      .catch(() => undefined);
  }, [officer, locale]);

  if (officer === undefined) return error ? <FormError text={error} /> : <p role="status">{t('common.loading')}</p>;
  if (officer === null)
    return (
      <SignIn
        onSignedIn={(o) => {
          setOfficer(o);
          requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
        }}
      />
    );

  const [p, search = ''] = path.split('?');
  const c = match('/regulator/c/:code', p ?? '');
  async function signOut() {
    await api('DELETE', '/api/v1/session').catch(() => undefined);
    setOfficer(null);
    navigate('/regulator');
  }
  return (
    <OfficerContext.Provider value={officer}>
      <div className="r-bar">
        <p className="r-who">
          <strong>{locale === 'bn' ? officer.officeNameBn : officer.officeName}</strong> <span className="muted">· {officer.name}</span>
        </p>
        <nav aria-label={t('regulator.nav.label')}>
          <ul className="r-nav">
            <li>
              <Link to="/regulator">{t('regulator.nav.queue')}</Link>
            </li>
            <li>
              <button type="button" className="r-link" onClick={() => void signOut()}>
                {t('nav.signOut')}
              </button>
            </li>
          </ul>
        </nav>
      </div>
      {c?.code ? <CasePage key={c.code} code={c.code} officers={officers} /> : p === '/regulator' || p === '/regulator/' ? <Queue search={search} officers={new Map(officers.map((o) => [o.id, o.name]))} /> : <p>{t('common.notFound')}</p>}
    </OfficerContext.Provider>
  );
}
