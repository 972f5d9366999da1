// The policy checks as a party sees them on a complaint: each finding with its rule, inputs and
// the officer's review, where each fact came from, and which facts this person may state.
import { layerFacts } from '@nalish/domain';
import type { PolicyView } from '@nalish/domain/responses';
import type { ComplaintRow } from '../complaints/row.ts';
import type { Actor } from '../access/actor.ts';
import { STATABLE_FACTS } from './commands.ts';
import { type Review, activeReview, effectiveOutcome } from './stored.ts';

export function policyView(row: Pick<ComplaintRow, 'policy' | 'policy_facts'>, actor: Actor): PolicyView | null {
  const e = row.policy;
  if (!e) return null;
  // Officers' ids are for officers; the parties see the decision and its reason.
  const shown = (r: Review | null | undefined) => {
    if (!r) return null;
    if (actor.role === 'officer') return r;
    const { officerId: _omit, ...rest } = r;
    return rest;
  };
  return {
    ruleSet: e.ruleSet,
    judgedOn: e.judgedOn,
    evaluatedAt: e.evaluatedAt,
    trigger: e.trigger,
    facts: layerFacts(row.policy_facts).facts,
    sources: e.sources,
    layers: row.policy_facts,
    findings: e.findings.map((f) => {
      const active = activeReview(e, f);
      return {
        ...f,
        effectiveOutcome: effectiveOutcome(e, f),
        review: shown(active),
        // A review made before new facts changed the computed outcome: shown, no longer applied.
        staleReview: active ? null : shown(e.reviews[f.ruleId]),
      };
    }),
    statable: actor.role === 'system' ? [] : [...STATABLE_FACTS[actor.role]],
  };
}
