// POST /api/v1/policy/evaluate: the findings for an order's facts, before any complaint exists.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestService, makeService } from './harness.ts';

interface Finding {
  ruleId: string;
  outcome: string;
  missingFacts?: string[];
  explanation: { bn: string; en: string };
  numbers: Record<string, unknown>;
}

describe('policy evaluation over HTTP', () => {
  let s: TestService;
  before(async () => {
    // The harness clock: Sunday 22 Nov 2026, 10:00 Dhaka.
    s = await makeService();
  });
  after(() => s.close());

  const evaluate = (body: unknown) => s.app.inject({ method: 'POST', url: '/api/v1/policy/evaluate', payload: body as object });

  it('finds a late delivery, naming the deadline in Bengali digits and in English, by the rules in force on the order date', async () => {
    const r = await evaluate({
      orderDate: '2026-11-10T10:00:00+06:00',
      paymentDate: '2026-11-10T10:05:00+06:00',
      paymentChannel: 'bkash',
      sameCity: true,
      deliveredAt: null,
    });
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json() as { version: string; judgedOn: string; findings: Finding[] };
    assert.equal(body.version, 'dcog-2021.1');
    assert.equal(body.judgedOn, '2026-11-10');
    const delivery = body.findings.find((f) => f.ruleId === 'dcog.delivery')!;
    assert.equal(delivery.outcome, 'breach');
    // Paid 10 Nov, same city: 5 days → due 15 Nov; on 22 Nov it is 7 days late.
    assert.equal(delivery.numbers.deadline, '2026-11-15');
    assert.equal(delivery.numbers.daysLate, 7);
    assert.match(delivery.explanation.bn, /১৫/);
    assert.doesNotMatch(delivery.explanation.bn, /[0-9]/);
    assert.match(delivery.explanation.en, /15 Nov 2026/);
    // Facts nobody gave make a rule unknown, not a breach.
    const refund = body.findings.find((f) => f.ruleId === 'dcog.refund')!;
    assert.equal(refund.outcome, 'unknown');
    assert.ok(refund.missingFacts && refund.missingFacts.length > 0);
  });

  it('uses the server’s clock: a "now" sent by the client is ignored', async () => {
    const facts = { orderDate: '2026-11-20T10:00:00+06:00', paymentDate: '2026-11-20T10:00:00+06:00', paymentChannel: 'nagad', sameCity: false, deliveredAt: null };
    const honest = (await evaluate(facts)).json() as { findings: Finding[] };
    const moved = (await evaluate({ ...facts, now: '2027-06-01T00:00:00+06:00' })).json() as { findings: Finding[] };
    const outcome = (b: { findings: Finding[] }) => b.findings.find((f) => f.ruleId === 'dcog.delivery')!.outcome;
    assert.equal(outcome(honest), 'compliant');
    assert.equal(outcome(moved), 'compliant');
  });

  it('answers bad facts with the usual localised validation error', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/v1/policy/evaluate',
      headers: { 'accept-language': 'en' },
      payload: { orderDate: 'yesterday', paymentChannel: 'gold coins', amountPaidBdt: -5 },
    });
    assert.equal(r.statusCode, 400);
    const e = r.json().error;
    assert.equal(e.code, 'validation');
    const paths = (e.details.fields as { path: string }[]).map((f) => f.path).sort();
    assert.deepEqual(paths, ['amountPaidBdt', 'orderDate', 'paymentChannel']);
  });

  it('is described in the OpenAPI document', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(r.statusCode, 200);
    assert.ok(r.json().paths['/api/v1/policy/evaluate'].post);
  });
});
