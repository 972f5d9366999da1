// Check a seller before paying: search the public merchant registry.
import type { MerchantSearch } from '@nalish/domain/responses';
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate } from '../../router.tsx';
import { errorText } from '../../ui/errors.ts';

export default function SellersPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const q = (params.q ?? '').trim();
  const [input, setInput] = useState(q);
  const [items, setItems] = useState<MerchantSearch['items'] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setInput(q);
    setItems(null);
    setError('');
    if (q.length < 2) return;
    api<MerchantSearch>('GET', `/api/v1/merchants?q=${encodeURIComponent(q)}`)
      .then((r) => setItems(r.items))
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [q, t]);
  return (
    <div className="stack">
      <h1>{t('consumer.sellers.title')}</h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (input.trim().length < 2) setError(t('consumer.sellers.short'));
          else navigate(`/sellers?q=${encodeURIComponent(input.trim())}`);
        }}
      >
        <label htmlFor="s-q">{t('home.sellersLabel')}</label>
        <div className="inline">
          <input id="s-q" value={input} onChange={(e) => setInput(e.target.value)} aria-describedby={error ? 's-q-error' : undefined} />
          <button type="submit">{t('home.sellersButton')}</button>
        </div>
        {error && <p className="error" id="s-q-error" role="alert">{error}</p>}
      </form>
      {items && (
        <section aria-labelledby="s-found">
          <h2 id="s-found">{items.length ? t('consumer.sellers.found', { n: items.length }) : t('consumer.sellers.none', { q })}</h2>
          <ul className="seller-list">
            {items.map((m) => (
              <li key={m.id}>
                <Link to={`/sellers/${m.id}`}>
                  <span>{m.name}</span>
                  <span className={m.registered ? 'badge' : 'badge warn'}>{m.registered ? t('consumer.merchant.registered') : t('consumer.merchant.unregistered')}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
