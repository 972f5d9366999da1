// One case as the officer sees it: the history-chain mark, the summary, the steps open now
// (assign, request information, hearing, decision, fine, reject), what the rules say (with
// the review of each finding and corrections of facts), the evidence, the full history and
// the case file PDF. Every step sends the version the officer saw; a 409 reloads
// the case and keeps what the officer typed.
import { ActiveContentWarning } from '../../ActiveContentWarning.tsx';
import { DISTRICTS, type MessageKey } from '@nalish/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { type I18n, useI18n } from '../../i18n/i18n.tsx';
import { OrderConfirmed } from '../../OrderConfirmed.tsx';
import type { UiKey } from '../../i18n/en.ts';
import { Link } from '../../router.tsx';
import { Field, FormError, type Post, errorText, fieldErrors, focusFirstError, useFormState, useOfficer } from './shared.tsx';
import type { Evidence } from '../../evidence.ts';
import { type FactValue, type Outcome, type PolicyView, factLabel, factValueText, outcomeLabel, ruleName } from '../../policy/model.ts';
import { PolicySection } from './PolicySection.tsx';

interface TimelineEntry {
  seq: number;
  type: string;
  actorRole: string;
  toState: string;
  at: string;
  payload: Record<string, unknown>;
}
export interface CaseView {
  trackingCode: string;
  version: number;
  state: string;
  dueAt: string | null;
  overdue: boolean;
  merchant: { id: string; name: string; status: string } | null;
  consumer: { name: string; phone: string; email: string | null; district: string };
  order: { number: string; date: string; amountBdt: number; paymentChannel: string };
  orderConfirmed?: boolean;
  problemCategory: string;
  description: string;
  wantedRemedy: string;
  preChecks: { contactedMerchant?: boolean; contactedOn?: string; remedyReceived?: string; problemDate?: string };
  regulatorWindow: { lastDay: string; open: boolean };
  hearing: { at: string; mode: string; place: string } | null;
  decision: { outcome: string; reasons: string; fineBdt: number; order?: string } | null;
  fineCollectedBdt: number | null;
  complainantShareBdt: number | null;
  assignedOfficerId: string | null;
  filedAt: string;
  actions: string[];
  timeline: TimelineEntry[];
  evidence: Evidence[];
  historyChain?: { ok: boolean; events: number; brokenAtSeq?: number; reason?: string };
  policy: PolicyView | null;
}

/** Calendar date (YYYY-MM-DD) shown as a Dhaka date. */
const day = (ymd: string) => `${ymd.slice(0, 10)}T06:00:00Z`;

function EvidenceItem({ code, ev }: { code: string; ev: Evidence }) {
  const { t, dateTime, number } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const isImage = ev.mediaType.startsWith('image/');
  const src = `/api/v1/complaints/${code}/evidence/${ev.id}`;
  useEffect(() => {
    if (!isImage) return;
    let objectUrl: string | null = null;
    let live = true;
    fetch(src, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
      .then((b) => {
        if (!live) return;
        objectUrl = URL.createObjectURL(b);
        setUrl(objectUrl);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [src, isImage]);
  return (
    <li className="card r-evidence">
      <p className="r-ev-name">
        <a href={src} download={ev.filename} aria-label={t('regulator.evidence.open', { name: ev.filename })}>
          {ev.filename}
        </a>
      </p>
      <p className="muted">
        {t('regulator.evidence.meta', { type: ev.mediaType, size: number(Math.max(1, Math.ceil(ev.sizeBytes / 1024))), who: t(`regulator.role.${ev.uploadedBy}` as UiKey), date: dateTime(ev.createdAt) })}
      </p>
      <p className="r-hash">
        SHA-256: <code>{ev.sha256}</code>
      </p>
      <ActiveContentWarning kinds={ev.activeContent} />
      {isImage && (url ? <img src={url} alt={ev.filename} className="r-ev-img" /> : <p className="muted">{failed ? t('regulator.evidence.failed') : t('regulator.evidence.loading')}</p>)}
    </li>
  );
}

function ActionForm(props: {
  id: string;
  title: string;
  submit: string;
  onSubmit: () => Promise<Record<string, string> | null>;
  errors: Record<string, string>;
  children: React.ReactNode;
  danger?: boolean;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      ref={ref}
      className="card r-action"
      aria-labelledby={`${props.id}-h`}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const errs = await props.onSubmit();
        setBusy(false);
        if (errs) focusFirstError(ref.current);
      }}
    >
      <h3 id={`${props.id}-h`}>{props.title}</h3>
      <FormError text={props.errors['']} />
      {props.children}
      <button type="submit" className={props.danger ? 'r-danger' : 'primary'} disabled={busy}>
        {props.submit}
      </button>
    </form>
  );
}

function Actions({ view, post, officers }: { view: CaseView; post: Post; officers: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const me = useOfficer();
  const code = view.trackingCode;
  const k = (f: string) => `nalish.reg.${code}.${f}`;
  const [errs, setErrs] = useState<Record<string, Record<string, string>>>({});
  const [assign, setAssign] = useFormState(k('assign'), { officerId: '' });
  const [info, setInfo, clearInfo] = useFormState(k('info'), { from: 'merchant', question: '' });
  const [hearing, setHearing, clearHearing] = useFormState(k('hearing'), { at: '', mode: 'in_person', place: '' });
  const [decide, setDecide, clearDecide] = useFormState(k('decide'), { outcome: 'upheld', reasons: '', fineBdt: '0', order: '' });
  const [fine, setFine, clearFine] = useFormState(k('fine'), { amountBdt: '' });
  const [reject, setReject, clearReject] = useFormState(k('reject'), { reason: '' });
  const fineOpen = view.decision?.outcome === 'upheld' && view.decision.fineBdt > 0 && view.fineCollectedBdt === null;
  const has = (a: string) => view.actions.includes(a) && (a !== 'record_fine_collected' || fineOpen);

  const run = async (form: string, action: string, body: Record<string, unknown>, fields: string[], clear?: () => void) => {
    const e = await post(action, body, fields);
    setErrs((old) => ({ ...old, [form]: e ?? {} }));
    if (!e) clear?.();
    return e;
  };
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - 0x09e6)).replace(/[,\s]/g, '')));
  const shown = ['assign', 'request_info', 'schedule_hearing', 'decide', 'record_fine_collected', 'reject_invalid'].filter(has);
  if (shown.length === 0) return <p>{t('regulator.actions.none')}</p>;
  const e = (f: string) => errs[f] ?? {};

  return (
    <div className="r-actions">
      {has('assign') && (
        <ActionForm id="ra-assign" title={t('regulator.assign.title')} submit={t('regulator.assign.submit')} errors={e('assign')} onSubmit={() => run('assign', 'assign', { officerId: assign.officerId }, ['officerId'])}>
          <Field id="ra-officer" label={t('regulator.assign.officer')} error={e('assign').officerId}>
            {(a) => (
              <select {...a} value={assign.officerId} onChange={(ev) => setAssign('officerId', ev.target.value)}>
                <option value="">{t('regulator.assign.choose')}</option>
                {officers.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {view.assignedOfficerId !== me.officerId && (
            <button type="button" onClick={() => void run('assign', 'assign', { officerId: me.officerId }, ['officerId'])}>
              {t('regulator.assign.me')}
            </button>
          )}
        </ActionForm>
      )}
      {has('request_info') && (
        <ActionForm id="ra-info" title={t('regulator.info.title')} submit={t('regulator.info.submit')} errors={e('info')} onSubmit={() => run('info', 'request_info', { from: info.from, question: info.question }, ['from', 'question'], clearInfo)}>
          <fieldset className="r-radios">
            <legend>{t('regulator.info.from')}</legend>
            {(['merchant', 'consumer'] as const).map((f) => (
              <label key={f} className="r-check">
                <input type="radio" name="ra-info-from" value={f} checked={info.from === f} onChange={() => setInfo('from', f)} /> {t(`regulator.role.${f}`)}
              </label>
            ))}
          </fieldset>
          <Field id="ra-question" label={t('regulator.info.question')} error={e('info').question}>
            {(a) => <textarea {...a} value={info.question} onChange={(ev) => setInfo('question', ev.target.value)} />}
          </Field>
        </ActionForm>
      )}
      {has('schedule_hearing') && (
        <ActionForm
          id="ra-hearing"
          title={t('regulator.hearingForm.title')}
          submit={t('regulator.hearingForm.submit')}
          errors={e('hearing')}
          onSubmit={() => run('hearing', 'schedule_hearing', { at: hearing.at ? `${hearing.at}:00+06:00` : '', mode: hearing.mode, place: hearing.place }, ['at', 'mode', 'place'], clearHearing)}
        >
          <Field id="ra-at" label={t('regulator.hearingForm.at')} error={e('hearing').at}>
            {(a) => <input {...a} type="datetime-local" value={hearing.at} onChange={(ev) => setHearing('at', ev.target.value)} />}
          </Field>
          <fieldset className="r-radios">
            <legend>{t('regulator.hearingForm.mode')}</legend>
            {(['in_person', 'online'] as const).map((m) => (
              <label key={m} className="r-check">
                <input type="radio" name="ra-mode" value={m} checked={hearing.mode === m} onChange={() => setHearing('mode', m)} /> {t(`regulator.mode.${m}`)}
              </label>
            ))}
          </fieldset>
          <Field id="ra-place" label={t('regulator.hearingForm.place')} error={e('hearing').place}>
            {(a) => <input {...a} value={hearing.place} onChange={(ev) => setHearing('place', ev.target.value)} />}
          </Field>
        </ActionForm>
      )}
      {has('decide') && (
        <ActionForm
          id="ra-decide"
          title={t('regulator.decide.title')}
          submit={t('regulator.decide.submit')}
          errors={e('decide')}
          onSubmit={() =>
            run(
              'decide',
              'decide',
              { outcome: decide.outcome, reasons: decide.reasons, fineBdt: decide.outcome === 'upheld' ? num(decide.fineBdt || '0') : 0, ...(decide.order.trim() ? { order: decide.order } : {}) },
              ['outcome', 'reasons', 'fineBdt', 'order'],
              clearDecide,
            )
          }
        >
          <fieldset className="r-radios">
            <legend>{t('regulator.decide.outcome')}</legend>
            {(['upheld', 'dismissed'] as const).map((o) => (
              <label key={o} className="r-check">
                <input type="radio" name="ra-outcome" value={o} checked={decide.outcome === o} onChange={() => setDecide('outcome', o)} /> {t(`regulator.outcome.${o}`)}
              </label>
            ))}
          </fieldset>
          <Field id="ra-reasons" label={t('regulator.decide.reasons')} error={e('decide').reasons}>
            {(a) => <textarea {...a} value={decide.reasons} onChange={(ev) => setDecide('reasons', ev.target.value)} />}
          </Field>
          {decide.outcome === 'upheld' && (
            <Field id="ra-fine" label={t('regulator.decide.fine')} hint={t('regulator.decide.fineHint')} error={e('decide').fineBdt}>
              {(a) => <input {...a} inputMode="numeric" value={decide.fineBdt} onChange={(ev) => setDecide('fineBdt', ev.target.value)} />}
            </Field>
          )}
          <Field id="ra-order" label={t('regulator.decide.order')} error={e('decide').order}>
            {(a) => <textarea {...a} value={decide.order} onChange={(ev) => setDecide('order', ev.target.value)} />}
          </Field>
        </ActionForm>
      )}
      {has('record_fine_collected') && (
        <ActionForm id="ra-fine-c" title={t('regulator.fineForm.title')} submit={t('regulator.fineForm.submit')} errors={e('fine')} onSubmit={() => run('fine', 'record_fine_collected', { amountBdt: num(fine.amountBdt) }, ['amountBdt'], clearFine)}>
          <Field id="ra-collected" label={t('regulator.fineForm.amount')} error={e('fine').amountBdt}>
            {(a) => <input {...a} inputMode="numeric" value={fine.amountBdt} onChange={(ev) => setFine('amountBdt', ev.target.value)} />}
          </Field>
        </ActionForm>
      )}
      {has('reject_invalid') && (
        <ActionForm id="ra-reject" title={t('regulator.reject.title')} submit={t('regulator.reject.submit')} errors={e('reject')} danger onSubmit={() => run('reject', 'reject_invalid', { reason: reject.reason }, ['reason'], clearReject)}>
          <Field id="ra-reason" label={t('regulator.reject.reason')} error={e('reject').reason}>
            {(a) => <textarea {...a} value={reject.reason} onChange={(ev) => setReject('reason', ev.target.value)} />}
          </Field>
        </ActionForm>
      )}
    </div>
  );
}

function eventDetail(t: (k: UiKey | MessageKey, p?: Record<string, string | number>) => string, e: TimelineEntry, officers: Map<string, string>, fmt: I18n): string {
  const p = e.payload ?? {};
  const s = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
  switch (e.type) {
    case 'assign':
      return officers.get(s('officerId')) ?? '';
    case 'respond':
      return [p.kind === 'offer' ? t(`regulator.remedy.${s('remedy') || 'other'}` as UiKey) : '', typeof p.amountBdt === 'number' ? fmt.bdt(p.amountBdt) : '', s('message')].filter(Boolean).join(' · ');
    case 'request_info':
      return `${t(`regulator.role.${s('from')}` as UiKey)}: ${s('question')}`;
    case 'provide_info':
      return s('answer');
    case 'schedule_hearing':
      return t('regulator.hearing.when', { at: s('at') ? fmt.dateTime(s('at')) : '', mode: t(`regulator.mode.${s('mode')}` as UiKey), place: s('place') });
    case 'decide':
      return [t(`regulator.outcome.${s('outcome')}` as UiKey), typeof p.fineBdt === 'number' && p.fineBdt > 0 ? t('regulator.decision.fine', { amount: fmt.bdt(p.fineBdt) }) : ''].filter(Boolean).join(' · ');
    case 'record_fine_collected':
      return typeof p.amountBdt === 'number' ? fmt.bdt(p.amountBdt) : '';
    case 'policy_facts_stated': {
      const facts = Object.entries((p.facts ?? {}) as Record<string, FactValue>).map(([k, v]) => `${factLabel(t, k)}: ${factValueText(fmt, k, v)}`);
      return [...facts, s('reason')].filter(Boolean).join(' · ');
    }
    case 'policy_finding_reviewed':
      return [ruleName(t, s('ruleId')), t(`regulator.policy.${p.decision === 'override' ? 'override' : 'confirm'}`), outcomeLabel(t, s('outcome') as Outcome), s('reason')].filter(Boolean).join(' · ');
    default:
      return s('reason') || s('comment') || s('filename');
  }
}

export function CasePage({ code, officers }: { code: string; officers: { id: string; name: string }[] }) {
  const i18n = useI18n();
  const { t, locale, date, dateTime, bdt, number } = i18n;
  const [view, setView] = useState<CaseView | null>(null);
  const [loadError, setLoadError] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'conflict'; n: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const names = new Map(officers.map((o) => [o.id, o.name]));

  const load = useCallback(async () => {
    try {
      const v = await api<CaseView>('GET', `/api/v1/complaints/${encodeURIComponent(code)}`, { locale });
      setView(v);
      setLoadError('');
      return v;
    } catch (e) {
      setLoadError(errorText(t, e));
      return null;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code, locale]);

  useEffect(() => {
    void load().then(() => heading.current?.focus());
  }, [load]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const post: Post = async (action, body, fields) => {
    if (!view) return { '': t('error.internal') };
    try {
      const v = await api<CaseView>('POST', `/api/v1/complaints/${encodeURIComponent(code)}/${action.replaceAll('_', '-')}`, { body: { ...body, expectedVersion: view.version }, locale });
      setView(v);
      setNotice({ kind: 'ok', n: Date.now() });
      return null;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'conflict') {
        await load();
        return { '': t('regulator.conflict') };
      }
      return fieldErrors(t, e, fields);
    }
  };

  if (loadError && !view)
    return (
      <div className="stack">
        <h1 ref={heading} tabIndex={-1}>
          {t('regulator.case.title', { code })}
        </h1>
        <FormError text={loadError} />
        <Link to="/regulator">{t('regulator.case.back')}</Link>
      </div>
    );
  if (!view) return <p role="status">{t('common.loading')}</p>;

  const chain = view.historyChain;
  const broken = chain && !chain.ok ? view.timeline.find((e) => e.seq === chain.brokenAtSeq) : undefined;
  const pc = view.preChecks;

  return (
    <div className="stack r-case">
      <p>
        <Link to="/regulator">{t('regulator.case.back')}</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('regulator.case.title', { code: view.trackingCode })}
      </h1>
      {chain &&
        (chain.ok ? (
          <p className="r-chain-ok">
            <span aria-hidden="true">✔ </span>
            {t('regulator.chain.ok', { n: chain.events })}
          </p>
        ) : (
          <p className="r-chain-broken" role="alert">
            {t('regulator.chain.broken', {
              seq: number(chain.brokenAtSeq ?? 0),
              event: broken ? t(`regulator.event.${broken.type}` as UiKey) : '—',
              reason: chain.reason ?? '',
            })}
          </p>
        ))}
      {notice && (
        <p ref={noticeRef} tabIndex={-1} role="status" className="r-done">
          {t('regulator.done')}
        </p>
      )}
      <p>
        <a className="button" href={`/api/v1/regulator/cases/${view.trackingCode}/case-file.pdf`} download={`nalish-case-${view.trackingCode}.pdf`}>
          {t('regulator.case.caseFile')}
        </a>
      </p>

      <section className="card" aria-labelledby="r-sum-h">
        <h2 id="r-sum-h">{t('regulator.case.summary')}</h2>
        <dl className="r-dl">
          <dt>{t('regulator.case.state')}</dt>
          <dd>{t(`state.${view.state}` as MessageKey)}</dd>
          <dt>{t('regulator.case.dueAt')}</dt>
          <dd className={view.overdue ? 'overdue' : undefined}>
            {view.dueAt ? dateTime(view.dueAt) : '—'}
            {view.overdue && ` (${t('regulator.overdue')})`}
          </dd>
          <dt>{t('regulator.case.officer')}</dt>
          <dd>{view.assignedOfficerId ? (names.get(view.assignedOfficerId) ?? '—') : t('regulator.queue.unassigned')}</dd>
          <dt>{t('regulator.case.merchant')}</dt>
          <dd>{view.merchant?.name ?? '—'}</dd>
          <dt>{t('regulator.case.consumer')}</dt>
          <dd>{view.consumer.name}</dd>
          <dt>{t('regulator.case.phone')}</dt>
          <dd>{view.consumer.phone}</dd>
          <dt>{t('regulator.case.district')}</dt>
          <dd>{DISTRICTS[view.consumer.district as keyof typeof DISTRICTS]?.[locale] ?? view.consumer.district}</dd>
          <dt>{t('regulator.case.filedAt')}</dt>
          <dd>{dateTime(view.filedAt)}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="r-outcome-h">
        <h2 id="r-outcome-h">{t('regulator.decision')}</h2>
        <p>{view.hearing ? `${t('regulator.hearing')}: ${t('regulator.hearing.when', { at: dateTime(view.hearing.at), mode: t(`regulator.mode.${view.hearing.mode}` as UiKey), place: view.hearing.place })}` : t('regulator.hearing.none')}</p>
        {view.decision ? (
          <>
            <p>
              <strong>{t(`regulator.outcome.${view.decision.outcome}` as UiKey)}</strong>
              {view.decision.fineBdt > 0 && ` · ${t('regulator.decision.fine', { amount: bdt(view.decision.fineBdt) })}`}
            </p>
            <p className="r-pre">{view.decision.reasons}</p>
            {view.decision.order && <p className="r-pre">{view.decision.order}</p>}
          </>
        ) : (
          <p>{t('regulator.decision.none')}</p>
        )}
        {view.fineCollectedBdt !== null && <p>{t('regulator.fine.collected', { amount: bdt(view.fineCollectedBdt) })}</p>}
        {view.complainantShareBdt !== null && <p className="r-share">{t('regulator.fine.share', { amount: bdt(view.complainantShareBdt) })}</p>}
      </section>

      <section aria-labelledby="r-act-h">
        <h2 id="r-act-h">{t('regulator.actions')}</h2>
        <Actions view={view} post={post} officers={officers} />
      </section>

      <section className="card" aria-labelledby="r-order-h">
        <h2 id="r-order-h">{t('regulator.case.order')}</h2>
        <dl className="r-dl">
          <dt>{t('regulator.case.orderNumber')}</dt>
          <dd>
            {view.order.number} {view.orderConfirmed && <OrderConfirmed />}
          </dd>
          <dt>{t('regulator.case.orderDate')}</dt>
          <dd>{date(day(view.order.date))}</dd>
          <dt>{t('regulator.case.amount')}</dt>
          <dd>{bdt(view.order.amountBdt)}</dd>
          <dt>{t('regulator.case.payment')}</dt>
          <dd>{t(`regulator.pay.${view.order.paymentChannel}` as UiKey)}</dd>
          <dt>{t('regulator.case.problem')}</dt>
          <dd>{t(`regulator.cat.${view.problemCategory}` as UiKey)}</dd>
          <dt>{t('regulator.case.wanted')}</dt>
          <dd>{t(`regulator.remedy.${view.wantedRemedy}` as UiKey)}</dd>
        </dl>
        <h3>{t('regulator.case.description')}</h3>
        <p className="r-pre">{view.description}</p>
        <h3>{t('regulator.case.preChecks')}</h3>
        <dl className="r-dl">
          <dt>{t('regulator.case.contacted')}</dt>
          <dd>
            {pc.contactedMerchant ? t('regulator.case.yes') : t('regulator.case.no')}
            {pc.contactedOn && ` (${t('regulator.case.contactedOn', { date: date(day(pc.contactedOn)) })})`}
          </dd>
          <dt>{t('regulator.case.remedyReceived')}</dt>
          <dd>{t(`regulator.received.${pc.remedyReceived ?? 'none'}` as UiKey)}</dd>
          {pc.problemDate && (
            <>
              <dt>{t('regulator.case.problemDate')}</dt>
              <dd>{date(day(pc.problemDate))}</dd>
            </>
          )}
        </dl>
        <p className={view.regulatorWindow.open ? undefined : 'overdue'}>{t(view.regulatorWindow.open ? 'regulator.case.windowOpen' : 'regulator.case.windowClosed', { date: date(day(view.regulatorWindow.lastDay)) })}</p>
      </section>

      {view.policy && <PolicySection code={view.trackingCode} state={view.state} policy={view.policy} post={post} />}

      <section aria-labelledby="r-ev-h">
        <h2 id="r-ev-h">{t('regulator.evidence')}</h2>
        {view.evidence.length === 0 ? (
          <p>{t('regulator.evidence.none')}</p>
        ) : (
          <ul className="r-evidence-list">
            {view.evidence.map((ev) => (
              <EvidenceItem key={ev.id} code={view.trackingCode} ev={ev} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="r-tl-h">
        <h2 id="r-tl-h">{t('regulator.timeline')}</h2>
        <ol className="r-timeline">
          {view.timeline.map((e) => {
            const detail = eventDetail(t, e, names, i18n);
            return (
              <li key={e.seq} className={broken && e.seq >= broken.seq ? 'r-tl-broken' : undefined}>
                <p>
                  <strong>
                    {number(e.seq)}. {t(`regulator.event.${e.type}` as UiKey)}
                  </strong>{' '}
                  <span className="muted">
                    {dateTime(e.at)} · {t('regulator.timeline.by', { who: t(`regulator.role.${e.actorRole}` as UiKey) })} · {t(`state.${e.toState}` as MessageKey)}
                  </span>
                </p>
                {detail && <p className="r-pre">{detail}</p>}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
