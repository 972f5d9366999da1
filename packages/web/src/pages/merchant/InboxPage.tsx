// The inbox: complaints against this merchant, soonest deadline first; overdue ones say so
// in words. Filters live in the address (?state=…&overdue=true), so a filtered view can be
// bookmarked; "load more" follows the server's cursor.
import { type MessageKey, STATES } from '@nalish/domain';
import type { ComplaintPage as Page } from '@nalish/domain/responses';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { UiKey } from '../../i18n/en.ts';
import { OrderConfirmed } from '../../OrderConfirmed.tsx';
import { Link, navigate } from '../../router.tsx';
import { PageHeading } from '../../ui/focus.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { useResource } from '../../ui/useResource.ts';

export function InboxPage({ query }: { query: URLSearchParams }) {
  const { t, date, dateTime, bdt } = useI18n();
  const state = query.get('state') ?? '';
  const overdue = query.get('overdue') === 'true';
  const fetchPage = (after: string | null) => {
    const qs = new URLSearchParams({ limit: '20' });
    if (state) qs.set('state', state);
    if (overdue) qs.set('overdue', 'true');
    if (after) qs.set('cursor', after);
    return api<Page>('GET', `/api/v1/merchant/complaints?${qs}`);
  };
  const inbox = useResource(() => fetchPage(null), [state, overdue]);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [stateSel, setStateSel] = useState(state);
  const [overdueSel, setOverdueSel] = useState(overdue);
  const list = useRef<HTMLUListElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const items = inbox.data?.items;
  const cursor = inbox.data?.nextCursor ?? null;

  useEffect(() => {
    setStateSel(state);
    setOverdueSel(overdue);
  }, [state, overdue]);

  useEffect(() => {
    // After "load more", focus moves to the first new complaint (not back to the top).
    if (focusIndex !== null) list.current?.querySelectorAll<HTMLAnchorElement>('.m-item-title a')[focusIndex]?.focus();
  }, [focusIndex]);

  const more = async () => {
    if (!cursor || !items) return;
    setBusy(true);
    setMoreError(null);
    try {
      const page = await fetchPage(cursor);
      setFocusIndex(items.length);
      inbox.set({ items: [...items, ...page.items], nextCursor: page.nextCursor });
    } catch (e) {
      setMoreError(e);
    } finally {
      setBusy(false);
    }
  };

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const qs = new URLSearchParams();
    if (stateSel) qs.set('state', stateSel);
    if (overdueSel) qs.set('overdue', 'true');
    const s = qs.toString();
    navigate(s ? `/merchant?${s}` : '/merchant');
  };
  const error = inbox.error ?? moreError;

  return (
    <div className="stack">
      <PageHeading>{t('merchant.inbox.title')}</PageHeading>
      <form className="card m-filters" onSubmit={apply} aria-label={t('merchant.inbox.filters')}>
        <div>
          <label htmlFor="m-f-state">{t('merchant.inbox.state')}</label>
          <select id="m-f-state" value={stateSel} onChange={(e) => setStateSel(e.target.value)}>
            <option value="">{t('merchant.inbox.allStates')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`state.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="m-check">
          <input id="m-f-overdue" type="checkbox" checked={overdueSel} onChange={(e) => setOverdueSel(e.target.checked)} />
          <label htmlFor="m-f-overdue">{t('merchant.inbox.overdueOnly')}</label>
        </div>
        <button type="submit">{t('merchant.inbox.apply')}</button>
      </form>
      {error !== null && <LoadError error={error} onRetry={() => void (moreError !== null ? more() : inbox.reload())} />}
      {!items && error === null && <Loading />}
      {items && (
        <>
          <p role="status" className="muted">
            {items.length === 0 ? t('merchant.inbox.empty') : t('merchant.inbox.count', { n: items.length })}
          </p>
          <ul className="m-list" ref={list}>
            {items.map((c) => (
              <li key={c.trackingCode} className={`card m-item${c.overdue ? ' m-item-overdue' : ''}`}>
                <h2 className="m-item-title">
                  <Link to={`/merchant/c/${c.trackingCode}`}>
                    {t('merchant.inbox.complaint', { code: c.trackingCode })}
                  </Link>
                </h2>
                {c.overdue && <p className="m-badge-overdue">{t('merchant.inbox.overdue')}</p>}
                <dl className="m-facts">
                  <div>
                    <dt>{t('merchant.inbox.stateLabel')}</dt>
                    <dd>{t(`state.${c.state}` as MessageKey)}</dd>
                  </div>
                  <div>
                    <dt>{t('merchant.inbox.due')}</dt>
                    <dd>{c.dueAt ? dateTime(c.dueAt) : t('merchant.inbox.noDue')}</dd>
                  </div>
                  <div>
                    <dt>{t('merchant.inbox.order')}</dt>
                    <dd>
                      {c.orderNumber} · {bdt(c.amountBdt)} {c.orderConfirmed && <OrderConfirmed />}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('merchant.inbox.problem')}</dt>
                    <dd>{t(`merchant.category.${c.problemCategory}` as UiKey)}</dd>
                  </div>
                  <div>
                    <dt>{t('merchant.inbox.filed')}</dt>
                    <dd>{date(c.filedAt)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
          {cursor && (
            <button type="button" onClick={() => void more()} disabled={busy}>
              {busy ? t('common.loading') : t('merchant.inbox.more')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
