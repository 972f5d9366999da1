// Policy checks: evaluation without filing (the widget and the app show findings before a
// complaint exists), facts stated on a complaint and the officer's review of its findings, and
// breaches per rule per merchant.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ComplaintViewSchema, EvaluationSchema, MerchantRuleBreachesListSchema } from '@nalish/domain/responses';
import { FactsWireSchema } from '@nalish/domain';
import { OUTCOMES, RULE_SETS, evaluateInput } from '@nalish/domain/policy';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { fullView } from '../complaints/view.ts';
import { reviewFinding, stateFacts } from '../findings/commands.ts';
import { breachesByMerchant } from '../findings/stats.ts';
import { requireRole, requireScope } from '../http/auth.ts';
import { CodeParams, codeOrNotFound } from './complaints.ts';

// The facts are validated by the domain's FactsSchema inside the handler (its dates are
// coerced, which JSON Schema cannot describe); a ZodError becomes our 400 validation answer.
const Body = z.record(z.string(), z.unknown()).describe('Order facts: see docs/POLICY.md (orderDate, paymentDate, paymentChannel, amountPaidBdt, deliveredAt, …)');

const Version = z.number().int().min(1).optional().describe('The version you saw; a newer one answers 409');

const StateFactsBody = z.object({
  facts: FactsWireSchema.describe('Facts to state; a date without a time is the start of that day in Dhaka; null = has not happened'),
  evidenceIds: z.array(z.uuid()).max(10).default([]).describe('Evidence already attached to the complaint (a merchant must give at least one)'),
  reason: z.string().trim().min(3).max(2000).optional().describe('Why (required of an officer)'),
  expectedVersion: Version,
});

const ReviewBody = z.object({
  ruleId: z.string().min(1).max(100),
  decision: z.enum(['confirm', 'override']),
  outcome: z.enum(OUTCOMES).optional().describe('The outcome the officer holds (override only)'),
  reason: z.string().trim().min(3).max(2000),
  expectedVersion: Version,
});

export const policyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/policy/evaluate',
      {
        schema: { tags: ['public'], summary: 'Evaluate an order’s facts against the rules in force on its order date', body: Body, response: { 200: EvaluationSchema } },
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      },
      async (request) => {
        // "Now" is always the server's: a client cannot move a deadline by sending its own.
        const { now: _ignored, ...facts } = request.body;
        return evaluateInput(RULE_SETS, { ...facts, now: deps.now() } as never, await deps.calendar.get());
      },
    );

    app.post(
      '/api/v1/complaints/:code/policy/facts',
      {
        schema: {
          tags: ['complaints'],
          summary: 'State facts for the policy checks (consumer: what they learnt; merchant: contest with evidence; officer: correct, with a reason); the rules run again',
          params: CodeParams,
          body: StateFactsBody,
          response: { 200: ComplaintViewSchema },
        },
      },
      async (request) => {
        // A merchant's API key contests facts as part of answering the complaint.
        const actor = requireScope(request, 'complaints:respond');
        const row = await stateFacts(deps, codeOrNotFound(request.params.code), actor, request.body);
        return fullView(deps.db, row, actor, deps.now(), deps.settings);
      },
    );

    app.post(
      '/api/v1/complaints/:code/policy/review',
      { schema: { tags: ['regulator'], summary: 'Confirm or override one finding, with a reason (officer)', params: CodeParams, body: ReviewBody, response: { 200: ComplaintViewSchema } } },
      async (request) => {
        const actor = requireRole(request, 'officer');
        const row = await reviewFinding(deps, codeOrNotFound(request.params.code), actor, request.body);
        return fullView(deps.db, row, actor, deps.now(), deps.settings);
      },
    );

    app.get(
      '/api/v1/policy/breaches',
      {
        schema: {
          tags: ['public'],
          summary: 'Breaches per rule per merchant (merchant duties, after officer review; `confirmed` = reviewed by an officer)',
          querystring: z.object({ ruleId: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: MerchantRuleBreachesListSchema },
        },
      },
      async (request) => ({ items: await breachesByMerchant(deps.db, request.query) }),
    );
  };
