// The merchant portal (its own chunk). Pages: sign-in, inbox, complaint, team, API keys,
// webhooks, figures. Who is signed in comes from GET /api/v1/session (the HttpOnly cookie).
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, match, navigate } from '../../router.tsx';
import { ComplaintPage } from './ComplaintPage.tsx';
import { FiguresPage } from './FiguresPage.tsx';
import { InboxPage } from './InboxPage.tsx';
import { KeysPage } from './KeysPage.tsx';
import { SignIn } from './SignIn.tsx';
import { TeamPage } from './TeamPage.tsx';
import { WebhookPage } from './WebhookPage.tsx';
import { WebhooksPage } from './WebhooksPage.tsx';
import { WidgetPage } from './WidgetPage.tsx';
import { type Staff, StaffContext, errorText, useApi } from './shared.tsx';

function Nav({ staff, current, onSignOut }: { staff: Staff; current: string; onSignOut: () => void }) {
  const { t } = useI18n();
  const items = [
    ['/merchant', 'merchant.nav.inbox'],
    ['/merchant/team', 'merchant.nav.team'],
    ['/merchant/keys', 'merchant.nav.keys'],
    ['/merchant/webhooks', 'merchant.nav.webhooks'],
    ['/merchant/figures', 'merchant.nav.figures'],
    ['/merchant/widget', 'merchant.nav.widget'],
  ] as const;
  return (
    <div className="m-bar">
      <p className="m-who">
        <strong>{staff.merchantName}</strong> <span className="muted">· {staff.name}</span>
      </p>
      <nav aria-label={t('merchant.nav.label')}>
        <ul className="m-nav">
          {items.map(([to, key]) => (
            <li key={to}>
              <a
                href={to}
                aria-current={
                  current === to || (to === '/merchant' && current.startsWith('/merchant/c/')) || (to === '/merchant/webhooks' && current.startsWith('/merchant/webhooks/'))
                    ? 'page'
                    : undefined
                }
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                  e.preventDefault();
                  navigate(to);
                }}
              >
                {t(key)}
              </a>
            </li>
          ))}
          <li>
            <button type="button" className="m-link" onClick={onSignOut}>
              {t('nav.signOut')}
            </button>
          </li>
        </ul>
      </nav>
    </div>
  );
}

export default function MerchantApp({ path }: { path: string }) {
  const { t } = useI18n();
  const call = useApi();
  const [staff, setStaff] = useState<Staff | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const p = path.split('?')[0] ?? '/merchant';
  const query = new URLSearchParams(path.split('?')[1] ?? '');

  const load = useCallback(async () => {
    setError(null);
    try {
      const s = await call<{ role: string } & Staff>('GET', '/api/v1/session');
      setStaff(s.role === 'merchant' ? s : null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setStaff(null);
      else setError(e);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    return (
      <div role="alert" className="notice">
        <p>{errorText(t, error)}</p>
        <button type="button" onClick={() => void load()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (staff === undefined) return <p role="status">{t('common.loading')}</p>;
  if (staff === null) return <SignIn onSignedIn={() => void load()} />;

  const signOut = async () => {
    try {
      await call('DELETE', '/api/v1/session');
    } catch {
      /* signed out locally all the same */
    }
    setStaff(null);
    navigate('/merchant');
  };

  let m: Record<string, string> | null;
  let page: React.ReactNode;
  if (p === '/merchant' || p === '/merchant/') page = <InboxPage query={query} />;
  else if ((m = match('/merchant/c/:code', p))) page = <ComplaintPage key={m.code} code={m.code!} />;
  else if (p === '/merchant/team') page = <TeamPage />;
  else if (p === '/merchant/keys') page = <KeysPage />;
  else if (p === '/merchant/figures') page = <FiguresPage />;
  else if (p === '/merchant/webhooks') page = <WebhooksPage />;
  else if ((m = match('/merchant/webhooks/:id', p))) page = <WebhookPage key={m.id} id={m.id!} />;
  else if (p === '/merchant/widget') page = <WidgetPage />;
  else
    page = (
      <p>
        {t('common.notFound')} <Link to="/merchant">{t('merchant.nav.inbox')}</Link>
      </p>
    );

  return (
    <StaffContext.Provider value={staff}>
      <div className="m-portal">
        <Nav staff={staff} current={p} onSignOut={() => void signOut()} />
        {page}
      </div>
    </StaffContext.Provider>
  );
}
