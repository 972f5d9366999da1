import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';

export function Home() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [q, setQ] = useState('');
  return (
    <div className="stack">
      <h1>{t('home.title')}</h1>
      <p>{t('home.lead')}</p>
      <Link to="/file" className="button primary">
        {t('home.file')}
      </Link>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) navigate(`/t/${encodeURIComponent(code.trim())}`);
        }}
      >
        <h2>{t('home.track')}</h2>
        <label htmlFor="track-code">{t('home.trackLabel')}</label>
        <input id="track-code" inputMode="numeric" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} placeholder="482-193-5706" />
        <button type="submit">{t('home.trackButton')}</button>
      </form>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          if (q.trim().length >= 2) navigate(`/sellers?q=${encodeURIComponent(q.trim())}`);
        }}
      >
        <h2>{t('home.sellers')}</h2>
        <label htmlFor="seller-q">{t('home.sellersLabel')}</label>
        <input id="seller-q" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit">{t('home.sellersButton')}</button>
      </form>
    </div>
  );
}
