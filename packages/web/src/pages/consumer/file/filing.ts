// The filing draft as the API sees it: the body it sends (the domain's FileComplaintSchema),
// the facts the policy checks read, and the checks of each step, made with the same schema's
// pieces before anything is sent. No React here.
import {
  type ConsumerFacts,
  type FileComplaintInput,
  FileComplaintSchema,
  MerchantRefSchema,
  PAYMENT_CHANNELS,
  REFUND_DUE_REASONS,
  dhakaDate,
  factsFromFiling,
  toWesternDigits,
} from '@nalish/domain';
import type { I18n } from '../../../i18n/i18n.tsx';
import { parseAmount } from '../../../policy/model.ts';
import { type Errors, schemaProblems } from '../../../ui/errors.ts';
import type { Draft } from '../draft.ts';
import { consumerErrors } from '../fieldText.ts';

/** The steps of the flow, 1 to 8; 9 is the confirmation. */
export const TOTAL_STEPS = 8;
export const STEP = { phone: 1, merchant: 2, order: 3, facts: 4, preChecks: 5, about: 6, evidence: 7, review: 8, done: 9 } as const;

export const today = () => dhakaDate(new Date());
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

function merchantRef(d: Draft) {
  if (d.merchant.id) return { id: d.merchant.id };
  const m: { name?: string; website?: string; facebookPage?: string } = {};
  if (d.merchant.name.trim()) m.name = d.merchant.name.trim();
  if (d.merchant.website.trim()) m.website = d.merchant.website.trim();
  if (d.merchant.facebookPage.trim()) m.facebookPage = d.merchant.facebookPage.trim();
  return m;
}

/** The amount typed, in Western digits without separators or the taka sign. */
export const amountText = (d: Draft) => toWesternDigits(d.order.amount).replace(/[,\s৳]/g, '');

/** The refund questions matter when money is owed back. */
export const refundAsked = (d: Draft) => d.category === 'refund_not_paid' || d.wantedRemedy === 'refund';

/** The consumer's answers as policy facts: '' (I don't know) is left out; "not yet" is null. */
export function consumerFacts(d: Draft): ConsumerFacts {
  const f = d.facts;
  const out: ConsumerFacts = {};
  if (d.order.paymentChannel !== 'cod' && DATE.test(f.paidOn)) out.paymentDate = f.paidOn;
  if (f.delivered === 'no') out.deliveredAt = null;
  else if (f.delivered === 'yes' && DATE.test(f.deliveredOn)) out.deliveredAt = f.deliveredOn;
  if (f.sameCity) out.sameCity = f.sameCity === 'yes';
  if (refundAsked(d)) {
    const reason = REFUND_DUE_REASONS.find((r) => r === f.refundReason);
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

/** The facts the payment-and-delivery step asks about (an unknown finding they settle is listed openly). */
export function askedFacts(d: Draft): Set<string> {
  const asked = new Set<string>(['deliveredAt', 'sameCity']);
  if (d.order.paymentChannel !== 'cod') asked.add('paymentDate');
  if (refundAsked(d)) for (const k of ['refundDueReason', 'refundedAt', 'refundedAmountBdt']) asked.add(k);
  return asked;
}

/**
 * The facts the server will store at filing, from what is typed so far: the same derivation
 * (factsFromFiling) over the fields that are already valid, so the findings shown now are the
 * ones the complaint will carry.
 */
export function evaluationFacts(d: Draft): Record<string, unknown> {
  const amount = Number(amountText(d));
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

/** The body of POST /api/v1/complaints (FileComplaintSchema checks it, here and on the server). */
export function toBody(d: Draft, locale: 'bn' | 'en') {
  const amount = amountText(d);
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

/** The step that asks for the field at `path` (where a server's field error sends the consumer back). */
export function stepOfPath(path: string): number {
  if (path.startsWith('merchant')) return STEP.merchant;
  if (path.startsWith('order') || path === 'category' || path === 'wantedRemedy') return STEP.order;
  if (path.startsWith('facts')) return STEP.facts;
  if (path.startsWith('preChecks')) return STEP.preChecks;
  if (path === 'file') return STEP.evidence;
  return STEP.about;
}

/** Client-side checks of one step with the domain schema's pieces. */
export function validateStep(step: number, d: Draft, t: I18n['t'], locale: 'bn' | 'en'): Errors {
  const body = toBody(d, locale);
  const S = FileComplaintSchema.shape;
  const zodErrors = (issues: Parameters<typeof schemaProblems>[0], prefix: string) => consumerErrors(t, schemaProblems(issues, prefix));
  let e: Errors = {};
  if (step === STEP.merchant) {
    const r = MerchantRefSchema.safeParse(body.merchant);
    if (!d.merchant.id && !d.merchant.name.trim()) e['merchant.name'] = t('consumer.err.merchant.name');
    if (!r.success) {
      const z = zodErrors(r.error.issues, 'merchant');
      e = { ...e, ...z };
      delete e.merchant;
      if (!d.merchant.id && !z['merchant.website'] && !z['merchant.facebookPage'] && !d.merchant.website && !d.merchant.facebookPage) e['merchant.website'] = t('consumer.merchant.required');
    }
  }
  if (step === STEP.order) {
    const r = S.order.safeParse(body.order);
    if (!r.success) e = zodErrors(r.error.issues, 'order');
    if (!S.category.safeParse(body.category).success) e.category = t('consumer.err.category');
    if (!S.wantedRemedy.safeParse(body.wantedRemedy).success) e.wantedRemedy = t('consumer.err.wantedRemedy');
    if (!e['order.date'] && d.order.date > today()) e['order.date'] = t('consumer.err.future');
  }
  if (step === STEP.facts) {
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
  if (step === STEP.preChecks) {
    const r = S.preChecks.safeParse(body.preChecks);
    if (!r.success) e = zodErrors(r.error.issues, 'preChecks');
    if (d.pre.contacted === 'yes' && !d.pre.contactedOn) e['preChecks.contactedOn'] ??= t('consumer.err.preChecks.contactedOn');
    if (!e['preChecks.problemDate'] && d.pre.problemDate > today()) e['preChecks.problemDate'] = t('consumer.err.future');
    else if (!e['preChecks.problemDate'] && d.order.date && d.pre.problemDate < d.order.date) e['preChecks.problemDate'] = t('consumer.err.beforeOrder');
    if (!e['preChecks.contactedOn'] && d.pre.contacted === 'yes' && d.pre.contactedOn > today()) e['preChecks.contactedOn'] = t('consumer.err.future');
  }
  if (step === STEP.about) {
    const r1 = S.description.safeParse(body.description);
    if (!r1.success) e.description = t('consumer.err.description');
    const r2 = S.consumer.safeParse(body.consumer);
    if (!r2.success) e = { ...e, ...zodErrors(r2.error.issues, 'consumer') };
  }
  return e;
}

/** The steps checked before sending, in order. */
export const CHECKED_STEPS = [STEP.merchant, STEP.order, STEP.facts, STEP.preChecks, STEP.about] as const;
