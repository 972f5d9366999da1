// The facts of an order that the rules read, in two forms built from one list of keys:
// FactsSchema (instants as Dates, what rules evaluate) and FactsWireSchema (strings, what a
// client sends and OpenAPI can describe). Also who may state which fact, and how the facts
// stated by the consumer, the merchant and an officer are layered.
//
// Convention for event facts (deliveredAt, refundedAt, …):
//   undefined (absent) = we do not know  → the rule says 'unknown' with missingFacts;
//   null               = it has not happened (yet) → the rule judges against `now`.
// A date without a time ('2026-11-10') means the start of that day in Dhaka.
import { z } from 'zod';
import { PAYMENT_CHANNELS } from '../complaint/channels.ts';

/** Why money is owed back. Only an order the seller did not fulfil starts the refund rule. */
export const REFUND_DUE_REASONS = ['not_fulfilled', 'cancelled_by_seller', 'returned_by_buyer', 'none'] as const;
export type RefundDueReason = (typeof REFUND_DUE_REASONS)[number];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const dhakaMidnight = (v: unknown) => (typeof v === 'string' && DATE_ONLY.test(v) ? `${v}T00:00:00+06:00` : v);

const instant = z.preprocess(
  dhakaMidnight,
  z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), 'instant'),
);
const wireInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const bdt = z.number().nonnegative().max(100_000_000);
const dhakaDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');

/** The fact keys and their types, for either form of instant. */
function factsShape<I extends z.ZodType>(at: I) {
  const event = at.nullable().optional();
  return {
    orderDate: at.optional(),
    /** When the buyer paid in full (or paid the advance); absent for cash on delivery. */
    paymentDate: at.optional(),
    paymentChannel: z.enum(PAYMENT_CHANNELS).optional(),
    /** Price of the order. */
    priceBdt: bdt.optional(),
    /** Total the buyer has paid so far. */
    amountPaidBdt: bdt.optional(),
    /** Paid before delivery. */
    advancePaidBdt: bdt.optional(),
    advanceViaEscrow: z.boolean().optional(),
    inStock: z.boolean().optional(),
    sameCity: z.boolean().optional(),
    deliveredAt: event,
    handedToCourierAt: event,
    buyerToldShippedAt: event,
    refundDueReason: z.enum(REFUND_DUE_REASONS).optional(),
    refundedAt: event,
    refundedAmountBdt: bdt.optional(),
    refundChannel: z.enum(PAYMENT_CHANNELS).optional(),
    refundChargesBdt: bdt.optional(),
    cashbackPromisedBdt: bdt.optional(),
    cashbackCreditedAt: event,
    cashbackHeldInWallet: z.boolean().optional(),
    complaintToMerchantAt: at.optional(),
    merchantActedAt: event,
    pageShowsTradeLicence: z.boolean().optional(),
    pageShowsDbid: z.boolean().optional(),
    pageShowsReturnPolicy: z.boolean().optional(),
    /** Dhaka date the problem arose (CRPA 2009 s.60 counts from it). */
    causeOfActionDate: dhakaDate.optional(),
  };
}

export const FactsSchema = z.object({
  ...factsShape(instant),
  /** The instant the evaluation is made for. */
  now: instant.optional(),
});

export type Facts = z.infer<typeof FactsSchema>;
/** What a client sends (instants as strings). */
export type FactsInput = z.input<typeof FactsSchema>;
export type FactKey = keyof Facts;

/** The facts as a client sends them; `now` is never taken from a client. */
export const FactsWireSchema = z.object(factsShape(wireInstant)).strict();
export type WireFacts = z.infer<typeof FactsWireSchema>;
export type WireFactKey = keyof WireFacts;
export const WIRE_FACT_KEYS = Object.keys(FactsWireSchema.shape) as WireFactKey[];

// Who may state what. The filing form derives the order date, price, channel, the date the
// seller was contacted and the cause of action from its own fields; these are the rest the
// consumer can tell.
export const CONSUMER_FACTS = [
  'paymentDate', 'amountPaidBdt', 'advancePaidBdt', 'inStock', 'sameCity', 'deliveredAt', 'handedToCourierAt',
  'buyerToldShippedAt', 'refundDueReason', 'refundedAt', 'refundedAmountBdt', 'refundChannel', 'refundChargesBdt',
  'cashbackPromisedBdt', 'cashbackCreditedAt', 'cashbackHeldInWallet', 'merchantActedAt',
  'pageShowsTradeLicence', 'pageShowsDbid', 'pageShowsReturnPolicy',
] as const satisfies readonly WireFactKey[];

/** What a merchant can contest, with evidence: what it did and when, and what its page shows. */
export const MERCHANT_CONTESTABLE_FACTS = [
  'deliveredAt', 'handedToCourierAt', 'buyerToldShippedAt', 'inStock', 'advanceViaEscrow', 'refundedAt',
  'refundedAmountBdt', 'refundChannel', 'refundChargesBdt', 'cashbackCreditedAt', 'cashbackHeldInWallet',
  'merchantActedAt', 'pageShowsTradeLicence', 'pageShowsDbid', 'pageShowsReturnPolicy',
] as const satisfies readonly WireFactKey[];
export type MerchantContestableFact = (typeof MERCHANT_CONTESTABLE_FACTS)[number];

// zod's pick wants a literal mask; the key lists above are the one source, so build it from them.
const pick = <K extends WireFactKey>(keys: readonly K[]) =>
  FactsWireSchema.pick(Object.fromEntries(keys.map((k) => [k, true])) as Record<K, true> & Record<Exclude<K, WireFactKey>, never>);

export const ConsumerFactsSchema = pick(CONSUMER_FACTS);
export type ConsumerFacts = z.infer<typeof ConsumerFactsSchema>;
export const MerchantFactsSchema = pick(MERCHANT_CONTESTABLE_FACTS);

export const FACT_SOURCES = ['consumer', 'merchant', 'officer'] as const;
export type FactSource = (typeof FACT_SOURCES)[number];
export type FactLayers = Partial<Record<FactSource, WireFacts>>;

/**
 * One set of facts from the layers: an officer's correction beats the merchant's evidence,
 * which beats the consumer's word. Returns where each fact came from, so every finding can
 * say whose statement it rests on.
 */
export function layerFacts(layers: FactLayers): { facts: WireFacts; sources: Partial<Record<WireFactKey, FactSource>> } {
  const facts: Record<string, unknown> = {};
  const sources: Partial<Record<WireFactKey, FactSource>> = {};
  for (const source of FACT_SOURCES) {
    for (const [k, v] of Object.entries(layers[source] ?? {})) {
      if (v === undefined) continue;
      facts[k] = v;
      sources[k as WireFactKey] = source;
    }
  }
  return { facts: facts as WireFacts, sources };
}
