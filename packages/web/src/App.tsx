// The app shell: skip link, header with language switch, and the page for the current path.
// Each area is its own chunk, with its own strings: a consumer's phone downloads only the
// consumer pages, never the merchant portal or the regulator console.
import { Suspense, lazy } from 'react';
import { useI18n } from './i18n/i18n.tsx';
import { Link, match, usePath } from './router.tsx';
import { Home } from './pages/Home.tsx';
import { Loading } from './ui/Loading.tsx';

const FilePage = lazy(() => import('./pages/consumer/file/FilePage.tsx'));
const TrackPage = lazy(() => import('./pages/consumer/track/TrackPage.tsx'));
const SellersPage = lazy(() => import('./pages/consumer/SellersPage.tsx'));
const SellerPage = lazy(() => import('./pages/consumer/SellerPage.tsx'));
const HelpPage = lazy(() => import('./pages/consumer/HelpPage.tsx'));
const EmbedFilePage = lazy(() => import('./pages/consumer/EmbedFilePage.tsx'));
const MerchantApp = lazy(() => import('./pages/merchant/MerchantApp.tsx'));
const RegulatorApp = lazy(() => import('./pages/regulator/RegulatorApp.tsx'));

function Page({ path }: { path: string }) {
  const { t } = useI18n();
  const p = path.split('?')[0] ?? '/';
  let m: Record<string, string> | null;
  if (p === '/') return <Home />;
  if (p === '/file') return <FilePage params={{}} />;
  if ((m = match('/t/:code', p))) return <TrackPage params={m} />;
  if (p === '/sellers') return <SellersPage params={Object.fromEntries(new URLSearchParams(path.split('?')[1] ?? ''))} />;
  if ((m = match('/sellers/:id', p))) return <SellerPage params={m} />;
  if (p === '/help') return <HelpPage params={{}} />;
  if (p.startsWith('/merchant')) return <MerchantApp path={path} />;
  if (p.startsWith('/regulator')) return <RegulatorApp path={path} />;
  return <p>{t('common.notFound')}</p>;
}

export function App() {
  const { t, locale, setLocale } = useI18n();
  const path = usePath();
  // Inside the widget's overlay on a shop's page: the filing flow alone, no header.
  if (path.startsWith('/embed/file')) {
    return (
      <Suspense fallback={<Loading />}>
        <EmbedFilePage path={path} />
      </Suspense>
    );
  }
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <Link to="/help" className="help-link">
          {t('nav.help')}
        </Link>
        <button type="button" className="lang" lang={locale === 'bn' ? 'en' : 'bn'} title={t('nav.languageLabel')} onClick={() => setLocale(locale === 'bn' ? 'en' : 'bn')}>
          {t('nav.language')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Page path={path} />
        </Suspense>
      </main>
    </>
  );
}
