// Policy checks: the facts of an order, the findings a rule returns, and rules as versioned data.
//
// Convention for event facts (deliveredAt, refundedAt, …):
//   undefined (absent) = we do not know  → the rule says 'unknown' with missingFacts;
//   null               = it has not happened (yet) → the rule judges against `now`.
// Instants are ISO strings with an offset (or Date objects); Dhaka dates are 'YYYY-MM-DD'.
import { z } from 'zod';
import type { WorkingCalendar } from '../calendar/calendar.ts';
import { PAYMENT_CHANNELS } from '../complaint/filing.ts';

const instant = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), 'not a valid instant');
/** An event that may not have happened: null = not (yet) happened. */
const event = instant.nullable().optional();
const bdt = z.number().nonnegative();
const dhakaDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a Dhaka date YYYY-MM-DD');

/** Why money is owed back. Only an order the seller did not fulfil starts the refund rule. */
export const REFUND_DUE_REASONS = ['not_fulfilled', 'cancelled_by_seller', 'returned_by_buyer', 'none'] as const;
export type RefundDueReason = (typeof REFUND_DUE_REASONS)[number];

export const FactsSchema = z.object({
  orderDate: instant.optional(),
  /** When the buyer paid in full (or paid the advance); absent for cash on delivery. */
  paymentDate: instant.optional(),
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
  complaintToMerchantAt: instant.optional(),
  merchantActedAt: event,
  pageShowsTradeLicence: z.boolean().optional(),
  pageShowsDbid: z.boolean().optional(),
  pageShowsReturnPolicy: z.boolean().optional(),
  /** Dhaka date the problem arose (CRPA 2009 s.60 counts from it). */
  causeOfActionDate: dhakaDate.optional(),
  /** The instant the evaluation is made for. */
  now: instant.optional(),
});

export type Facts = z.infer<typeof FactsSchema>;
/** What a client sends (instants as strings). */
export type FactsInput = z.input<typeof FactsSchema>;
export type FactKey = keyof Facts;

export const OUTCOMES = ['breach', 'compliant', 'not_applicable', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Bilingual {
  bn: string;
  en: string;
}

export type FindingNumbers = Record<string, string | number | boolean>;

export interface Finding {
  ruleId: string;
  outcome: Outcome;
  missingFacts?: FactKey[];
  explanation: Bilingual;
  /** The dates (ISO instants or Dhaka dates) and amounts the finding was worked out from. */
  numbers: FindingNumbers;
}

export type RuleSettings = Readonly<Record<string, number | string | boolean>>;

export interface Rule<S extends RuleSettings = RuleSettings> {
  id: string;
  /** Short name of the source instrument, e.g. 'DCOG 2021', 'CRPA 2009'. */
  instrument: string;
  /** Clause reference (see docs; unconfirmed numbers are marked so). */
  clause: string;
  /** Whose duty: merchant breaches count against the merchant; consumer findings do not. */
  subject: 'merchant' | 'consumer';
  /** Dhaka date from which the rule applies to orders. */
  inForceFrom: string;
  /** Last Dhaka date on which it applies to orders (inclusive). */
  inForceTo?: string;
  /** Facts always needed; missing → 'unknown'. A rule may need more facts in some branches. */
  needs: readonly FactKey[];
  settings: S;
  // Method syntax on purpose: a Rule<{days:number}> can sit in a Rule[] list.
  evaluate(facts: Facts, settings: S, calendar: WorkingCalendar): Finding;
}

export interface RuleSet {
  version: string;
  /** Dhaka date: orders placed on or after it are judged by this set (until a later one). */
  effectiveFrom: string;
  rules: readonly Rule[];
}

/** Build a rule with its settings type checked against its evaluation. */
export function defineRule<S extends RuleSettings>(rule: Rule<S>): Rule<S> {
  return rule;
}
