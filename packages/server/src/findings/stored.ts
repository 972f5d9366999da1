// A complaint's policy evaluation as it is stored (complaints.policy) and shown: the findings
// of the rule set in force on the order date, where each fact came from, and the officer's
// review of each finding.
import type { FactSource, Finding, Outcome, WireFactKey } from '@nalish/domain/policy';

export interface StoredFinding extends Finding {
  instrument: string;
  clause: string;
  subject: 'merchant' | 'consumer';
}

export interface Review {
  decision: 'confirm' | 'override';
  /** The outcome the officer holds: the computed one (confirm) or their own (override). */
  outcome: Outcome;
  /** The computed outcome the officer looked at; new facts that change it void the review. */
  reviewedOutcome: Outcome;
  reason: string;
  officerId: string;
  at: string;
}

export interface StoredEvaluation {
  /** Rule-set version, null when no set was in force on the order date. */
  ruleSet: string | null;
  judgedOn: string | null;
  evaluatedAt: string;
  /** What caused this evaluation. */
  trigger: 'filed' | FactSource;
  sources: Partial<Record<WireFactKey, FactSource>>;
  findings: StoredFinding[];
  reviews: Record<string, Review>;
}

/** The review still in force for a finding: one made on the outcome the rules give now. */
export function activeReview(e: StoredEvaluation, f: Finding): Review | null {
  const r = e.reviews[f.ruleId];
  return r && r.reviewedOutcome === f.outcome ? r : null;
}

export function effectiveOutcome(e: StoredEvaluation, f: Finding): Outcome {
  return activeReview(e, f)?.outcome ?? f.outcome;
}

/** Outcomes by rule, the compact form events carry. */
export function outcomesOf(e: StoredEvaluation): Record<string, Outcome> {
  return Object.fromEntries(e.findings.map((f) => [f.ruleId, effectiveOutcome(e, f)]));
}
