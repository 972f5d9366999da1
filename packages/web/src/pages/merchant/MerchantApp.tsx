// The merchant portal (its own chunk, with its own strings). Pages: sign-in, inbox, complaint,
// team, API keys, webhooks, figures. Who is signed in comes from GET /api/v1/session (the
// HttpOnly cookie).
import type { Identity } from '@nalish/domain/responses';
import { ApiError, api } from '../../api.ts';
import { addStrings, useI18n } from '../../i18n/i18n.tsx';
import { merchantStrings } from '../../i18n/merchantStrings.ts';
import { Link, match, navigate } from '../../router.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { useResource } from '../../ui/useResource.ts';
import { ComplaintPage } from './complaint/ComplaintPage.tsx';
import { FiguresPage } from './FiguresPage.tsx';
import { InboxPage } from './InboxPage.tsx';
import { KeysPage } from './KeysPage.tsx';
import { SignIn } from './SignIn.tsx';
import { TeamPage } from './TeamPage.tsx';
import { WebhookPage } from './WebhookPage.tsx';
import { WebhooksPage } from './WebhooksPage.tsx';
import { WidgetPage } from './WidgetPage.tsx';
import { type Staff, StaffContext } from './staff.ts';

addStrings(merchantStrings);

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
  const session = useResource(async (): Promise<Staff | null> => {
    try {
      const s = await api<Identity>('GET', '/api/v1/session');
      return s.role === 'merchant' ? s : null;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  }, []);
  const staff = session.data;
  const p = path.split('?')[0] ?? '/merchant';
  const query = new URLSearchParams(path.split('?')[1] ?? '');

  if (session.error) return <LoadError error={session.error} onRetry={() => void session.reload()} />;
  if (staff === undefined) return <Loading />;
  if (staff === null) return <SignIn onSignedIn={() => void session.reload()} />;

  const signOut = async () => {
    try {
      await api('DELETE', '/api/v1/session');
    } catch {
      /* signed out locally all the same */
    }
    session.set(null);
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
