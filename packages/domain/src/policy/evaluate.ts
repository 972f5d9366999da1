// Judge an order's facts by the rule set in force on its order date.
import { type WorkingCalendar, dhakaDate } from '../calendar/calendar.ts';
import { M } from './messages.ts';
import { unknownFinding } from './rules2021.ts';
import { type Facts, type Finding, type Rule, type RuleSet, FactsSchema, type FactsInput } from './types.ts';

export interface Evaluation {
  /** The rule set version used, or null when no set was in force on that date. */
  version: string | null;
  /** The Dhaka date the rule set was chosen by. */
  judgedOn: string | null;
  /** Which fact the date came from: the order date, else the payment date, else now. */
  judgedBy: 'orderDate' | 'paymentDate' | 'now' | null;
  findings: Finding[];
}

/** The rule set in force on a Dhaka date: the latest whose effectiveFrom is on or before it. */
export function ruleSetInForce(ruleSets: readonly RuleSet[], date: string): RuleSet | undefined {
  const sorted = [...ruleSets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let chosen: RuleSet | undefined;
  for (const set of sorted) if (set.effectiveFrom <= date) chosen = set;
  return chosen;
}

export function evaluateRule(rule: Rule, facts: Facts, calendar: WorkingCalendar, on: string): Finding {
  if (on < rule.inForceFrom || (rule.inForceTo !== undefined && on > rule.inForceTo)) {
    return { ruleId: rule.id, outcome: 'not_applicable', explanation: M.notInForce(rule.inForceFrom, rule.inForceTo), numbers: { judgedOn: on } };
  }
  const missing = rule.needs.filter((k) => facts[k] === undefined);
  if (missing.length) return unknownFinding(rule.id, missing);
  return rule.evaluate(facts, rule.settings, calendar);
}

export function evaluate(ruleSets: readonly RuleSet[], facts: Facts, calendar: WorkingCalendar): Evaluation {
  const basis = facts.orderDate ? 'orderDate' : facts.paymentDate ? 'paymentDate' : facts.now ? 'now' : null;
  if (!basis) return { version: null, judgedOn: null, judgedBy: null, findings: [] };
  const on = dhakaDate(facts[basis]!);
  const set = ruleSetInForce(ruleSets, on);
  if (!set) return { version: null, judgedOn: on, judgedBy: basis, findings: [] };
  return { version: set.version, judgedOn: on, judgedBy: basis, findings: set.rules.map((r) => evaluateRule(r, facts, calendar, on)) };
}

/** Validate raw facts (e.g. an HTTP body) and evaluate them. Throws a ZodError on bad input. */
export function evaluateInput(ruleSets: readonly RuleSet[], input: FactsInput, calendar: WorkingCalendar): Evaluation {
  return evaluate(ruleSets, FactsSchema.parse(input), calendar);
}

/** A rule of a rule set by version and id (to show its clause and whose duty it is). */
export function findRule(ruleSets: readonly RuleSet[], version: string, ruleId: string): Rule | undefined {
  return ruleSets.find((s) => s.version === version)?.rules.find((r) => r.id === ruleId);
}
