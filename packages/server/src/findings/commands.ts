// Changing a complaint's policy evaluation: a party states facts (the consumer adds what they
// learnt, the merchant contests with evidence, an officer corrects) and the rules are run
// again; or an officer confirms or overrides one finding. Each is one event in the history,
// written with the new evaluation in one transaction.
import {
  CONSUMER_FACTS,
  type FactSource,
  MERCHANT_CONTESTABLE_FACTS,
  STATE_INFO,
  type WireFactKey,
  type WireFacts,
  WIRE_FACT_KEYS,
} from '@nalish/domain';
import type { Outcome } from '@nalish/domain/policy';
import type { Deps } from '../deps.ts';
import { AppError, invalidFields } from '../errors.ts';
import { recordEvent } from '../complaints/apply.ts';
import { authorise } from '../access/complaint.ts';
import { checkEvidence, lockComplaint } from '../complaints/act.ts';
import type { ComplaintRow } from '../complaints/row.ts';
import type { Actor } from '../access/actor.ts';
import { evaluateLayers, saveEvaluation } from './evaluate.ts';
import { type StoredEvaluation, activeReview, outcomesOf } from './stored.ts';

/** The facts each party may state after filing. */
export const STATABLE_FACTS: Record<FactSource, readonly WireFactKey[]> = {
  consumer: CONSUMER_FACTS,
  merchant: MERCHANT_CONTESTABLE_FACTS,
  officer: WIRE_FACT_KEYS,
};

export function factSourceOf(actor: Actor): FactSource {
  if (actor.role === 'system') throw new AppError('forbidden');
  return actor.role;
}

export interface StateFactsInput {
  facts: WireFacts;
  evidenceIds: string[];
  /** Why (required of an officer's correction). */
  reason?: string | undefined;
  expectedVersion?: number | undefined;
}

function changedRules(before: StoredEvaluation | null, after: StoredEvaluation): string[] {
  const old = before ? outcomesOf(before) : {};
  return Object.entries(outcomesOf(after))
    .filter(([rule, outcome]) => old[rule] !== outcome)
    .map(([rule]) => rule);
}

async function lockOpen(tx: Parameters<typeof lockComplaint>[0], code: string, actor: Actor, expectedVersion?: number): Promise<ComplaintRow> {
  const row = authorise(actor, await lockComplaint(tx, { code }));
  if (expectedVersion !== undefined && expectedVersion !== row.version) throw new AppError('conflict');
  return row;
}

export async function stateFacts(deps: Deps, code: string, actor: Actor, input: StateFactsInput): Promise<ComplaintRow> {
  const source = factSourceOf(actor);
  const allowed = new Set(STATABLE_FACTS[source]);
  const keys = Object.keys(input.facts) as WireFactKey[];
  const notAllowed = keys.find((k) => !allowed.has(k));
  if (notAllowed) throw new AppError('fact_not_allowed', { fact: notAllowed }, { fields: [{ path: `facts.${notAllowed}`, code: 'fact_not_allowed' }] });
  if (keys.length === 0) throw invalidFields({ path: 'facts', code: 'facts_required' });
  // A merchant contests with evidence; an officer's correction says why.
  if (source === 'merchant' && input.evidenceIds.length === 0) {
    throw invalidFields({ path: 'evidenceIds', code: 'evidence_required' });
  }
  if (source === 'officer' && !input.reason) throw invalidFields({ path: 'reason', code: 'reason_required' });

  const now = deps.now();
  const calendar = await deps.calendar.get();
  return deps.db.transaction(async (tx) => {
    const row = await lockOpen(tx, code, actor, input.expectedVersion);
    if (STATE_INFO[row.state].terminal) throw new AppError('complaint_finished');
    await checkEvidence(tx, row.id, input.evidenceIds);
    const layers = { ...row.policy_facts, [source]: { ...row.policy_facts[source], ...input.facts } };
    const evaluation = evaluateLayers(layers, { now, calendar, trigger: source, reviews: row.policy?.reviews ?? {} });
    const updated = await recordEvent(
      tx,
      row,
      {
        type: 'policy_facts_stated',
        actor,
        payload: {
          source,
          facts: input.facts,
          evidenceIds: input.evidenceIds,
          ...(input.reason ? { reason: input.reason } : {}),
          ruleSet: evaluation.ruleSet,
          outcomes: outcomesOf(evaluation),
          changed: changedRules(row.policy, evaluation),
        },
      },
      now,
    );
    await saveEvaluation(tx, updated, layers, evaluation);
    return { ...updated, policy_facts: layers, policy: evaluation };
  });
}

export interface ReviewInput {
  ruleId: string;
  decision: 'confirm' | 'override';
  outcome?: Outcome | undefined;
  reason: string;
  expectedVersion?: number | undefined;
}

export async function reviewFinding(deps: Deps, code: string, actor: Actor, input: ReviewInput): Promise<ComplaintRow> {
  if (actor.role !== 'officer') throw new AppError('forbidden');
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockOpen(tx, code, actor, input.expectedVersion);
    const finding = row.policy?.findings.find((f) => f.ruleId === input.ruleId);
    if (!row.policy || !finding) throw new AppError('finding_not_found');
    const outcome = input.decision === 'confirm' ? finding.outcome : input.outcome;
    if (!outcome || (input.decision === 'override' && outcome === finding.outcome)) {
      throw invalidFields({ path: 'outcome', code: 'override_outcome' });
    }
    const review = { decision: input.decision, outcome, reviewedOutcome: finding.outcome, reason: input.reason, officerId: actor.officerId, at: now.toISOString() };
    const evaluation: StoredEvaluation = { ...row.policy, reviews: { ...row.policy.reviews, [input.ruleId]: review } };
    const previous = activeReview(row.policy, finding);
    const updated = await recordEvent(
      tx,
      row,
      {
        type: 'policy_finding_reviewed',
        actor,
        payload: { ruleId: input.ruleId, decision: input.decision, outcome, computedOutcome: finding.outcome, reason: input.reason, ...(previous ? { replaces: previous.outcome } : {}) },
      },
      now,
    );
    await saveEvaluation(tx, updated, row.policy_facts, evaluation);
    return { ...updated, policy: evaluation };
  });
}
