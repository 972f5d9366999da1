// What the API answers about the policy checks: an evaluation before filing, the stored
// evaluation on a complaint as a party sees it, and breaches per rule.
import { z } from 'zod';
import { Instant, Uuid } from '../wire.ts';
import { FACT_SOURCES, WIRE_FACT_KEYS } from './facts.ts';
import { OUTCOMES } from './types.ts';

const OutcomeEnum = z.enum(OUTCOMES);
const FactKeyEnum = z.enum(WIRE_FACT_KEYS);
const FactSourceEnum = z.enum(FACT_SOURCES);
/** A fact as stated: a date or instant, an amount, yes/no, a channel or reason, or null (has not happened). */
const FactValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const FactValues = z.partialRecord(FactKeyEnum, FactValue);

export const FindingSchema = z.object({
  ruleId: z.string(),
  outcome: OutcomeEnum,
  missingFacts: z.array(z.string()).optional().describe('Facts the rule needs and does not have (outcome unknown)'),
  explanation: z.object({ bn: z.string(), en: z.string() }),
  numbers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).describe('The dates and amounts the finding was worked out from'),
});
export type Finding = z.infer<typeof FindingSchema>;

export const EvaluationSchema = z.object({
  version: z.string().nullable().describe('The rule set used; null when none was in force on that date'),
  judgedOn: z.string().nullable().describe('The Dhaka date the rule set was chosen by'),
  judgedBy: z.enum(['orderDate', 'paymentDate', 'now']).nullable(),
  findings: z.array(FindingSchema),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

export const ReviewViewSchema = z.object({
  decision: z.enum(['confirm', 'override']),
  outcome: OutcomeEnum.describe('The outcome the officer holds'),
  reviewedOutcome: OutcomeEnum.describe('The computed outcome the officer looked at'),
  reason: z.string(),
  at: Instant,
  officerId: Uuid.optional().describe('Shown to officers only'),
});
export type ReviewView = z.infer<typeof ReviewViewSchema>;

export const StoredFindingViewSchema = FindingSchema.extend({
  instrument: z.string(),
  clause: z.string(),
  subject: z.enum(['merchant', 'consumer']).describe("Whose duty: only the merchant's count against it"),
  effectiveOutcome: OutcomeEnum.describe('After any officer review still in force'),
  review: ReviewViewSchema.nullable(),
  staleReview: ReviewViewSchema.nullable().describe('A review made before new facts changed the computed outcome: shown, no longer applied'),
});
export type StoredFindingView = z.infer<typeof StoredFindingViewSchema>;

export const PolicyViewSchema = z.object({
  ruleSet: z.string().nullable(),
  judgedOn: z.string().nullable(),
  evaluatedAt: Instant,
  trigger: z.enum(['filed', ...FACT_SOURCES]),
  facts: FactValues.describe("The facts the rules ran on: an officer's over the merchant's over the consumer's"),
  sources: z.partialRecord(FactKeyEnum, FactSourceEnum).describe('Who stated each fact'),
  layers: z.partialRecord(FactSourceEnum, FactValues).describe('What each party stated'),
  findings: z.array(StoredFindingViewSchema),
  statable: z.array(FactKeyEnum).describe('The facts the person asking may state'),
});
export type PolicyView = z.infer<typeof PolicyViewSchema>;

export const RuleBreachesSchema = z.object({
  ruleId: z.string(),
  breaches: z.number().int().describe("Complaints whose finding for the rule is a breach of the merchant's duty (after officer review)"),
  confirmed: z.number().int().describe('Of them, reviewed by an officer'),
});
export type RuleBreaches = z.infer<typeof RuleBreachesSchema>;

export const MerchantRuleBreachesSchema = RuleBreachesSchema.extend({ merchantId: Uuid, merchantName: z.string() });
export type MerchantRuleBreaches = z.infer<typeof MerchantRuleBreachesSchema>;
export const MerchantRuleBreachesListSchema = z.object({ items: z.array(MerchantRuleBreachesSchema) });
export type MerchantRuleBreachesList = z.infer<typeof MerchantRuleBreachesListSchema>;
