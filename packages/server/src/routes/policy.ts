// Policy checks without filing: the widget and the app show the findings for an order's
// facts before a complaint exists. The rule set is the one in force on the order date.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RULE_SETS, evaluateInput } from '@nalish/domain/policy';
import { z } from 'zod';
import type { Deps } from '../deps.ts';

// The facts are validated by the domain's FactsSchema inside the handler (its dates are
// coerced, which JSON Schema cannot describe); a ZodError becomes our 400 validation answer.
const Body = z.record(z.string(), z.unknown()).describe('Order facts: see docs/POLICY.md (orderDate, paymentDate, paymentChannel, amountPaidBdt, deliveredAt, …)');

export const policyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/policy/evaluate',
      {
        schema: { tags: ['public'], summary: 'Evaluate an order’s facts against the rules in force on its order date', body: Body },
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      },
      async (request) => {
        // "Now" is always the server's: a client cannot move a deadline by sending its own.
        const { now: _ignored, ...facts } = request.body;
        return evaluateInput(RULE_SETS, { ...facts, now: deps.now() } as never, await deps.calendar.get());
      },
    );
  };
