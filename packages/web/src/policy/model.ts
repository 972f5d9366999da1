// The policy checks as the web app shows them: which facts each rule reads, how each fact is
// entered and shown, and how a typed value becomes a wire fact (the shapes the API returns
// are the domain's). The rules themselves run on the server only (the engine stays out of
// the consumer's JavaScript).
import { type FactSource, type WireFactKey, dhakaDate, toWesternDigits } from '@nalish/domain';
import type { Finding, PolicyView, ReviewView, StoredFindingView } from '@nalish/domain/responses';
import type { I18n } from '../i18n/i18n.tsx';
import type { UiKey } from '../i18n/en.ts';

/** The shapes the API answers with, from the domain (the server declares the same schemas). */
export type { Evaluation, Finding, PolicyView, RuleBreaches } from '@nalish/domain/responses';
export type Review = ReviewView;
export type StoredFinding = StoredFindingView;
export type Outcome = Finding['outcome'];
export type { FactSource };
/** A fact's value as stated: a date or instant, an amount, yes/no, a channel or reason, or null (has not happened). */
export type FactValue = Exclude<PolicyView['facts'][WireFactKey], undefined>;

/** The facts each rule of dcog-2021.1 reads (to show a finding's inputs and their sources). */
const RULE_FACTS: Record<string, readonly WireFactKey[]> = {
  'dcog.delivery': ['paymentChannel', 'paymentDate', 'sameCity', 'deliveredAt'],
  'dcog.dispatch48h': ['paymentChannel', 'paymentDate', 'handedToCourierAt', 'buyerToldShippedAt'],
  'dcog.advanceEscrow': ['paymentChannel', 'advancePaidBdt', 'inStock', 'priceBdt', 'advanceViaEscrow'],
  'dcog.refund': ['refundDueReason', 'paymentChannel', 'amountPaidBdt', 'paymentDate', 'refundedAt', 'refundChannel', 'refundedAmountBdt', 'refundChargesBdt'],
  'dcog.cashback': ['cashbackPromisedBdt', 'paymentDate', 'cashbackCreditedAt', 'cashbackHeldInWallet'],
  'dcog.merchantResponse': ['complaintToMerchantAt', 'merchantActedAt'],
  'dcog.pageIdentity': ['pageShowsTradeLicence', 'pageShowsDbid'],
  'dcog.returnPolicy': ['pageShowsReturnPolicy'],
  'crpa.regulatorWindow': ['causeOfActionDate'],
};

/** The consumer's own time limit; its "breach" is never the seller's. */
const CONSUMER_DUTIES = new Set(['crpa.regulatorWindow']);
export const subjectOf = (f: Finding & { subject?: 'merchant' | 'consumer' }) => f.subject ?? (CONSUMER_DUTIES.has(f.ruleId) ? 'consumer' : 'merchant');
export const outcomeOf = (f: Finding & { effectiveOutcome?: Outcome }) => f.effectiveOutcome ?? f.outcome;
/** A finding that says something (broken or kept); the others are listed collapsed on a party's page. */
export const decided = (f: Finding & { effectiveOutcome?: Outcome }) => outcomeOf(f) === 'breach' || outcomeOf(f) === 'compliant';

/**
 * How a fact is entered: an event that may not have happened yet (a date, or "not yet"), an
 * instant or date, yes/no, an amount, a payment channel or the reason a refund is due. Hour-
 * counted rules (48 and 72 hours) take a time as well as a date.
 */
export type FactKind = 'event' | 'eventTime' | 'date' | 'dateTime' | 'bool' | 'amount' | 'channel' | 'reason';
export const FACT_KINDS: Record<WireFactKey, FactKind> = {
  orderDate: 'date',
  paymentDate: 'dateTime',
  paymentChannel: 'channel',
  priceBdt: 'amount',
  amountPaidBdt: 'amount',
  advancePaidBdt: 'amount',
  advanceViaEscrow: 'bool',
  inStock: 'bool',
  sameCity: 'bool',
  deliveredAt: 'event',
  handedToCourierAt: 'eventTime',
  buyerToldShippedAt: 'eventTime',
  refundDueReason: 'reason',
  refundedAt: 'event',
  refundedAmountBdt: 'amount',
  refundChannel: 'channel',
  refundChargesBdt: 'amount',
  cashbackPromisedBdt: 'amount',
  cashbackCreditedAt: 'eventTime',
  cashbackHeldInWallet: 'bool',
  complaintToMerchantAt: 'date',
  merchantActedAt: 'event',
  pageShowsTradeLicence: 'bool',
  pageShowsDbid: 'bool',
  pageShowsReturnPolicy: 'bool',
  causeOfActionDate: 'date',
};

export const NOT_YET = 'not_yet';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Parse an amount typed in Western or Bengali digits ('২,৫০০', '2500.50'); null if not one. */
export function parseAmount(raw: string): number | null {
  const s = toWesternDigits(raw).replace(/[,\s৳]/g, '');
  return /^\d{1,9}(\.\d{1,2})?$/.test(s) ? Number(s) : null;
}

/** The Dhaka calendar date of now (YYYY-MM-DD). */
export const todayInDhaka = () => dhakaDate(new Date());

export type WireResult = { ok: true; value: FactValue } | { ok: false; error: 'value' | 'date' | 'amount' };

/** A typed value as the wire fact: dates are Dhaka dates, times Dhaka times, 'not_yet' is null. */
export function toWire(fact: WireFactKey, raw: string): WireResult {
  const kind = FACT_KINDS[fact];
  const v = raw.trim();
  if (v === '') return { ok: false, error: 'value' };
  if ((kind === 'event' || kind === 'eventTime') && v === NOT_YET) return { ok: true, value: null };
  if (kind === 'event' || kind === 'eventTime' || kind === 'date' || kind === 'dateTime') {
    const day = v.slice(0, 10);
    if (!DATE_ONLY.test(day) || day > todayInDhaka()) return { ok: false, error: 'date' };
    if (DATE_TIME_LOCAL.test(v)) return { ok: true, value: kind === 'date' ? day : `${v}:00+06:00` };
    return DATE_ONLY.test(v) ? { ok: true, value: v } : { ok: false, error: 'date' };
  }
  if (kind === 'bool') return v === 'yes' || v === 'no' ? { ok: true, value: v === 'yes' } : { ok: false, error: 'value' };
  if (kind === 'amount') {
    const n = parseAmount(v);
    return n === null ? { ok: false, error: 'amount' } : { ok: true, value: n };
  }
  return { ok: true, value: v };
}

/** A label from the catalogue when it has one for the key, else null. */
function known(t: I18n['t'], key: string): string | null {
  const s = t(key as UiKey);
  return s === key ? null : s;
}

export const factLabel = (t: I18n['t'], fact: string) => known(t, `policy.fact.${fact}`) ?? fact;
export const ruleName = (t: I18n['t'], ruleId: string) => known(t, `policy.rule.${ruleId}`) ?? ruleId;
/**
 * The rule's instrument and clause in the reader's language (the server's English as a
 * fallback). A clause number not yet checked against the instrument's text (the rule set marks
 * it "(unconfirmed)") is said so to officers, who weigh it; a consumer is not told of our
 * homework, only the rule.
 */
export function ruleClause(t: I18n['t'], f: { ruleId: string; instrument?: string; clause?: string }, officer = false): string {
  const clause = known(t, `policy.clause.${f.ruleId}`) ?? [f.instrument, f.clause?.replace(' (unconfirmed)', '')].filter(Boolean).join(', ');
  return officer && f.clause?.includes('(unconfirmed)') ? t('policy.clause.unconfirmed', { clause }) : clause;
}
export function outcomeLabel(t: I18n['t'], outcome: Outcome, subject: 'merchant' | 'consumer' = 'merchant'): string {
  if (subject === 'consumer' && (outcome === 'breach' || outcome === 'compliant')) return t(`policy.outcome.consumer.${outcome}`);
  return t(`policy.outcome.${outcome}`);
}

/** An instant or Dhaka date as a date (midnight in Dhaka, or no time) or a date and time. */
function when(i18n: I18n, v: string): string {
  if (DATE_ONLY.test(v)) return i18n.date(`${v}T12:00:00+06:00`);
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return v;
  const dhaka = new Date(d.getTime() + 6 * 3_600_000);
  return dhaka.getUTCHours() === 0 && dhaka.getUTCMinutes() === 0 ? i18n.date(d) : i18n.dateTime(d);
}

/** A fact's value in words. */
export function factValueText(i18n: I18n, fact: string, v: FactValue | undefined): string {
  const { t } = i18n;
  if (v === undefined) return '—';
  if (v === null) return t('policy.notYet');
  if (typeof v === 'boolean') return t(v ? 'policy.yes' : 'policy.no');
  const kind = FACT_KINDS[fact as WireFactKey];
  if (typeof v === 'number') return kind === 'amount' || /Bdt$/.test(fact) ? i18n.bdt(v) : i18n.number(v);
  if (kind === 'channel' || fact === 'refundChannel') return known(t, `policy.channel.${v}`) ?? v;
  if (kind === 'reason') return known(t, `policy.reason.${v}`) ?? v;
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return when(i18n, v);
  return v;
}

/** A label for one of a finding's `numbers` (its own name, else the fact's). */
export const numberLabel = (t: I18n['t'], key: string) => known(t, `policy.num.${key}`) ?? factLabel(t, key);

/** The facts a finding rests on: those its rule reads that are known, with who stated them. */
export function factsUsed(f: { ruleId: string; numbers: Record<string, unknown> }, p: Pick<PolicyView, 'facts' | 'sources'>) {
  const keys = RULE_FACTS[f.ruleId] ?? (Object.keys(f.numbers).filter((k) => k in FACT_KINDS) as WireFactKey[]);
  return keys.filter((k) => k in p.facts).map((k) => ({ fact: k, value: p.facts[k] as FactValue, source: p.sources[k] }));
}

const ORDER: Record<Outcome, number> = { breach: 0, unknown: 1, compliant: 2, not_applicable: 3 };
/** Breaches first, then what cannot be told yet, then what was kept. */
export const byOutcome = <F extends Finding & { effectiveOutcome?: Outcome }>(a: F, b: F) => ORDER[outcomeOf(a)] - ORDER[outcomeOf(b)];
