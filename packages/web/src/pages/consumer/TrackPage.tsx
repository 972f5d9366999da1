// Tracking (/t/<code>, the link in every SMS): the state, who acts next and by when, the
// timeline in plain words, the seller's answer with accept / reject, the remedy check, what
// the rules say (with a fact learnt later added by the consumer), evidence, withdrawal and the
// closing rating. Buttons follow the view's `actions`.
import { ActiveContentWarning } from '../../ActiveContentWarning.tsx';
import { STATE_INFO, type State, type WireFactKey, parseTrackingCode } from '@nalish/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrderConfirmed } from '../../OrderConfirmed.tsx';
import type { UiKey } from '../../i18n/en.ts';
import { FactPicker, valueError } from '../../policy/FactInput.tsx';
import { FindingsList, RuleSetLine } from '../../policy/Findings.tsx';
import { type PolicyView, decided, toWire } from '../../policy/model.ts';
import { Field, OtpSignIn, Stars, aria, errorText, fieldMessage, focusFirstError } from './shared.tsx';

interface View {
  trackingCode: string;
  version: number;
  state: string;
  owner: string | null;
  dueAt: string | null;
  overdue: boolean;
  merchant: { id: string; name: string } | null;
  order: { number: string; amountBdt: number };
  orderConfirmed?: boolean;
  response: { kind: 'offer' | 'defence'; remedy?: string; amountBdt?: number; byDate?: string; message: string } | null;
  regulatorWindow: { lastDay: string; open: boolean };
  hearing: { at: string; mode: 'online' | 'in_person'; place: string } | null;
  decision: { outcome: 'upheld' | 'dismissed'; fineBdt: number; reasons: string; order?: string } | null;
  fineCollectedBdt: number | null;
  complainantShareBdt: number | null;
  rating: number | null;
  actions: string[];
  timeline: { seq: number; type: string; actorRole: string; at: string; payload: unknown }[];
  evidence: { id: string; filename: string; mediaType: string; activeContent?: string[]; uploadedBy: string; createdAt: string }[];
  policy: PolicyView | null;
}

type Load = { kind: 'loading' } | { kind: 'signin' } | { kind: 'notfound' } | { kind: 'error'; message: string } | { kind: 'ok'; view: View };

export default function TrackPage({ params }: { params: Record<string, string> }) {
  const { t, locale, date, dateTime, bdt, number } = useI18n();
  const code = parseTrackingCode(params.code ?? '') ?? params.code ?? '';
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [phone, setPhone] = useState('');
  const [msg, setMsg] = useState('');
  const [err, setErr] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<'' | 'reject' | 'unfulfilled' | 'withdraw'>('');
  const [reason, setReason] = useState('');
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [fact, setFact] = useState<{ key: WireFactKey | ''; value: string }>({ key: '', value: '' });
  const heading = useRef<HTMLHeadingElement>(null);
  const digits = (s: string) => (locale === 'bn' ? s.replace(/\d/g, (x) => number(Number(x))) : s);

  const reload = useCallback(async () => {
    try {
      const view = await api<View>('GET', `/api/v1/complaints/${encodeURIComponent(code)}`);
      setLoad({ kind: 'ok', view });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setLoad({ kind: 'signin' });
      else if (e instanceof ApiError && (e.status === 404 || e.status === 403)) setLoad({ kind: 'notfound' });
      else setLoad({ kind: 'error', message: errorText(t, e) });
    }
  }, [code, t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // The add-a-fact form's first field in error takes the focus once it is shown.
  useEffect(() => {
    if (err.fact || err.factValue) document.querySelector<HTMLElement>('.policy-form [aria-invalid="true"]')?.focus();
  }, [err]);

  async function act(action: string, body: Record<string, unknown>, field?: string, done: UiKey = 'consumer.track.done'): Promise<boolean> {
    if (load.kind !== 'ok') return false;
    setBusy(true);
    setErr({});
    setMsg('');
    try {
      const view = await api<View>('POST', `/api/v1/complaints/${encodeURIComponent(code)}/${action}`, { body: { ...body, expectedVersion: load.view.version }, locale });
      setLoad({ kind: 'ok', view });
      setOpen('');
      setReason('');
      setMsg(t(done));
      heading.current?.focus();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') {
        await reload();
        setMsg(t('consumer.track.conflict'));
      } else if (e instanceof ApiError && e.details.fields?.length && field) {
        setErr({ [field]: fieldMessage(t, field, e.details.fields[0]!.code) });
        focusFirstError();
      } else setErr({ form: errorText(t, e) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** A fact the consumer learnt after filing: the rules run again on the server. */
  async function addFact() {
    const e: Record<string, string> = {};
    const wire = fact.key ? toWire(fact.key, fact.value) : null;
    if (!fact.key) e.fact = t('policy.form.err.fact');
    else if (wire && !wire.ok) e.factValue = valueError(t, wire.error);
    setErr(e);
    if (!fact.key || !wire?.ok) return;
    if (await act('policy/facts', { facts: { [fact.key]: wire.value }, evidenceIds: [] }, 'factValue', 'consumer.track.factAdded')) setFact({ key: '', value: '' });
  }

  async function upload(files: FileList | null) {
    if (!files) return;
    setErr({});
    setMsg('');
    for (const f of Array.from(files)) {
      const form = new FormData();
      form.append('file', f, f.name);
      try {
        await api('POST', `/api/v1/complaints/${encodeURIComponent(code)}/evidence`, { form, locale });
        setMsg(t('consumer.track.uploaded', { name: f.name }));
      } catch (e) {
        setErr({ file: errorText(t, e) });
      }
    }
    await reload();
  }

  const title = <h1 ref={heading} tabIndex={-1}>{t('consumer.track.title', { code: digits(code) })}</h1>;
  if (load.kind === 'loading') return <div className="stack consumer-track">{title}<p role="status">{t('common.loading')}</p></div>;
  if (load.kind === 'signin')
    return (
      <div className="stack consumer-track">
        {title}
        <p>{t('consumer.track.signIn')}</p>
        <OtpSignIn idPrefix="track" phone={phone} setPhone={setPhone} onSignedIn={() => void reload()} />
      </div>
    );
  if (load.kind === 'notfound') return <div className="stack consumer-track">{title}<p role="alert">{t('consumer.track.notFound')}</p></div>;
  if (load.kind === 'error')
    return (
      <div className="stack consumer-track">
        {title}
        <p role="alert" className="error">{load.message}</p>
        <button type="button" onClick={() => void reload()}>{t('common.retry')}</button>
      </div>
    );

  const v = load.view;
  const can = (a: string) => v.actions.includes(a);
  const who = (role: string) => t(`consumer.who.${role}` as UiKey);
  const sentence = (e: View['timeline'][number]) => {
    let key = `consumer.ev.${e.type}`;
    if (e.type === 'respond') key = (e.payload as { kind?: string })?.kind === 'defence' ? 'consumer.ev.respond.defence' : 'consumer.ev.respond.offer';
    const text = t(key as UiKey, { who: who(e.actorRole) });
    return text === key ? t('consumer.ev.other') : text;
  };
  const ratingComment = (v.timeline.findLast((e) => e.type === 'rate')?.payload as { comment?: string } | undefined)?.comment;
  const owner = v.owner === 'merchant' || v.owner === 'consumer' || v.owner === 'regulator' || v.owner === 'system' ? v.owner : null;
  const policy = v.policy;
  const canStateFacts = Boolean(policy && policy.statable.length > 0 && !STATE_INFO[v.state as State]?.terminal);
  const next = !owner ? t('consumer.track.next.none') : owner === 'system' || !v.dueAt ? t('consumer.track.next.system') : t(`consumer.track.next.${owner}`, { date: dateTime(v.dueAt) });

  return (
    <div className="stack consumer-track">
      {title}
      {v.merchant && <p className="muted">{t('consumer.track.against', { merchant: v.merchant.name })} · {t('consumer.track.order', { number: v.order.number, amount: bdt(v.order.amountBdt) })}</p>}
      {v.orderConfirmed && (
        <p>
          <OrderConfirmed />
        </p>
      )}
      <p>
        <span className="sr">{t('consumer.track.state')}: </span>
        <span className="state-label">{t(`state.${v.state}` as UiKey)}</span>
      </p>
      {msg && <p className="notice info" role="status">{msg}</p>}
      {err.form && <p className="error" role="alert">{err.form}</p>}
      <section className="card" aria-labelledby="t-next">
        <h2 id="t-next">{t('consumer.track.next')}</h2>
        <p>
          {next} {v.overdue && owner && <strong className="overdue">{t('consumer.track.overdue')}</strong>}
        </p>
        {/* The 30-day limit matters only until the regulator has the complaint. */}
        {!v.hearing && !v.decision && (
          <p className="muted small">{t('consumer.track.window', { date: date(`${v.regulatorWindow.lastDay}T12:00:00+06:00`) })}</p>
        )}
      </section>

      {v.decision && (
        <section className="card" aria-labelledby="t-decision">
          <h2 id="t-decision">{t('consumer.track.decision')}</h2>
          <p>
            <strong>{t(v.decision.outcome === 'upheld' ? 'consumer.track.upheld' : 'consumer.track.dismissed')}</strong>
          </p>
          {v.decision.fineBdt > 0 && <p>{t('consumer.track.fine', { amount: bdt(v.decision.fineBdt) })}</p>}
          <h3>{t('consumer.track.reasons')}</h3>
          <blockquote className="quote">{v.decision.reasons}</blockquote>
          {v.decision.order && (
            <>
              <h3>{t('consumer.track.decisionOrder')}</h3>
              <blockquote className="quote">{v.decision.order}</blockquote>
            </>
          )}
          {v.fineCollectedBdt !== null && v.complainantShareBdt !== null && (
            <p>
              <strong>{t('consumer.track.share', { collected: bdt(v.fineCollectedBdt), share: bdt(v.complainantShareBdt) })}</strong>
            </p>
          )}
        </section>
      )}

      {v.hearing && (
        <section className="card" aria-labelledby="t-hearing">
          <h2 id="t-hearing">{t('consumer.track.hearing')}</h2>
          <p>{t('consumer.track.hearingWhen', { when: dateTime(v.hearing.at), mode: t(v.hearing.mode === 'online' ? 'hearing.online' : 'hearing.in_person') })}</p>
          <p>{t('consumer.track.hearingPlace', { place: v.hearing.place })}</p>
        </section>
      )}

      {v.response && (
        <section className="card" aria-labelledby="t-response">
          <h2 id="t-response">{t('consumer.track.response')}</h2>
          {v.response.kind === 'offer' ? (
            <>
              <p><strong>{t('consumer.track.offer', { remedy: t(`consumer.remedy.${v.response.remedy ?? 'other'}` as UiKey) })}</strong></p>
              {v.response.amountBdt !== undefined && <p>{t('consumer.track.offerAmount', { amount: bdt(v.response.amountBdt) })}</p>}
              {v.response.byDate && <p>{t('consumer.track.offerBy', { date: date(v.response.byDate) })}</p>}
            </>
          ) : (
            <p><strong>{t('consumer.track.defence')}</strong></p>
          )}
          <blockquote className="quote">{v.response.message}</blockquote>
          {(can('accept') || can('reject')) && (
            <div className="actions">
              {can('accept') && (
                <button type="button" className="primary" disabled={busy} onClick={() => void act('accept', {})}>
                  {t('consumer.track.accept')}
                </button>
              )}
              {can('reject') && open !== 'reject' && (
                <button type="button" disabled={busy} onClick={() => setOpen('reject')}>
                  {t('consumer.track.reject')}
                </button>
              )}
            </div>
          )}
          {open === 'reject' && (
            <ReasonForm id="t-reject" label={t('consumer.track.rejectReason')} submit={t('consumer.track.rejectSend')} value={reason} setValue={setReason} error={err.reason} busy={busy} onCancel={() => setOpen('')} onSubmit={() => (reason.trim().length < 3 ? (setErr({ reason: t('consumer.err.reason') }), focusFirstError()) : void act('reject', { reason }, 'reason'))} />
          )}
        </section>
      )}

      {(can('confirm_fulfilled') || can('report_unfulfilled')) && (
        <section className="card actions" aria-label={t('consumer.track.confirm')}>
          {can('confirm_fulfilled') && (
            <button type="button" className="primary" disabled={busy} onClick={() => void act('confirm-fulfilled', {})}>
              {t('consumer.track.confirm')}
            </button>
          )}
          {can('report_unfulfilled') && open !== 'unfulfilled' && (
            <button type="button" disabled={busy} onClick={() => setOpen('unfulfilled')}>
              {t('consumer.track.unfulfilled')}
            </button>
          )}
          {open === 'unfulfilled' && (
            <ReasonForm id="t-unfulfilled" label={t('consumer.track.unfulfilledReason')} submit={t('consumer.track.unfulfilledSend')} value={reason} setValue={setReason} error={err.reason} busy={busy} onCancel={() => setOpen('')} onSubmit={() => (reason.trim().length < 3 ? (setErr({ reason: t('consumer.err.reason') }), focusFirstError()) : void act('report-unfulfilled', { reason }, 'reason'))} />
          )}
        </section>
      )}

      {can('rate') && (
        <form
          className="card"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (stars < 1) return;
            void act('rate', { stars, ...(comment.trim() ? { comment: comment.trim() } : {}) }, 'comment');
          }}
        >
          <h2 id="t-rate">{t('consumer.track.rate')}</h2>
          <Stars value={stars} onChange={setStars} name={t('consumer.track.rate')} />
          <Field id="t-comment" label={t('consumer.track.comment')} error={err.comment}>
            <textarea {...aria('t-comment', err.comment)} value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />
          </Field>
          <button type="submit" className="primary" disabled={busy || stars < 1}>
            {t('consumer.track.rateSend')}
          </button>
        </form>
      )}
      {v.rating !== null && (
        <p className="rated">
          <span aria-hidden="true">{'★'.repeat(v.rating)}{'☆'.repeat(5 - v.rating)}</span> {t('consumer.track.stars', { n: v.rating })}
          {ratingComment ? ` — ${ratingComment}` : ''}
        </p>
      )}

      {policy && (
        <section className="card" aria-labelledby="t-policy">
          <h2 id="t-policy">{t('policy.title')}</h2>
          <p className="small muted">{t('policy.lead')}</p>
          {policy.findings.length === 0 ? <p>{t('policy.none')}</p> : <FindingsList findings={policy.findings} facts={policy} isPrimary={decided} />}
          <RuleSetLine p={policy} />
          {canStateFacts && (
            <form
              className="policy-form"
              noValidate
              aria-labelledby="t-addfact"
              onSubmit={(e) => {
                e.preventDefault();
                void addFact();
              }}
            >
              <h3 id="t-addfact">{t('consumer.track.addFact')}</h3>
              <p className="muted small">{t('consumer.track.addFactLead')}</p>
              <FactPicker idPrefix="t-fact" facts={policy.statable} fact={fact.key} value={fact.value} onChange={(key, value) => setFact({ key, value })} errors={{ fact: err.fact, value: err.factValue }} policy={policy} />
              <button type="submit" className="primary" disabled={busy}>
                {t('consumer.track.addFactSend')}
              </button>
            </form>
          )}
        </section>
      )}

      <section aria-labelledby="t-timeline">
        <h2 id="t-timeline">{t('consumer.track.timeline')}</h2>
        <ol className="timeline">
          {v.timeline.map((e) => (
            <li key={e.seq}>
              {sentence(e)}
              <time dateTime={e.at}>{dateTime(e.at)}</time>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="t-evidence">
        <h2 id="t-evidence">{t('consumer.track.evidence')}</h2>
        {v.evidence.length > 0 && (
          <ul className="evidence-list">
            {v.evidence.map((e) => (
              <li key={e.id}>
                <a href={`/api/v1/complaints/${v.trackingCode}/evidence/${e.id}`}>{e.filename}</a> <span className="muted small">({who(e.uploadedBy === 'consumer' || e.uploadedBy === 'merchant' || e.uploadedBy === 'officer' ? e.uploadedBy : 'system')}, {date(e.createdAt)})</span>
                <ActiveContentWarning kinds={e.activeContent} />
              </li>
            ))}
          </ul>
        )}
        {v.actions.length > 0 && (
          <>
            <label className="button file-button" htmlFor="t-file">{t('consumer.track.addEvidence')}</label>
            <input id="t-file" className="file-input" type="file" accept="image/*,application/pdf" onChange={(e) => void upload(e.target.files).then(() => (e.target.value = ''))} />
            {err.file && <p className="error" role="alert">{err.file}</p>}
          </>
        )}
      </section>

      {can('withdraw') && (
        <section className="card" aria-label={t('consumer.track.withdraw')}>
          {open !== 'withdraw' ? (
            <button type="button" className="danger" onClick={() => setOpen('withdraw')}>
              {t('consumer.track.withdraw')}
            </button>
          ) : (
            <div role="alertdialog" aria-labelledby="t-wd-q" className="stack">
              <p id="t-wd-q"><strong>{t('consumer.track.withdrawConfirm')}</strong></p>
              <div className="step-nav">
                <button type="button" onClick={() => setOpen('')} autoFocus>{t('common.cancel')}</button>
                <button type="button" className="danger solid" disabled={busy} onClick={() => void act('withdraw', {})}>{t('consumer.track.withdrawYes')}</button>
              </div>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function ReasonForm(p: { id: string; label: string; submit: string; value: string; setValue(v: string): void; error?: string; busy: boolean; onCancel(): void; onSubmit(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <Field id={p.id} label={p.label} error={p.error}>
        <textarea ref={ref} {...aria(p.id, p.error)} rows={3} value={p.value} onChange={(e) => p.setValue(e.target.value)} />
      </Field>
      <div className="step-nav">
        <button type="button" onClick={p.onCancel}>{t('common.cancel')}</button>
        <button type="submit" className="primary" disabled={p.busy}>{p.submit}</button>
      </div>
    </form>
  );
}
