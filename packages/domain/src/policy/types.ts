// Policy checks: the facts of an order, the findings a rule returns, and rules as versioned data.
// The facts themselves are in facts.ts.
import type { WorkingCalendar } from '../calendar/calendar.ts';
import type { FactKey, Facts } from './facts.ts';

export * from './facts.ts';

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
