// The regulator console (its own chunk, with its own strings): officer sign-in with TOTP, the
// office's queue (/regulator), one case (/regulator/c/:code) and, for the head office, the
// holiday calendar's import (/regulator/holidays). Who is signed in comes from
// GET /api/v1/session (the HttpOnly cookie).
import type { Identity, OfficerList } from '@nalish/domain/responses';
import { ApiError, api } from '../../api.ts';
import { addStrings, useI18n } from '../../i18n/i18n.tsx';
import { regulatorStrings } from '../../i18n/regulatorStrings.ts';
import { Link, match, navigate } from '../../router.tsx';
import { FormError } from '../../ui/Field.tsx';
import { errorText } from '../../ui/errors.ts';
import { Loading } from '../../ui/Loading.tsx';
import { useResource } from '../../ui/useResource.ts';
import { CasePage } from './case/CasePage.tsx';
import { type Officer, OfficerContext } from './officer.ts';
import { Holidays } from './Holidays.tsx';
import { Queue } from './Queue.tsx';
import { SignIn } from './SignIn.tsx';

addStrings(regulatorStrings);

export default function RegulatorApp({ path }: { path: string }) {
  const { t, locale } = useI18n();
  const session = useResource(async (): Promise<Officer | null> => {
    try {
      const s = await api<Identity>('GET', '/api/v1/session');
      return s.role === 'officer' ? s : null;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  }, []);
  const officer = session.data;
  const officerList = useResource(async () => (officer ? (await api<OfficerList>('GET', '/api/v1/regulator/officers')).items : []), [officer, locale]);
  const officers = officerList.data ?? [];

  if (officer === undefined) return session.error ? <FormError text={errorText(t, session.error)} /> : <Loading />;
  if (officer === null)
    return (
      <SignIn
        onSignedIn={(o) => {
          session.set(o);
          requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
        }}
      />
    );

  const [p, search = ''] = path.split('?');
  const c = match('/regulator/c/:code', p ?? '');
  async function signOut() {
    await api('DELETE', '/api/v1/session').catch(() => undefined);
    session.set(null);
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
            {officer.mayManageHolidays && (
              <li>
                <Link to="/regulator/holidays">{t('regulator.nav.holidays')}</Link>
              </li>
            )}
            <li>
              <button type="button" className="r-link" onClick={() => void signOut()}>
                {t('nav.signOut')}
              </button>
            </li>
          </ul>
        </nav>
      </div>
      {c?.code ? (
        <CasePage key={c.code} code={c.code} officers={officers} />
      ) : p === '/regulator' || p === '/regulator/' ? (
        <Queue search={search} officers={new Map(officers.map((o) => [o.id, o.name]))} />
      ) : p === '/regulator/holidays' ? (
        <Holidays />
      ) : (
        <p>{t('common.notFound')}</p>
      )}
    </OfficerContext.Provider>
  );
}
