// The guided filing flow, one question group per screen on a 360×640 phone: mobile number and
// SMS code, the seller, the order, payment and delivery (with what the rules say about them,
// worked out by the server as the consumer answers), the pre-checks (with the regulator's
// 30-day limit said plainly), what happened, evidence, a review and the confirmation with the
// tracking code.
import {
  CATEGORIES,
  type ConsumerFacts,
  DISTRICTS,
  type FileComplaintInput,
  FileComplaintSchema,
  MerchantRefSchema,
  PAYMENT_CHANNELS,
  REMEDY_RECEIVED,
  WANTED_REMEDIES,
  dhakaDate,
  factsFromFiling,
  regulatorWindow,
  toWesternDigits,
} from '@nalish/domain';
import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { UiKey } from '../../i18n/en.ts';
import { Link } from '../../router.tsx';
import { FindingsList } from '../../policy/Findings.tsx';
import { type Evaluation, type Finding, REFUND_REASONS, outcomeOf, parseAmount } from '../../policy/model.ts';
import { useEvaluation } from '../../policy/useEvaluation.ts';
import { type Draft, type DraftEvidence, type DraftFacts, type Filed, type Outbound, clearDraft, clearOutbox, dataUrlToBlob, emptyDraft, loadDraft, loadFiled, loadOutbox, readAsDataUrl, saveDraft, saveFiled, saveOutbox } from './draft.ts';
import { useEmbed } from './embed.ts';
import { type Errors, Field, OtpSignIn, apiFieldErrors, aria, currentConsumer, errorText, fieldMessage, focusFirstError, useHeadingFocus } from './shared.tsx';

const TOTAL = 8;
const REGULATOR_LIMIT_DAYS = 30;
const MAX_BYTES = 10 * 1024 * 1024;
const STEP_TITLES: UiKey[] = ['consumer.step.phone', 'consumer.step.merchant', 'consumer.step.order', 'consumer.step.facts', 'consumer.step.prechecks', 'consumer.step.about', 'consumer.step.evidence', 'consumer.step.review', 'consumer.step.done'];

const today = () => dhakaDate(new Date());
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const previews = new Map<string, string>();
function previewUrl(ev: DraftEvidence): string | null {
  let url = previews.get(ev.id);
  if (!url && ev.data) {
    url = URL.createObjectURL(dataUrlToBlob(ev.data));
    previews.set(ev.id, url);
  }
  return url ?? null;
}

function merchantRef(d: Draft) {
  if (d.merchant.id) return { id: d.merchant.id };
  const m: { name?: string; website?: string; facebookPage?: string } = {};
  if (d.merchant.name.trim()) m.name = d.merchant.name.trim();
  if (d.merchant.website.trim()) m.website = d.merchant.website.trim();
  if (d.merchant.facebookPage.trim()) m.facebookPage = d.merchant.facebookPage.trim();
  return m;
}

/** The refund questions matter when money is owed back. */
const refundAsked = (d: Draft) => d.category === 'refund_not_paid' || d.wantedRemedy === 'refund';

/** The consumer's answers as policy facts: '' (I don't know) is left out; "not yet" is null. */
function consumerFacts(d: Draft): ConsumerFacts {
  const f = d.facts;
  const out: ConsumerFacts = {};
  if (d.order.paymentChannel !== 'cod' && DATE.test(f.paidOn)) out.paymentDate = f.paidOn;
  if (f.delivered === 'no') out.deliveredAt = null;
  else if (f.delivered === 'yes' && DATE.test(f.deliveredOn)) out.deliveredAt = f.deliveredOn;
  if (f.sameCity) out.sameCity = f.sameCity === 'yes';
  if (refundAsked(d)) {
    const reason = REFUND_REASONS.find((r) => r === f.refundReason);
    if (reason) out.refundDueReason = reason;
    if (f.refunded === 'no') out.refundedAt = null;
    else if (f.refunded === 'yes') {
      if (DATE.test(f.refundedOn)) out.refundedAt = f.refundedOn;
      const amount = parseAmount(f.refundedAmount);
      if (amount !== null) out.refundedAmountBdt = amount;
    }
  }
  return out;
}

/**
 * The facts the server will store at filing, from what is typed so far: the same derivation
 * (factsFromFiling) over the fields that are already valid, so the findings shown now are the
 * ones the complaint will carry.
 */
function evaluationFacts(d: Draft): Record<string, unknown> {
  const amount = Number(toWesternDigits(d.order.amount).replace(/[,\s৳]/g, ''));
  const input = {
    order: {
      date: DATE.test(d.order.date) ? d.order.date : undefined,
      paymentChannel: (PAYMENT_CHANNELS as readonly string[]).includes(d.order.paymentChannel) ? d.order.paymentChannel : undefined,
      amountBdt: d.order.amount.trim() && Number.isInteger(amount) && amount >= 0 ? amount : undefined,
    },
    preChecks: {
      contactedMerchant: d.pre.contacted === 'yes',
      contactedOn: DATE.test(d.pre.contactedOn) ? d.pre.contactedOn : undefined,
      problemDate: DATE.test(d.pre.problemDate) ? d.pre.problemDate : undefined,
    },
    facts: consumerFacts(d),
  } as unknown as FileComplaintInput;
  return Object.fromEntries(Object.entries(factsFromFiling(input)).filter(([, v]) => v !== undefined));
}

function toBody(d: Draft, locale: 'bn' | 'en') {
  const amount = toWesternDigits(d.order.amount).replace(/[,\s৳]/g, '');
  const facts = consumerFacts(d);
  return {
    merchant: merchantRef(d),
    order: { number: d.order.number, date: d.order.date, amountBdt: amount === '' ? NaN : Number(amount), paymentChannel: d.order.paymentChannel },
    category: d.category,
    description: d.description,
    wantedRemedy: d.wantedRemedy,
    preChecks: {
      contactedMerchant: d.pre.contacted === 'yes' ? true : d.pre.contacted === 'no' ? false : undefined,
      ...(d.pre.contacted === 'yes' && d.pre.contactedOn ? { contactedOn: d.pre.contactedOn } : {}),
      remedyReceived: d.pre.remedyReceived,
      problemDate: d.pre.problemDate,
    },
    ...(Object.keys(facts).length ? { facts } : {}),
    consumer: { name: d.name, district: d.district, locale, ...(d.email.trim() ? { email: d.email.trim() } : {}) },
    ...(d.orderContext ? { orderContext: d.orderContext } : {}),
  };
}

function zodErrors(t: ReturnType<typeof useI18n>['t'], issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix: string): Errors {
  const out: Errors = {};
  for (const i of issues) {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    out[path] ??= fieldMessage(t, path, i.message);
  }
  return out;
}

function stepOfPath(path: string): number {
  if (path.startsWith('merchant')) return 2;
  if (path.startsWith('order') || path === 'category' || path === 'wantedRemedy') return 3;
  if (path.startsWith('facts')) return 4;
  if (path.startsWith('preChecks')) return 5;
  if (path === 'file') return 7;
  return 6;
}

/** Client-side checks of one step with the domain schema's pieces. */
function validateStep(step: number, d: Draft, t: ReturnType<typeof useI18n>['t'], locale: 'bn' | 'en'): Errors {
  const body = toBody(d, locale);
  const S = FileComplaintSchema.shape;
  let e: Errors = {};
  if (step === 2) {
    const r = MerchantRefSchema.safeParse(body.merchant);
    if (!d.merchant.id && !d.merchant.name.trim()) e['merchant.name'] = t('consumer.err.merchant.name');
    if (!r.success) {
      const z = zodErrors(t, r.error.issues, 'merchant');
      if (z.merchant) e.merchant = t('consumer.merchant.required');
      e = { ...e, ...z };
      delete e.merchant;
      if (!d.merchant.id && !z['merchant.website'] && !z['merchant.facebookPage'] && !d.merchant.website && !d.merchant.facebookPage) e['merchant.website'] = t('consumer.merchant.required');
    }
  }
  if (step === 3) {
    const r = S.order.safeParse(body.order);
    if (!r.success) e = zodErrors(t, r.error.issues, 'order');
    if (!S.category.safeParse(body.category).success) e.category = t('consumer.err.category');
    if (!S.wantedRemedy.safeParse(body.wantedRemedy).success) e.wantedRemedy = t('consumer.err.wantedRemedy');
    if (!e['order.date'] && d.order.date > today()) e['order.date'] = t('consumer.err.future');
  }
  if (step === 4) {
    const f = d.facts;
    const future = (path: string, date: string) => {
      if (date && date > today()) e[path] = t('consumer.err.future');
    };
    if (d.order.paymentChannel !== 'cod') future('facts.paymentDate', f.paidOn);
    if (f.delivered === 'yes') future('facts.deliveredAt', f.deliveredOn);
    if (refundAsked(d) && f.refunded === 'yes') {
      future('facts.refundedAt', f.refundedOn);
      if (f.refundedAmount.trim() && parseAmount(f.refundedAmount) === null) e['facts.refundedAmountBdt'] = t('consumer.err.facts.refundedAmountBdt');
    }
  }
  if (step === 5) {
    const r = S.preChecks.safeParse(body.preChecks);
    if (!r.success) e = zodErrors(t, r.error.issues, 'preChecks');
    if (d.pre.contacted === 'yes' && !d.pre.contactedOn) e['preChecks.contactedOn'] ??= t('consumer.err.preChecks.contactedOn');
    if (!e['preChecks.problemDate'] && d.pre.problemDate > today()) e['preChecks.problemDate'] = t('consumer.err.future');
    else if (!e['preChecks.problemDate'] && d.order.date && d.pre.problemDate < d.order.date) e['preChecks.problemDate'] = t('consumer.err.beforeOrder');
    if (!e['preChecks.contactedOn'] && d.pre.contacted === 'yes' && d.pre.contactedOn > today()) e['preChecks.contactedOn'] = t('consumer.err.future');
  }
  if (step === 6) {
    const r1 = S.description.safeParse(body.description);
    if (!r1.success) e.description = t('consumer.err.description');
    const r2 = S.consumer.safeParse(body.consumer);
    if (!r2.success) e = { ...e, ...zodErrors(t, r2.error.issues, 'consumer') };
  }
  return e;
}

export default function FilePage(_props: { params: Record<string, string> }) {
  const { t, locale, date, bdt, number } = useI18n();
  const embed = useEmbed();
  const [d, setD] = useState<Draft>(loadDraft);
  // In the widget, an order the shop signed is shown as the shop sent it.
  const orderLocked = Boolean(embed && d.orderContext);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [signedIn, setSignedIn] = useState<string | null>(null);
  const [filed, setFiled] = useState<Filed | null>(loadFiled);
  const [queued, setQueued] = useState<boolean>(() => loadOutbox() !== null);
  const [sending, setSending] = useState('');
  const [results, setResults] = useState<{ id: string; name: string; registered: boolean }[] | null>(null);
  const [q, setQ] = useState('');
  const busy = useRef(false);
  const step = filed ? 9 : d.step;
  const heading = useHeadingFocus(step);
  // What the rules say, on the payment-and-delivery step and the review.
  const evaluation = useEvaluation(step === 4 || step === 8 ? evaluationFacts(d) : null);

  const update = (f: (d: Draft) => Draft) =>
    setD((old) => {
      const n = f(old);
      saveDraft(n);
      return n;
    });
  const goto = (s: number) => {
    setErrors({});
    setFormError('');
    update((x) => ({ ...x, step: s }));
  };

  useEffect(() => {
    void currentConsumer().then((p) => {
      if (p) {
        setSignedIn(p);
        setD((x) => (x.step === 1 ? { ...x, step: 2 } : x));
      } else if (p === null) {
        setD((x) => (x.step > 1 && !loadOutbox() ? { ...x, step: 1 } : x));
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A complaint queued while offline goes out when the connection returns.
  useEffect(() => {
    const flush = () => {
      const o = loadOutbox();
      if (o && navigator.onLine) void deliver(o, true);
    };
    window.addEventListener('online', flush);
    flush();
    return () => window.removeEventListener('online', flush);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function deliver(o: Outbound, fromQueue: boolean) {
    if (busy.current) return;
    busy.current = true;
    setFormError('');
    setSending(fromQueue ? t('consumer.queue.sending') : t('consumer.review.sending'));
    try {
      if (!o.code) {
        const v = await api<{ trackingCode: string; dueAt: string | null }>('POST', '/api/v1/complaints', { body: o.body, locale });
        o = { ...o, code: v.trackingCode, dueAt: v.dueAt };
        saveOutbox(o);
      }
      let failed = false;
      const total = o.evidence.length;
      for (const [i, ev] of [...o.evidence].entries()) {
        setSending(t('consumer.review.uploading', { done: i + 1, total }));
        if (ev.data) {
          const form = new FormData();
          form.append('file', dataUrlToBlob(ev.data), ev.name);
          try {
            await api('POST', `/api/v1/complaints/${o.code}/evidence`, { form, locale });
          } catch (e) {
            if (e instanceof ApiError && e.offline) throw e;
            failed = true;
          }
        } else failed = true;
        o = { ...o, evidence: o.evidence.filter((x) => x.id !== ev.id) };
        saveOutbox(o);
      }
      const f: Filed = { code: o.code!, phone: o.phone, dueAt: o.dueAt ?? null, evidenceFailed: failed };
      saveFiled(f);
      clearOutbox();
      clearDraft();
      setD(emptyDraft());
      setQueued(false);
      setFiled(f);
    } catch (e) {
      if (e instanceof ApiError && e.offline) {
        saveOutbox(o);
        setQueued(true);
      } else {
        clearOutbox();
        setQueued(false);
        const fe = apiFieldErrors(t, e);
        const paths = Object.keys(fe);
        if (paths.length) {
          setErrors(fe);
          update((x) => ({ ...x, step: stepOfPath(paths[0]!) }));
          setFormError(t('consumer.file.fixErrors'));
          setTimeout(focusFirstError, 50);
        } else if (e instanceof ApiError && e.status === 401) {
          setSignedIn(null);
          update((x) => ({ ...x, step: 1 }));
        } else setFormError(errorText(t, e));
      }
    } finally {
      busy.current = false;
      setSending('');
    }
  }

  function next(from: number) {
    const e = validateStep(from, d, t, locale);
    setErrors(e);
    if (Object.keys(e).length) {
      setFormError(t('consumer.file.fixErrors'));
      focusFirstError();
      return;
    }
    goto(from + 1);
  }

  function submit() {
    for (const s of [2, 3, 4, 5, 6]) {
      const e = validateStep(s, d, t, locale);
      if (Object.keys(e).length) {
        setErrors(e);
        update((x) => ({ ...x, step: s }));
        setFormError(t('consumer.file.fixErrors'));
        focusFirstError();
        return;
      }
    }
    const o: Outbound = { body: FileComplaintSchema.parse(toBody(d, locale)), phone: signedIn ?? d.phone, evidence: d.evidence };
    if (!navigator.onLine) {
      saveOutbox(o);
      setQueued(true);
      return;
    }
    void deliver(o, false);
  }

  async function search() {
    if (q.trim().length < 2) return;
    try {
      const r = await api<{ items: { id: string; name: string; registered: boolean }[] }>('GET', `/api/v1/merchants?q=${encodeURIComponent(q.trim())}`);
      setResults(r.items);
      setFormError('');
    } catch (e) {
      setFormError(errorText(t, e));
    }
  }

  async function addFiles(files: FileList | null) {
    if (!files) return;
    const problems: string[] = [];
    const added: DraftEvidence[] = [];
    for (const f of Array.from(files)) {
      if (d.evidence.length + added.length >= 10) {
        problems.push(t('consumer.ev.limit'));
        break;
      }
      if (f.size > MAX_BYTES) {
        problems.push(t('consumer.ev.tooLarge', { name: f.name }));
        continue;
      }
      const id = crypto.randomUUID();
      previews.set(id, URL.createObjectURL(f));
      added.push({ id, name: f.name, type: f.type, size: f.size, data: await readAsDataUrl(f) });
    }
    setErrors(problems.length ? { file: problems.join(' ') } : {});
    update((x) => ({ ...x, evidence: [...x.evidence, ...added] }));
  }

  const err = (p: string) => errors[p];
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => update((x) => ({ ...x, [k]: v }));
  const nav = (s: number, nextLabel: UiKey = 'common.next') => (
    <div className="step-nav">
      {s > 2 || (s === 2 && !signedIn) ? (
        <button type="button" onClick={() => goto(s - 1)}>
          {t('common.back')}
        </button>
      ) : (
        <span />
      )}
      <button type="submit" className="primary">
        {t(nextLabel)}
      </button>
    </div>
  );
  const form = (s: number, body: React.ReactNode, onSubmit = () => next(s)) => (
    <form
      noValidate
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {body}
      {nav(s, s === 8 ? 'consumer.review.send' : 'common.next')}
    </form>
  );

  const win = d.pre.problemDate && /^\d{4}-\d{2}-\d{2}$/.test(d.pre.problemDate) ? regulatorWindow(d.pre.problemDate, new Date(), REGULATOR_LIMIT_DAYS) : null;
  const dateOrEmpty = (s: string) => (s ? date(`${s}T12:00:00+06:00`) : '');
  const payName = (c: string) => t(`consumer.pay.${c}` as UiKey);
  const districtName = (id: string) => (DISTRICTS as Record<string, { bn: string; en: string }>)[id]?.[locale] ?? '';
  const districts = Object.entries(DISTRICTS as Record<string, { bn: string; en: string }>).sort((a, b) => a[1][locale].localeCompare(b[1][locale], locale));

  let body: React.ReactNode = null;
  if (step === 1) {
    body = (
      <div className="stack">
        <p>{t('consumer.otp.lead')}</p>
        <OtpSignIn
          phone={d.phone}
          setPhone={(p) => set('phone', p)}
          onSignedIn={(p) => {
            setSignedIn(p);
            goto(Math.max(2, loadDraft().step === 1 ? 2 : loadDraft().step));
          }}
        />
      </div>
    );
  } else if (step === 2) {
    body = d.merchant.id ? (
      form(
        2,
        <div className="card">
          <p className="chosen">{t('consumer.merchant.chosen', { name: d.merchant.name })}</p>
          <p className="muted">{d.merchant.registered ? t('consumer.merchant.registered') : t('consumer.merchant.unregistered')}</p>
          {!embed?.merchantLocked && (
            <button type="button" onClick={() => update((x) => ({ ...x, merchant: { name: '', website: '', facebookPage: '' } }))}>
              {t('consumer.merchant.change')}
            </button>
          )}
        </div>,
      )
    ) : (
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
            <input id="m-q" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
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
                    <button type="button" onClick={() => update((x) => ({ ...x, merchant: { id: m.id, name: m.name, website: '', facebookPage: '', registered: m.registered } }))}>
                      {m.name} <span className="badge">{m.registered ? t('consumer.merchant.registered') : t('consumer.merchant.unregistered')}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {form(
          2,
          <fieldset className="card">
            <legend>{t('consumer.merchant.unknown')}</legend>
            <p className="muted">{t('consumer.merchant.unknownLead')}</p>
            <Field id="m-name" label={t('consumer.merchant.name')} error={err('merchant.name')}>
              <input {...aria('m-name', err('merchant.name'))} value={d.merchant.name} onChange={(e) => update((x) => ({ ...x, merchant: { ...x.merchant, name: e.target.value } }))} />
            </Field>
            <Field id="m-web" label={t('consumer.merchant.website')} error={err('merchant.website')}>
              <input {...aria('m-web', err('merchant.website'))} inputMode="url" value={d.merchant.website} onChange={(e) => update((x) => ({ ...x, merchant: { ...x.merchant, website: e.target.value } }))} />
            </Field>
            <Field id="m-fb" label={t('consumer.merchant.facebook')} error={err('merchant.facebookPage')}>
              <input {...aria('m-fb', err('merchant.facebookPage'))} inputMode="url" value={d.merchant.facebookPage} onChange={(e) => update((x) => ({ ...x, merchant: { ...x.merchant, facebookPage: e.target.value } }))} />
            </Field>
          </fieldset>,
        )}
      </div>
    );
  } else if (step === 3) {
    body = form(
      3,
      <>
        {orderLocked && <p className="notice info">{t('consumer.embed.orderFromShop')}</p>}
        <Field id="o-number" label={t('consumer.order.number')} hint={t('consumer.order.numberHint')} error={err('order.number')}>
          <input {...aria('o-number', err('order.number'), true)} readOnly={orderLocked} value={d.order.number} onChange={(e) => update((x) => ({ ...x, order: { ...x.order, number: e.target.value } }))} />
        </Field>
        <Field id="o-date" label={t('consumer.order.date')} error={err('order.date')}>
          <input {...aria('o-date', err('order.date'))} readOnly={orderLocked} type="date" max={today()} value={d.order.date} onChange={(e) => update((x) => ({ ...x, order: { ...x.order, date: e.target.value } }))} />
        </Field>
        <Field id="o-amount" label={t('consumer.order.amount')} error={err('order.amountBdt')}>
          <input {...aria('o-amount', err('order.amountBdt'))} readOnly={orderLocked} inputMode="numeric" value={d.order.amount} onChange={(e) => update((x) => ({ ...x, order: { ...x.order, amount: e.target.value } }))} />
        </Field>
        <Field id="o-channel" label={t('consumer.order.channel')} error={err('order.paymentChannel')}>
          <select {...aria('o-channel', err('order.paymentChannel'))} disabled={orderLocked} value={d.order.paymentChannel} onChange={(e) => update((x) => ({ ...x, order: { ...x.order, paymentChannel: e.target.value } }))}>
            <option value="">{t('consumer.choose')}</option>
            {PAYMENT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {payName(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="o-category" label={t('consumer.order.category')} error={err('category')}>
          <select {...aria('o-category', err('category'))} value={d.category} onChange={(e) => set('category', e.target.value)}>
            <option value="">{t('consumer.choose')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`consumer.cat.${c}` as UiKey)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="o-remedy" label={t('consumer.order.remedy')} error={err('wantedRemedy')}>
          <select {...aria('o-remedy', err('wantedRemedy'))} value={d.wantedRemedy} onChange={(e) => set('wantedRemedy', e.target.value)}>
            <option value="">{t('consumer.choose')}</option>
            {WANTED_REMEDIES.map((c) => (
              <option key={c} value={c}>
                {t(`consumer.remedy.${c}` as UiKey)}
              </option>
            ))}
          </select>
        </Field>
      </>,
    );
  } else if (step === 4) {
    const f = d.facts;
    const setF = <K extends keyof DraftFacts>(k: K, v: DraftFacts[K]) => update((x) => ({ ...x, facts: { ...x.facts, [k]: v } }));
    const choices = <K extends 'delivered' | 'sameCity' | 'refunded'>(k: K, legend: string, options: [DraftFacts[K], UiKey][]) => (
      <fieldset>
        <legend>{legend}</legend>
        {options.map(([v, label]) => (
          <label key={v || 'unknown'} className="choice">
            <input type="radio" name={`f-${k}`} value={v} checked={f[k] === v} onChange={() => setF(k, v)} />
            {t(label)}
          </label>
        ))}
      </fieldset>
    );
    const dateField = (id: string, k: 'paidOn' | 'deliveredOn' | 'refundedOn', label: UiKey, path: string, hint?: UiKey) => (
      <Field id={id} label={t(label)} {...(hint ? { hint: t(hint) } : {})} error={err(path)}>
        <input {...aria(id, err(path), Boolean(hint))} type="date" max={today()} value={f[k]} onChange={(e) => setF(k, e.target.value)} />
      </Field>
    );
    body = form(
      4,
      <>
        <p>{t('consumer.facts.lead')}</p>
        {d.order.paymentChannel !== 'cod' && dateField('f-paidOn', 'paidOn', 'consumer.facts.paidOn', 'facts.paymentDate', 'consumer.facts.paidOnHint')}
        {choices('delivered', t('consumer.facts.delivered'), [
          ['yes', 'consumer.facts.yes'],
          ['no', 'consumer.facts.notYet'],
          ['', 'consumer.facts.dontKnow'],
        ])}
        {f.delivered === 'yes' && dateField('f-deliveredOn', 'deliveredOn', 'consumer.facts.deliveredOn', 'facts.deliveredAt')}
        {choices('sameCity', t('consumer.facts.sameCity'), [
          ['yes', 'consumer.facts.yes'],
          ['no', 'consumer.facts.no'],
          ['', 'consumer.facts.dontKnow'],
        ])}
        {refundAsked(d) && (
          <>
            <Field id="f-refundReason" label={t('consumer.facts.refundReason')}>
              <select id="f-refundReason" value={f.refundReason} onChange={(e) => setF('refundReason', e.target.value)}>
                <option value="">{t('consumer.facts.dontKnow')}</option>
                {REFUND_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`policy.reason.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
            {choices('refunded', t('consumer.facts.refunded'), [
              ['yes', 'consumer.facts.yes'],
              ['no', 'consumer.facts.notYet'],
              ['', 'consumer.facts.dontKnow'],
            ])}
            {f.refunded === 'yes' && (
              <>
                {dateField('f-refundedOn', 'refundedOn', 'consumer.facts.refundedOn', 'facts.refundedAt')}
                <Field id="f-refundedAmount" label={t('consumer.facts.refundedAmount')} error={err('facts.refundedAmountBdt')}>
                  <input {...aria('f-refundedAmount', err('facts.refundedAmountBdt'))} inputMode="numeric" value={f.refundedAmount} onChange={(e) => setF('refundedAmount', e.target.value)} />
                </Field>
              </>
            )}
          </>
        )}
        <FilingFindings evaluation={evaluation.result} pending={evaluation.pending} asked={askedFacts(d)} />
      </>,
    );
  } else if (step === 5) {
    const contactedErr = err('preChecks.contactedMerchant');
    body = form(
      5,
      <>
        <fieldset className={contactedErr ? 'has-error' : ''} aria-describedby={contactedErr ? 'pre-contacted-error' : undefined}>
          <legend>{t('consumer.pre.contacted')}</legend>
          {(['yes', 'no'] as const).map((v) => (
            <label key={v} className="choice">
              <input type="radio" name="contacted" value={v} checked={d.pre.contacted === v} aria-invalid={contactedErr && v === 'yes' ? true : undefined} onChange={() => update((x) => ({ ...x, pre: { ...x.pre, contacted: v } }))} />
              {t(`consumer.pre.${v}`)}
            </label>
          ))}
          {contactedErr && (
            <p className="error" id="pre-contacted-error">
              {contactedErr}
            </p>
          )}
        </fieldset>
        {d.pre.contacted === 'yes' && (
          <Field id="pre-contactedOn" label={t('consumer.pre.contactedOn')} error={err('preChecks.contactedOn')}>
            <input {...aria('pre-contactedOn', err('preChecks.contactedOn'))} type="date" max={today()} value={d.pre.contactedOn} onChange={(e) => update((x) => ({ ...x, pre: { ...x.pre, contactedOn: e.target.value } }))} />
          </Field>
        )}
        {d.pre.contacted === 'no' && <p className="notice">{t('consumer.pre.notContacted')}</p>}
        <fieldset>
          <legend>{t('consumer.pre.remedy')}</legend>
          {REMEDY_RECEIVED.map((v) => (
            <label key={v} className="choice">
              <input type="radio" name="remedyReceived" value={v} checked={d.pre.remedyReceived === v} onChange={() => update((x) => ({ ...x, pre: { ...x.pre, remedyReceived: v } }))} />
              {t(`consumer.pre.remedy.${v}`)}
            </label>
          ))}
        </fieldset>
        <Field id="pre-problemDate" label={t('consumer.pre.problemDate')} hint={t('consumer.pre.problemHint')} error={err('preChecks.problemDate')}>
          <input {...aria('pre-problemDate', err('preChecks.problemDate'), true)} type="date" max={today()} value={d.pre.problemDate} onChange={(e) => update((x) => ({ ...x, pre: { ...x.pre, problemDate: e.target.value } }))} />
        </Field>
        <div aria-live="polite">
          {win && (
            <p className={win.open ? 'notice info' : 'notice'} data-testid="regulator-window">
              {win.open ? t('consumer.pre.windowOpen', { date: dateOrEmpty(win.lastDay), days: win.daysLeft }) : t('consumer.pre.windowClosed', { date: dateOrEmpty(win.lastDay) })}
            </p>
          )}
        </div>
      </>,
    );
  } else if (step === 6) {
    body = form(
      6,
      <>
        <Field id="a-description" label={t('consumer.about.description')} hint={t('consumer.about.descriptionHint')} error={err('description')}>
          <textarea {...aria('a-description', err('description'), true)} rows={6} value={d.description} onChange={(e) => set('description', e.target.value)} />
        </Field>
        <Field id="a-name" label={t('consumer.about.name')} error={err('consumer.name')}>
          <input {...aria('a-name', err('consumer.name'))} autoComplete="name" value={d.name} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field id="a-district" label={t('consumer.about.district')} error={err('consumer.district')}>
          <select {...aria('a-district', err('consumer.district'))} value={d.district} onChange={(e) => set('district', e.target.value)}>
            <option value="">{t('consumer.choose')}</option>
            {districts.map(([id, n]) => (
              <option key={id} value={id}>
                {n[locale]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="a-email" label={t('consumer.about.email')} error={err('consumer.email')}>
          <input {...aria('a-email', err('consumer.email'))} type="email" autoComplete="email" value={d.email} onChange={(e) => set('email', e.target.value)} />
        </Field>
      </>,
    );
  } else if (step === 7) {
    body = form(
      7,
      <>
        <p>{t('consumer.ev.lead')}</p>
        <div className="file-buttons">
          <label className="button file-button" htmlFor="ev-camera">
            {t('consumer.ev.camera')}
          </label>
          <input id="ev-camera" className="file-input" type="file" accept="image/*" capture="environment" onChange={(e) => void addFiles(e.target.files).then(() => (e.target.value = ''))} />
          <label className="button file-button" htmlFor="ev-gallery">
            {t('consumer.ev.gallery')}
          </label>
          <input id="ev-gallery" className="file-input" type="file" accept="image/*,application/pdf" multiple onChange={(e) => void addFiles(e.target.files).then(() => (e.target.value = ''))} />
        </div>
        {err('file') && (
          <p className="error" role="alert">
            {err('file')}
          </p>
        )}
        <h2>{t('consumer.ev.list')}</h2>
        {d.evidence.length === 0 ? (
          <p className="muted">{t('consumer.ev.none')}</p>
        ) : (
          <ul className="previews">
            {d.evidence.map((ev) => {
              const url = previewUrl(ev);
              return (
                <li key={ev.id}>
                  {ev.type.startsWith('image/') && url ? <img src={url} alt={t('consumer.ev.preview', { name: ev.name })} /> : <span className="pdf" aria-hidden="true">PDF</span>}
                  <span className="fname">{ev.name}</span>
                  <button
                    type="button"
                    onClick={() => {
                      const u = previews.get(ev.id);
                      if (u) URL.revokeObjectURL(u);
                      previews.delete(ev.id);
                      update((x) => ({ ...x, evidence: x.evidence.filter((e) => e.id !== ev.id) }));
                    }}
                  >
                    {t('consumer.ev.remove', { name: ev.name })}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </>,
    );
  } else if (step === 8) {
    const row = (label: string, value: string, s: number) => (
      <div className="review-row">
        <dt>{label}</dt>
        <dd>
          {value}{' '}
          <button type="button" className="link" onClick={() => goto(s)} aria-label={`${t('consumer.review.edit')}: ${label}`}>
            {t('consumer.review.edit')}
          </button>
        </dd>
      </div>
    );
    const amount = Number(toWesternDigits(d.order.amount).replace(/[,\s৳]/g, ''));
    const factsSummary = () => {
      const f = consumerFacts(d);
      const parts = [
        f.paymentDate && t('consumer.review.paidOn', { date: dateOrEmpty(f.paymentDate) }),
        f.deliveredAt === null ? t('consumer.review.notDelivered') : f.deliveredAt && t('consumer.review.deliveredOn', { date: dateOrEmpty(f.deliveredAt) }),
        f.sameCity !== undefined && t(f.sameCity ? 'consumer.review.sameCity' : 'consumer.review.otherCity'),
        f.refundDueReason && t(`policy.reason.${f.refundDueReason}`),
        f.refundedAt === null ? t('consumer.review.notRefunded') : f.refundedAt && t('consumer.review.refundedOn', { date: dateOrEmpty(f.refundedAt) }),
        f.refundedAmountBdt !== undefined && bdt(f.refundedAmountBdt),
      ].filter(Boolean);
      return parts.length ? parts.join(' · ') : t('consumer.review.noFacts');
    };
    body = form(
      8,
      <>
        <p>{t('consumer.review.lead')}</p>
        <dl className="review">
          {row(t('consumer.merchant.name'), d.merchant.name || d.merchant.website || d.merchant.facebookPage, 2)}
          {row(t('consumer.order.number'), d.order.number, 3)}
          {row(t('consumer.order.date'), dateOrEmpty(d.order.date), 3)}
          {row(t('consumer.order.amount'), Number.isFinite(amount) ? bdt(amount) : d.order.amount, 3)}
          {row(t('consumer.order.channel'), d.order.paymentChannel ? payName(d.order.paymentChannel) : '', 3)}
          {row(t('consumer.order.category'), d.category ? t(`consumer.cat.${d.category}` as UiKey) : '', 3)}
          {row(t('consumer.order.remedy'), d.wantedRemedy ? t(`consumer.remedy.${d.wantedRemedy}` as UiKey) : '', 3)}
          {row(t('consumer.review.facts'), factsSummary(), 4)}
          {row(t('consumer.pre.contacted'), d.pre.contacted === 'yes' ? t('consumer.review.contactedOn', { date: dateOrEmpty(d.pre.contactedOn) }) : t('consumer.review.notContacted'), 5)}
          {row(t('consumer.pre.problemDate'), dateOrEmpty(d.pre.problemDate), 5)}
          {row(t('consumer.about.description'), d.description, 6)}
          {row(t('consumer.about.name'), d.name, 6)}
          {row(t('consumer.about.district'), districtName(d.district), 6)}
          {d.email && row(t('consumer.about.email'), d.email, 6)}
          {row(t('consumer.step.evidence'), t('consumer.review.files', { n: d.evidence.length }), 7)}
        </dl>
        {win && !win.open && <p className="notice">{t('consumer.pre.windowClosed', { date: dateOrEmpty(win.lastDay) })}</p>}
        <FilingFindings evaluation={evaluation.result} pending={evaluation.pending} asked={askedFacts(d)} />
      </>,
      submit,
    );
  } else if (filed) {
    const code = locale === 'bn' ? filed.code.replace(/\d/g, (x) => number(Number(x))) : filed.code;
    const phone = locale === 'bn' ? filed.phone.replace(/\d/g, (x) => number(Number(x))) : filed.phone;
    body = (
      <div className="stack">
        <div className="card done">
          <p>{t('consumer.done.code')}</p>
          <p className="big-code" data-code={filed.code}>
            {code}
          </p>
          <p>{t('consumer.done.sms', { phone })}</p>
          {filed.dueAt && <p>{t('consumer.done.next', { date: date(filed.dueAt) })}</p>}
        </div>
        {filed.evidenceFailed && <p className="notice">{t('consumer.done.evidenceFailed')}</p>}
        {embed ? (
          <>
            {/* Outside the shop's page: the tracking page opens as Nalish itself. */}
            <a href={`/t/${filed.code}`} className="button primary" target="_blank" rel="noopener">
              {t('consumer.done.track')}
            </a>
            <button type="button" onClick={() => embed.close(true)}>
              {t('consumer.embed.close')}
            </button>
          </>
        ) : (
          <Link to={`/t/${filed.code}`} className="button primary">
            {t('consumer.done.track')}
          </Link>
        )}
        {!embed && (
          <button
            type="button"
            onClick={() => {
              saveFiled(null);
              setFiled(null);
              update(() => ({ ...emptyDraft(), step: signedIn ? 2 : 1 }));
            }}
          >
            {t('consumer.done.another')}
          </button>
        )}
      </div>
    );
  }

  return (
    <div className="stack consumer-file">
      {step <= TOTAL && (
        <p className="progress">
          <span>{t('consumer.file.stepOf', { n: step, total: TOTAL })}</span>
          <progress max={TOTAL} value={step} aria-hidden="true" />
        </p>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {t(STEP_TITLES[step - 1]!)}
      </h1>
      {step === 1 || step >= 9 ? null : signedIn ? <p className="muted small">{t('consumer.file.draftKept')}</p> : null}
      {queued && (
        <p className="notice" role="status">
          {t('consumer.queue.queued')}
        </p>
      )}
      {sending && (
        <p className="notice info" role="status">
          {sending}
        </p>
      )}
      {formError && (
        <p className="error" role="alert">
          {formError}
        </p>
      )}
      {body}
    </div>
  );
}

/** The facts the payment-and-delivery step asks about (an unknown finding they settle is listed openly). */
function askedFacts(d: Draft): Set<string> {
  const asked = new Set<string>(['deliveredAt', 'sameCity']);
  if (d.order.paymentChannel !== 'cod') asked.add('paymentDate');
  if (refundAsked(d)) for (const k of ['refundDueReason', 'refundedAt', 'refundedAmountBdt']) asked.add(k);
  return asked;
}

/**
 * What the rules say about the answers so far, in a polite live region: a change is read out
 * once the server has answered. Nothing shows when there is nothing to say (offline, or the
 * server could not be reached): filing never waits for it.
 */
function FilingFindings({ evaluation, pending, asked }: { evaluation: Evaluation | null; pending: boolean; asked: Set<string> }) {
  const { t } = useI18n();
  const findings = evaluation?.findings ?? [];
  const isPrimary = (f: Finding) => {
    const o = outcomeOf(f);
    if (o === 'not_applicable') return false;
    return o !== 'unknown' || (f.missingFacts ?? []).every((k) => asked.has(k));
  };
  return (
    <section className="policy-preview" aria-live="polite" aria-busy={pending} data-testid="policy-findings">
      {findings.length > 0 && (
        <>
          <h2>{t('policy.title')}</h2>
          <p className="small muted">{t('policy.lead')}</p>
          <FindingsList findings={findings} isPrimary={isPrimary} />
        </>
      )}
    </section>
  );
}
