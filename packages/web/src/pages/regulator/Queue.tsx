// The office's queue: escalated cases, soonest deadline first, with filters kept in the
// address (so "back" from a case returns to the same view) and overdue cases marked in words.
import { CATEGORIES, type MessageKey, REGULATOR_STATES, trackingCodeText } from '@nalish/domain';
import type { CasePage, RegulatorMerchantList } from '@nalish/domain/responses';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { UiKey } from '../../i18n/en.ts';
import { Link, navigate } from '../../router.tsx';
import { errorText } from '../../ui/errors.ts';
import { FormError } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useOfficer } from './officer.ts';


interface Filters {
  state: string;
  merchantId: string;
  category: string;
  filedAfter: string;
  filedBefore: string;
  overdue: boolean;
  mine: boolean;
}

function parse(search: string): Filters {
  const q = new URLSearchParams(search);
  return {
    state: q.get('state') ?? '',
    merchantId: q.get('merchant') ?? '',
    category: q.get('category') ?? '',
    filedAfter: q.get('after') ?? '',
    filedBefore: q.get('before') ?? '',
    overdue: q.get('overdue') === '1',
    mine: q.get('mine') === '1',
  };
}

function toSearch(f: Filters): string {
  const q = new URLSearchParams();
  if (f.state) q.set('state', f.state);
  if (f.merchantId) q.set('merchant', f.merchantId);
  if (f.category) q.set('category', f.category);
  if (f.filedAfter) q.set('after', f.filedAfter);
  if (f.filedBefore) q.set('before', f.filedBefore);
  if (f.overdue) q.set('overdue', '1');
  if (f.mine) q.set('mine', '1');
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The API query: dates are Dhaka calendar days. */
function apiQuery(f: Filters, cursor?: string): string {
  const q = new URLSearchParams();
  if (f.state) q.set('state', f.state);
  if (f.merchantId) q.set('merchantId', f.merchantId);
  if (f.category) q.set('category', f.category);
  if (f.filedAfter) q.set('filedAfter', `${f.filedAfter}T00:00:00+06:00`);
  if (f.filedBefore) q.set('filedBefore', `${f.filedBefore}T00:00:00+06:00`);
  if (f.overdue) q.set('overdue', 'true');
  if (f.mine) q.set('mine', 'true');
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

export function Queue({ search, officers }: { search: string; officers: Map<string, string> }) {
  const { t, locale, date, bdt } = useI18n();
  const me = useOfficer();
  const applied = parse(search);
  const [draft, setDraft] = useState<Filters>(applied);
  const cases = useResource(() => api<CasePage>('GET', `/api/v1/regulator/cases?${apiQuery(parse(search))}`), [search, locale]);
  const items = cases.data?.items ?? null;
  const cursor = cases.data?.nextCursor ?? null;
  const [moreError, setMoreError] = useState<unknown>(null);
  const merchants = useResource(async () => (await api<RegulatorMerchantList>('GET', '/api/v1/regulator/merchants')).items, [locale]).data ?? [];
  const heading = useRef<HTMLHeadingElement>(null);
  const failed = cases.error ?? moreError;
  const error = failed !== null ? errorText(t, failed) : '';

  useEffect(() => {
    setDraft(parse(search));
    setMoreError(null);
  }, [search]);

  async function more() {
    if (!cursor || !items) return;
    try {
      const r = await api<CasePage>('GET', `/api/v1/regulator/cases?${apiQuery(applied, cursor)}`);
      cases.set({ items: [...items, ...r.items], nextCursor: r.nextCursor });
    } catch (e) {
      setMoreError(e);
    }
  }

  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const office = (locale === 'bn' ? me.officeNameBn : me.officeName) ?? '';

  return (
    <div className="stack">
      <h1 ref={heading} tabIndex={-1}>
        {t('regulator.queue.title', { office })}
      </h1>
      <form
        className="card r-filters"
        aria-labelledby="r-filters-h"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/regulator${toSearch(draft)}`);
        }}
      >
        <h2 id="r-filters-h">{t('regulator.queue.filters')}</h2>
        <div className="r-grid">
          <div>
            <label htmlFor="rf-state">{t('regulator.queue.state')}</label>
            <select id="rf-state" value={draft.state} onChange={(e) => set('state', e.target.value)}>
              <option value="">{t('regulator.queue.anyState')}</option>
              {REGULATOR_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`state.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="rf-merchant">{t('regulator.queue.merchant')}</label>
            <select id="rf-merchant" value={draft.merchantId} onChange={(e) => set('merchantId', e.target.value)}>
              <option value="">{t('regulator.queue.anyMerchant')}</option>
              {merchants.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="rf-category">{t('regulator.queue.category')}</label>
            <select id="rf-category" value={draft.category} onChange={(e) => set('category', e.target.value)}>
              <option value="">{t('regulator.queue.anyCategory')}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`regulator.cat.${c}` as UiKey)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="rf-after">{t('regulator.queue.filedAfter')}</label>
            <input id="rf-after" type="date" value={draft.filedAfter} onChange={(e) => set('filedAfter', e.target.value)} />
          </div>
          <div>
            <label htmlFor="rf-before">{t('regulator.queue.filedBefore')}</label>
            <input id="rf-before" type="date" value={draft.filedBefore} onChange={(e) => set('filedBefore', e.target.value)} />
          </div>
        </div>
        <div className="r-checks">
          <label className="r-check">
            <input type="checkbox" checked={draft.overdue} onChange={(e) => set('overdue', e.target.checked)} /> {t('regulator.queue.overdue')}
          </label>
          <label className="r-check">
            <input type="checkbox" checked={draft.mine} onChange={(e) => set('mine', e.target.checked)} /> {t('regulator.queue.mine')}
          </label>
        </div>
        <div className="r-buttons">
          <button type="submit" className="primary">
            {t('regulator.queue.apply')}
          </button>
          <button type="button" onClick={() => navigate('/regulator')}>
            {t('regulator.queue.reset')}
          </button>
        </div>
      </form>
      <FormError text={error} />
      {items === null && !error && <Loading />}
      {items && (
        <section aria-labelledby="r-list-h">
          <h2 id="r-list-h">
            {t('regulator.queue.count', { n: items.length })}
          </h2>
          {items.length === 0 ? (
            <p>{t('regulator.queue.empty')}</p>
          ) : (
            <ul className="r-queue">
              {items.map((c) => (
                <li key={c.trackingCode} className={`card r-item${c.overdue ? ' r-item-overdue' : ''}`}>
                  <p className="r-item-head">
                    <Link to={`/regulator/c/${c.trackingCode}`}>{trackingCodeText(locale, c.trackingCode)}</Link> <span className="r-state">{t(`state.${c.state}` as MessageKey)}</span>
                    {c.overdue && <strong className="overdue r-overdue-mark">{t('regulator.overdue')}</strong>}
                  </p>
                  <dl className="r-dl">
                    <dt>{t('regulator.queue.merchant')}</dt>
                    <dd>{c.merchantName ?? '—'}</dd>
                    <dt>{t('regulator.queue.category')}</dt>
                    <dd>{t(`regulator.cat.${c.problemCategory}` as UiKey)}</dd>
                    <dt>{t('regulator.queue.amount')}</dt>
                    <dd>{bdt(c.amountBdt)}</dd>
                    <dt>{t('regulator.queue.filed')}</dt>
                    <dd>{date(c.filedAt)}</dd>
                    <dt>{t('regulator.queue.due')}</dt>
                    <dd className={c.overdue ? 'overdue' : undefined}>{c.dueAt ? date(c.dueAt) : '—'}</dd>
                    <dt>{t('regulator.queue.officer')}</dt>
                    <dd>{c.assignedOfficerId ? (officers.get(c.assignedOfficerId) ?? '—') : t('regulator.queue.unassigned')}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          )}
          {cursor && (
            <button type="button" onClick={more}>
              {t('regulator.queue.more')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
