// Step 2, the seller: search the registry and pick one, or name an unknown website or
// Facebook page (inside the widget the shop is the seller and cannot be changed).
import type { MerchantSearch } from '@nalish/domain/responses';
import { useState } from 'react';
import { api } from '../../../api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { errorText } from '../../../ui/errors.ts';
import { Field } from '../../../ui/Field.tsx';
import { useFocusOn } from '../../../ui/focus.tsx';
import { useEmbed } from '../embed.ts';
import { type StepProps, StepForm } from './StepForm.tsx';

export function StepMerchant({ d, update, err, onNext, onBack, onError }: StepProps & { onNext: () => void; onBack: (() => void) | null; onError: (text: string) => void }) {
  const { t } = useI18n();
  const embed = useEmbed();
  const [results, setResults] = useState<MerchantSearch['items'] | null>(null);
  const [q, setQ] = useState('');
  // Choosing a seller replaces the list with the choice: the focus goes to the choice (said
  // aloud), and back to the search field after "change", never lost to the page's top.
  const [picked, setPicked] = useState(0);
  const chosen = useFocusOn<HTMLParagraphElement>(d.merchant.id && picked);
  const searchField = useFocusOn<HTMLInputElement>(!d.merchant.id && picked);
  const setMerchant = (m: Partial<StepProps['d']['merchant']>) => update((x) => ({ ...x, merchant: { ...x.merchant, ...m } }));

  async function search() {
    if (q.trim().length < 2) return;
    try {
      const r = await api<MerchantSearch>('GET', `/api/v1/merchants?q=${encodeURIComponent(q.trim())}`);
      setResults(r.items);
      onError('');
    } catch (e) {
      onError(errorText(t, e));
    }
  }

  if (d.merchant.id) {
    return (
      <StepForm onSubmit={onNext} onBack={onBack}>
        <div className="card">
          <p className="chosen" tabIndex={-1} ref={chosen}>
            {t('consumer.merchant.chosen', { name: d.merchant.name })}
          </p>
          <p className="muted">{d.merchant.registered ? t('consumer.merchant.registered') : t('consumer.merchant.unregistered')}</p>
          {!embed?.merchantLocked && (
            <button
              type="button"
              onClick={() => {
                setPicked((n) => n + 1);
                update((x) => ({ ...x, merchant: { name: '', website: '', facebookPage: '' } }));
              }}
            >
              {t('consumer.merchant.change')}
            </button>
          )}
        </div>
      </StepForm>
    );
  }
  return (
    <div className="stack">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <label htmlFor="m-q">{t('consumer.merchant.search')}</label>
        <div className="inline">
          <input id="m-q" ref={searchField} value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
          <button type="submit">{t('consumer.merchant.searchButton')}</button>
        </div>
      </form>
      {results && (
        <section aria-labelledby="m-results">
          <h2 id="m-results">{t('consumer.merchant.results')}</h2>
          {results.length === 0 ? (
            <p role="status">{t('consumer.merchant.none')}</p>
          ) : (
            <ul className="pick-list">
              {results.map((m) => (
                <li key={m.id}>
                  <button
                    type="button"
                    onClick={() => {
                      setPicked((n) => n + 1);
                      update((x) => ({ ...x, merchant: { id: m.id, name: m.name, website: '', facebookPage: '', registered: m.registered } }));
                    }}
                  >
                    {m.name} <span className="badge">{m.registered ? t('consumer.merchant.registered') : t('consumer.merchant.unregistered')}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <StepForm onSubmit={onNext} onBack={onBack}>
        <fieldset className="card">
          <legend>{t('consumer.merchant.unknown')}</legend>
          <p className="muted">{t('consumer.merchant.unknownLead')}</p>
          <Field id="m-name" label={t('consumer.merchant.name')} error={err('merchant.name')}>
            {(a) => <input {...a} value={d.merchant.name} onChange={(e) => setMerchant({ name: e.target.value })} />}
          </Field>
          <Field id="m-web" label={t('consumer.merchant.website')} error={err('merchant.website')}>
            {(a) => <input {...a} inputMode="url" value={d.merchant.website} onChange={(e) => setMerchant({ website: e.target.value })} />}
          </Field>
          <Field id="m-fb" label={t('consumer.merchant.facebook')} error={err('merchant.facebookPage')}>
            {(a) => <input {...a} inputMode="url" value={d.merchant.facebookPage} onChange={(e) => setMerchant({ facebookPage: e.target.value })} />}
          </Field>
        </fieldset>
      </StepForm>
    </div>
  );
}
