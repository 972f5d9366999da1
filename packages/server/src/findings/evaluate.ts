// Evaluating a complaint's facts and saving the result: the complaint's policy columns and the
// per-rule rows the statistics count, in the caller's transaction.
import { type FactLayers, FactsSchema, RULE_SETS, evaluate, findRule, layerFacts } from '@nalish/domain/policy';
import type { WorkingCalendar } from '@nalish/domain';
import type { Queryable } from '../db/db.ts';
import { type Review, type StoredEvaluation, effectiveOutcome } from './stored.ts';

export function evaluateLayers(
  layers: FactLayers,
  opts: { now: Date; calendar: WorkingCalendar; trigger: StoredEvaluation['trigger']; reviews?: Record<string, Review> },
): StoredEvaluation {
  const { facts, sources } = layerFacts(layers);
  // The wire facts were validated when stated; this only turns strings into instants.
  const parsed = FactsSchema.parse({ ...facts, now: opts.now });
  const result = evaluate(RULE_SETS, parsed, opts.calendar);
  return {
    ruleSet: result.version,
    judgedOn: result.judgedOn,
    evaluatedAt: opts.now.toISOString(),
    trigger: opts.trigger,
    sources,
    findings: result.findings.map((f) => {
      const rule = findRule(RULE_SETS, result.version!, f.ruleId)!;
      return { ...f, instrument: rule.instrument, clause: rule.clause, subject: rule.subject };
    }),
    reviews: opts.reviews ?? {},
  };
}

export async function saveEvaluation(
  tx: Queryable,
  c: { id: string; merchant_id: string },
  layers: FactLayers,
  e: StoredEvaluation,
): Promise<void> {
  await tx.query('UPDATE complaints SET policy_facts = $2, policy = $3 WHERE id = $1', [c.id, JSON.stringify(layers), JSON.stringify(e)]);
  await saveFindingRows(tx, c, e);
}

/** Mirror an evaluation into policy_findings (the complaint's own columns already hold it). */
export async function saveFindingRows(tx: Queryable, c: { id: string; merchant_id: string }, e: StoredEvaluation): Promise<void> {
  // A newer rule set could drop a rule; the rows always mirror the latest evaluation.
  await tx.query('DELETE FROM policy_findings WHERE complaint_id = $1 AND NOT (rule_id = ANY($2::text[]))', [c.id, e.findings.map((f) => f.ruleId)]);
  if (e.findings.length === 0) return;
  await tx.query(
    `INSERT INTO policy_findings (complaint_id, rule_id, merchant_id, rule_set, subject, outcome, effective_outcome, reviewed, updated_at)
     SELECT $1, u.rule_id, $2, $3, u.subject, u.outcome, u.effective, u.reviewed, $4
     FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[]) AS u(rule_id, subject, outcome, effective, reviewed)
     ON CONFLICT (complaint_id, rule_id) DO UPDATE SET rule_set = EXCLUDED.rule_set, subject = EXCLUDED.subject,
       outcome = EXCLUDED.outcome, effective_outcome = EXCLUDED.effective_outcome, reviewed = EXCLUDED.reviewed,
       updated_at = EXCLUDED.updated_at`,
    [
      c.id,
      c.merchant_id,
      e.ruleSet,
      e.evaluatedAt,
      e.findings.map((f) => f.ruleId),
      e.findings.map((f) => f.subject),
      e.findings.map((f) => f.outcome),
      e.findings.map((f) => effectiveOutcome(e, f)),
      e.findings.map((f) => e.reviews[f.ruleId]?.reviewedOutcome === f.outcome),
    ],
  );
}
