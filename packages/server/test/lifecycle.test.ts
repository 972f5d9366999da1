// The whole story through the HTTP API: file, answer, reject, escalate, hear, decide, collect.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestService, type World, consumerLogin, fileVia, makeService, makeWorld, merchantLogin, officerLogin, step } from './harness.ts';

describe('complaint lifecycle over HTTP', () => {
  let s: TestService;
  let w: World;
  before(async () => {
    s = await makeService();
    w = await makeWorld(s.deps.db);
  });
  after(() => s.close());

  it('goes from filing to a decided case with the complainant share recorded', async () => {
    const consumer = await consumerLogin(s);
    const filed = await fileVia(s, consumer.auth);
    assert.equal(filed.state, 'with_merchant');
    assert.match(filed.trackingCode, /^\d{3}-\d{3}-\d{4}$/);
    // Filed Sunday 22 Nov 2026 10:00 Dhaka: 3 working days → Wednesday 25 Nov, 23:59:59.999 Dhaka.
    assert.equal(filed.dueAt, '2026-11-25T17:59:59.999Z');

    const merchant = await merchantLogin(s, w.merchantUser);
    const inbox = await s.app.inject({ method: 'GET', url: '/api/v1/merchant/complaints', headers: merchant });
    assert.equal(inbox.statusCode, 200);
    assert.deepEqual(inbox.json().items.map((i: { trackingCode: string }) => i.trackingCode), [filed.trackingCode]);

    const offer = await step(s, merchant, filed.trackingCode, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 1000, message: 'We can refund half.' });
    assert.equal(offer.statusCode, 200, offer.body);
    assert.equal(offer.json().state, 'merchant_responded');

    const rejected = await step(s, consumer.auth, filed.trackingCode, 'reject', { reason: 'I paid 2500, not 1000.' });
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.equal(rejected.json().state, 'escalated');

    const officer = await officerLogin(s, w.officer);
    const queue = await s.app.inject({ method: 'GET', url: '/api/v1/regulator/cases', headers: officer });
    assert.deepEqual(queue.json().items.map((i: { trackingCode: string }) => i.trackingCode), [filed.trackingCode]);

    const assigned = await step(s, officer, filed.trackingCode, 'assign', { officerId: w.officer.id });
    assert.equal(assigned.json().state, 'under_review', assigned.body);
    const hearingAt = new Date(s.clock.now().getTime() + 5 * 86_400_000).toISOString();
    const hearing = await step(s, officer, filed.trackingCode, 'schedule_hearing', { at: hearingAt, mode: 'in_person', place: 'DNCRP Dhaka, Karwan Bazar' });
    assert.equal(hearing.json().state, 'hearing_scheduled', hearing.body);
    // A scheduled hearing is held (attendance recorded) before the decision (issue 11.14).
    s.clock.set(new Date(Date.parse(hearingAt) + 2 * 3600_000));
    const officerAfter = await officerLogin(s, w.officer); // sessions do not last for days
    const held = await step(s, officerAfter, filed.trackingCode, 'record_hearing', { attendance: 'both' });
    assert.equal(held.json().state, 'under_review', held.body);
    const decided = await step(s, officerAfter, filed.trackingCode, 'decide', {
      outcome: 'upheld',
      reasons: 'The merchant took payment and did not deliver.',
      fineBdt: 20000,
    });
    assert.equal(decided.json().state, 'decided', decided.body);
    const collected = await step(s, officerAfter, filed.trackingCode, 'record_fine_collected', { amountBdt: 20000 });
    assert.equal(collected.statusCode, 200, collected.body);
    assert.equal(collected.json().complainantShareBdt, 5000);
    assert.equal(collected.json().historyChain.ok, true);

    const seen = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${filed.trackingCode}`, headers: consumer.auth });
    assert.deepEqual(
      seen.json().timeline.map((e: { type: string }) => e.type),
      ['filed', 'route', 'respond', 'reject', 'assign', 'schedule_hearing', 'record_hearing', 'decide', 'record_fine_collected'],
    );
  });
});
