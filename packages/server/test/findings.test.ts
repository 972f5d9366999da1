// Policy findings on a complaint: computed at filing and stored with the rule-set version,
// re-evaluated when a party states new facts (each an event), reviewed by an officer, and
// counted per rule per merchant.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type TestService,
  type World,
  TINY_PNG,
  complaintInput,
  consumerLogin,
  fileVia,
  makeService,
  makeWorld,
  merchantLogin,
  multipart,
  officerLogin,
  step,
} from './harness.ts';

interface Finding {
  ruleId: string;
  outcome: string;
  effectiveOutcome: string;
  subject: string;
  clause: string;
  explanation: { bn: string; en: string };
  numbers: Record<string, unknown>;
  review: { decision: string; outcome: string; reason: string; officerId?: string } | null;
  staleReview: { outcome: string } | null;
}
interface View {
  trackingCode: string;
  version: number;
  state: string;
  policy: {
    ruleSet: string;
    judgedOn: string;
    trigger: string;
    facts: Record<string, unknown>;
    sources: Record<string, string>;
    findings: Finding[];
    statable: string[];
  };
  timeline: { type: string; actorRole: string; payload: Record<string, unknown> }[];
}

// Harness clock: Sunday 22 Nov 2026, 10:00 Dhaka. Paid 5 Nov, other city: due by 15 Nov.
const lateOrder = () =>
  complaintInput({
    order: { number: `ORD-${Math.random().toString(36).slice(2, 10)}`, date: '2026-11-05', amountBdt: 4200, paymentChannel: 'bkash' },
    facts: { paymentDate: '2026-11-05', sameCity: false, deliveredAt: null },
  });

const finding = (v: View, ruleId: string) => {
  const f = v.policy.findings.find((x) => x.ruleId === ruleId);
  assert.ok(f, `no finding for ${ruleId}`);
  return f;
};

describe('policy findings on a complaint', () => {
  let s: TestService;
  let w: World;
  let consumer: Record<string, string>;
  let merchant: Record<string, string>;
  let otherMerchant: Record<string, string>;

  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '50' } });
    w = await makeWorld(s.deps.db);
    consumer = (await consumerLogin(s)).auth;
    merchant = await merchantLogin(s, w.merchantUser);
    otherMerchant = await merchantLogin(s, w.otherMerchantUser);
  });
  after(() => s.close());

  const view = async (code: string, auth: Record<string, string>) => {
    const r = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: auth });
    assert.equal(r.statusCode, 200, r.body);
    return r.json() as View;
  };
  const stateFacts = (code: string, auth: Record<string, string>, body: Record<string, unknown>) =>
    s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/policy/facts`, headers: auth, payload: body });
  const review = (code: string, auth: Record<string, string>, body: Record<string, unknown>) =>
    s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/policy/review`, headers: auth, payload: body });
  const upload = async (code: string, auth: Record<string, string>) => {
    const form = multipart('courier-receipt.png', TINY_PNG, 'image/png');
    const r = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/evidence`, headers: { ...auth, ...form.headers }, payload: form.payload });
    assert.equal(r.statusCode, 201, r.body);
    return (r.json() as { id: string }).id;
  };

  it('stores the findings with the rule-set version at filing, from the consumer’s facts', async () => {
    const filed = (await fileVia(s, consumer, lateOrder())) as unknown as View;
    assert.equal(filed.policy.ruleSet, 'dcog-2021.1');
    assert.equal(filed.policy.judgedOn, '2026-11-05');
    assert.equal(filed.policy.trigger, 'filed');
    const delivery = finding(filed, 'dcog.delivery');
    assert.equal(delivery.outcome, 'breach');
    assert.equal(delivery.numbers.deadline, '2026-11-15');
    assert.equal(delivery.numbers.daysLate, 7);
    assert.match(delivery.explanation.bn, /১৫ নভে/);
    assert.match(delivery.clause, /DCOG|3\./);
    assert.equal(filed.policy.sources.paymentDate, 'consumer');
    // Facts the filing itself states are used too: the prepaid amount and the cause of action.
    assert.equal(filed.policy.facts.amountPaidBdt, 4200);
    assert.equal(filed.policy.facts.causeOfActionDate, '2026-11-17');
    // The filing event records the evaluation, so the history shows what was found then.
    const filedEvent = filed.timeline.find((e) => e.type === 'filed')!;
    assert.deepEqual((filedEvent.payload.policy as { ruleSet: string }).ruleSet, 'dcog-2021.1');
    assert.equal((filedEvent.payload.policy as { outcomes: Record<string, string> }).outcomes['dcog.delivery'], 'breach');
    // Stored, not recomputed: the merchant reads the same finding.
    assert.equal(finding(await view(filed.trackingCode, merchant), 'dcog.delivery').outcome, 'breach');
  });

  it('a complaint filed without extra facts leaves the rules that need them unknown, not breached', async () => {
    const filed = (await fileVia(s, consumer, complaintInput())) as unknown as View;
    const delivery = finding(filed, 'dcog.delivery');
    assert.equal(delivery.outcome, 'unknown');
    assert.ok(filed.policy.statable.includes('deliveredAt'));
  });

  it('re-evaluates when the merchant contests a fact with evidence; the change is an event', async () => {
    const filed = (await fileVia(s, consumer, lateOrder())) as unknown as View;
    const code = filed.trackingCode;
    const evidenceId = await upload(code, merchant);
    // Without evidence a merchant's word is not enough.
    const bare = await stateFacts(code, merchant, { facts: { deliveredAt: '2026-11-12' } });
    assert.equal(bare.statusCode, 400, bare.body);
    assert.ok(JSON.stringify(bare.json()).includes('evidenceIds'));
    // Facts that are the consumer's to state are not the merchant's to contest.
    const paid = await stateFacts(code, merchant, { facts: { paymentDate: '2026-11-20' }, evidenceIds: [evidenceId] });
    assert.equal(paid.statusCode, 400);
    assert.equal(paid.json().error.code, 'fact_not_allowed');
    // Nobody else can touch it: anonymous 401, another merchant or consumer 404.
    assert.equal((await stateFacts(code, {}, { facts: { deliveredAt: '2026-11-12' } })).statusCode, 401);
    const stranger = (await consumerLogin(s)).auth;
    assert.equal((await stateFacts(code, stranger, { facts: { deliveredAt: '2026-11-12' } })).statusCode, 404);
    assert.equal((await stateFacts(code, otherMerchant, { facts: { deliveredAt: '2026-11-12' }, evidenceIds: [evidenceId] })).statusCode, 404);

    const r = await stateFacts(code, merchant, { facts: { deliveredAt: '2026-11-12T15:00:00+06:00' }, evidenceIds: [evidenceId] });
    assert.equal(r.statusCode, 200, r.body);
    const v = r.json() as View;
    const delivery = finding(v, 'dcog.delivery');
    assert.equal(delivery.outcome, 'compliant');
    assert.equal(v.policy.sources.deliveredAt, 'merchant');
    assert.equal(v.policy.trigger, 'merchant');
    const ev = v.timeline.at(-1)!;
    assert.equal(ev.type, 'policy_facts_stated');
    assert.equal(ev.actorRole, 'merchant');
    assert.deepEqual(ev.payload.evidenceIds, [evidenceId]);
    assert.ok((ev.payload.changed as string[]).includes('dcog.delivery'));
    // The consumer sees the contested finding too.
    assert.equal(finding(await view(code, consumer), 'dcog.delivery').outcome, 'compliant');
  });

  it('lets the consumer add what they learnt later, and refuses stale versions and bad facts', async () => {
    const filed = (await fileVia(s, consumer, lateOrder())) as unknown as View;
    const code = filed.trackingCode;
    const stale = await stateFacts(code, consumer, { facts: { refundDueReason: 'not_fulfilled' }, expectedVersion: filed.version - 1 });
    assert.equal(stale.statusCode, 409);
    const unknownKey = await stateFacts(code, consumer, { facts: { deliveredOn: '2026-11-12' } });
    assert.equal(unknownKey.statusCode, 400);
    const badDate = await stateFacts(code, consumer, { facts: { refundedAt: '12/11/2026' } });
    assert.equal(badDate.statusCode, 400);
    const r = await stateFacts(code, consumer, {
      facts: { refundDueReason: 'not_fulfilled', refundedAt: null },
      expectedVersion: filed.version,
    });
    assert.equal(r.statusCode, 200, r.body);
    // Paid 5 Nov, not refunded by 22 Nov: the 10-day refund duty (to 15 Nov) is breached.
    const refund = finding(r.json() as View, 'dcog.refund');
    assert.equal(refund.outcome, 'breach', JSON.stringify(refund));
  });

  it('lets the officer confirm or override a finding with a reason, and correct facts; new facts void an outdated review', async () => {
    const filed = (await fileVia(s, consumer, lateOrder())) as unknown as View;
    const code = filed.trackingCode;
    // Only officers review, and only cases of their office.
    assert.equal((await review(code, {}, { ruleId: 'dcog.delivery', decision: 'confirm', reason: 'seen it' })).statusCode, 401);
    assert.equal((await review(code, consumer, { ruleId: 'dcog.delivery', decision: 'confirm', reason: 'seen it' })).statusCode, 403);
    assert.equal((await review(code, merchant, { ruleId: 'dcog.delivery', decision: 'confirm', reason: 'seen it' })).statusCode, 403);
    assert.equal((await step(s, merchant, code, 'respond', { kind: 'defence', message: 'The parcel left our warehouse on time.' })).statusCode, 200);
    assert.equal((await step(s, consumer, code, 'reject', { reason: 'Nothing ever arrived.' })).statusCode, 200);
    const officer = await officerLogin(s, w.officer);
    const ctg = await officerLogin(s, w.ctgOfficer);
    assert.equal((await review(code, ctg, { ruleId: 'dcog.delivery', decision: 'confirm', reason: 'checked' })).statusCode, 404);

    const noReason = await review(code, officer, { ruleId: 'dcog.delivery', decision: 'override', outcome: 'compliant' });
    assert.equal(noReason.statusCode, 400);
    const sameOutcome = await review(code, officer, { ruleId: 'dcog.delivery', decision: 'override', outcome: 'breach', reason: 'same' });
    assert.equal(sameOutcome.statusCode, 400);
    assert.equal((await review(code, officer, { ruleId: 'no.such.rule', decision: 'confirm', reason: 'checked' })).statusCode, 404);

    const r = await review(code, officer, {
      ruleId: 'dcog.delivery',
      decision: 'override',
      outcome: 'not_applicable',
      reason: 'The order was a pre-order with a stated delivery date in December.',
    });
    assert.equal(r.statusCode, 200, r.body);
    const reviewed = finding(r.json() as View, 'dcog.delivery');
    assert.equal(reviewed.outcome, 'breach');
    assert.equal(reviewed.effectiveOutcome, 'not_applicable');
    assert.equal(reviewed.review?.officerId, w.officer.id);
    // The parties see the decision and its reason, not the officer's id.
    const forConsumer = finding(await view(code, consumer), 'dcog.delivery');
    assert.equal(forConsumer.effectiveOutcome, 'not_applicable');
    assert.match(forConsumer.review!.reason, /pre-order/);
    assert.equal(forConsumer.review!.officerId, undefined);

    // An officer's correction needs a reason and may state any fact.
    assert.equal((await stateFacts(code, officer, { facts: { sameCity: true } })).statusCode, 400);
    const corrected = await stateFacts(code, officer, { facts: { deliveredAt: '2026-11-21' }, reason: 'Courier record shows delivery on 21 Nov.' });
    assert.equal(corrected.statusCode, 200, corrected.body);
    const after = finding(corrected.json() as View, 'dcog.delivery');
    // Delivered late (21 Nov > 15 Nov) is still a breach, the outcome the review was made on,
    // so the override still holds.
    assert.equal(after.outcome, 'breach');
    assert.equal(after.effectiveOutcome, 'not_applicable');
    const onTime = await stateFacts(code, officer, { facts: { deliveredAt: '2026-11-14' }, reason: 'The courier corrected its record.' });
    const voided = finding(onTime.json() as View, 'dcog.delivery');
    assert.equal(voided.outcome, 'compliant');
    assert.equal(voided.effectiveOutcome, 'compliant');
    assert.equal(voided.review, null);
    assert.equal(voided.staleReview?.outcome, 'not_applicable');
    const types = (onTime.json() as View).timeline.map((e) => e.type);
    assert.equal(types.filter((t) => t === 'policy_facts_stated').length, 2);
    assert.equal(types.filter((t) => t === 'policy_finding_reviewed').length, 1);
  });

  it('counts breaches per rule per merchant, after review, for the merchant, its public profile and the public statistics', async () => {
    // A merchant of its own, so the counts are exact.
    const { createMerchant, createMerchantUser } = await import('../src/admin/ops.ts');
    const id = await createMerchant(s.deps.db, { name: 'Counted Shop', contactEmail: 'care@counted.test', websites: ['counted.test'] });
    const user = { email: 'owner@counted.test', password: 'counted-password-1' };
    await createMerchantUser(s.deps.db, { merchantId: id, name: 'Owner', ...user });
    const own = await merchantLogin(s, user);
    for (let i = 0; i < 3; i++) {
      await fileVia(s, consumer, { ...lateOrder(), merchant: { website: 'counted.test' } });
    }
    // One of the three is contested successfully.
    const [first] = (await s.app.inject({ method: 'GET', url: '/api/v1/merchant/complaints', headers: own })).json().items as { trackingCode: string }[];
    const evidenceId = await upload(first!.trackingCode, own);
    assert.equal((await stateFacts(first!.trackingCode, own, { facts: { deliveredAt: '2026-11-10' }, evidenceIds: [evidenceId] })).statusCode, 200);

    const stats = (await s.app.inject({ method: 'GET', url: '/api/v1/merchant/stats', headers: own })).json() as { policyBreaches: { ruleId: string; breaches: number; confirmed: number }[] };
    assert.deepEqual(stats.policyBreaches.find((b) => b.ruleId === 'dcog.delivery'), { ruleId: 'dcog.delivery', breaches: 2, confirmed: 0 });
    const profile = (await s.app.inject({ method: 'GET', url: `/api/v1/merchants/${id}` })).json() as { policyBreaches: { ruleId: string; breaches: number }[] };
    assert.equal(profile.policyBreaches.find((b) => b.ruleId === 'dcog.delivery')?.breaches, 2);
    const pub = (await s.app.inject({ method: 'GET', url: '/api/v1/policy/breaches?ruleId=dcog.delivery' })).json() as { items: { merchantId: string; merchantName: string; breaches: number }[] };
    const row = pub.items.find((x) => x.merchantId === id);
    assert.equal(row?.breaches, 2);
    assert.equal(row?.merchantName, 'Counted Shop');
    // Consumer-side findings (the regulator window) never count against a merchant.
    assert.ok(!stats.policyBreaches.some((b) => b.ruleId.startsWith('crpa.')));
  });

  it('keeps a finished complaint’s facts as they were', async () => {
    const filed = (await fileVia(s, consumer, lateOrder())) as unknown as View;
    assert.equal((await step(s, consumer, filed.trackingCode, 'withdraw', {})).statusCode, 200);
    const r = await stateFacts(filed.trackingCode, consumer, { facts: { deliveredAt: '2026-11-20' } });
    assert.equal(r.statusCode, 409);
    assert.equal(r.json().error.code, 'complaint_finished');
  });
});
