// One statistics module (issue 10): the merchant's figures, the public profile, the badge and
// the regulator read the same counters; resolved is the consumer's own word; the counters kept
// in each event's transaction equal a recount from the history, whatever happened.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Action, type State, TRANSITIONS, parseCommand } from '@nalish/domain';
import type { Figures } from '@nalish/domain/stats';
import { actOnComplaint } from '../src/complaints/act.ts';
import { sweepTimers } from '../src/deadlines/sweep.ts';
import { AppError } from '../src/errors.ts';
import type { Actor } from '../src/access/actor.ts';
import { countFromHistory, foldCounterDeltas, recountCountersOnce, storedCounters } from '../src/stats/counters.ts';
import { badgeRecordFrom } from '../src/stats/figures.ts';
import { type TestService, type World, complaintInput, consumerLogin, fileVia, makeService, makeWorld, merchantLogin, officerLogin, step } from './harness.ts';

const DAY = 24 * 3600_000;
const OFFER = { kind: 'offer', remedy: 'refund', amountBdt: 2500, message: 'We will refund you.' };

describe('statistics: one module, honest figures', () => {
  let s: TestService;
  let w: World;
  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '1000' } });
    w = await makeWorld(s.deps.db);
  });
  after(() => s.close());

  const profile = async (merchantId: string): Promise<Figures> => (await s.app.inject({ method: 'GET', url: `/api/v1/merchants/${merchantId}` })).json().complaints;
  /** Past every deadline that is due within `days`, and the sweep run until nothing fires. */
  const passDays = async (days: number) => {
    s.clock.advance(days * DAY);
    while ((await sweepTimers(s.deps)).fired > 0);
  };

  it('a deemed acceptance is never counted as resolved; a remedy nobody confirmed is "no answer"', async () => {
    // A merchant of its own, so the figures are this test's alone.
    const { createMerchant } = await import('../src/admin/ops.ts');
    const merchantId = await createMerchant(s.deps.db, { name: 'Deemed Shop', contactEmail: 'care@deemed.test', websites: ['deemed.test'] });
    const { createMerchantUser } = await import('../src/admin/ops.ts');
    const user = { email: 'owner@deemed.test', password: 'merchant-password-3' };
    await createMerchantUser(s.deps.db, { merchantId, name: 'Owner', ...user });
    const c = await consumerLogin(s);
    const filed = await fileVia(s, c.auth, complaintInput({ merchantId }));
    const m = await merchantLogin(s, user);
    assert.equal((await step(s, m, filed.trackingCode, 'respond', OFFER)).statusCode, 200);
    // The consumer does not answer: the offer is taken as accepted (remedy being carried out).
    await passDays(10);
    let f = await profile(merchantId);
    assert.equal(f.deemedAccepted, 1);
    assert.equal(f.acceptedByConsumer, 0);
    assert.equal(f.resolved, 0, 'a deemed acceptance is not resolved');
    // The remedy's deadline passes too, and the consumer says neither way.
    await passDays(30);
    f = await profile(merchantId);
    assert.equal(f.resolved, 0);
    assert.equal(f.noAnswer, 1);
    assert.equal(f.confirmedNotResolved, 0);
    assert.equal(f.settled, 1, 'the n of the outcomes');
    assert.equal(f.received, 1);
  });

  it('a remedy reported not carried out is "confirmed not resolved", and never resolved', async () => {
    const { createMerchant, createMerchantUser } = await import('../src/admin/ops.ts');
    const merchantId = await createMerchant(s.deps.db, { name: 'Unfulfilled Shop', contactEmail: 'care@unfulfilled.test', websites: ['unfulfilled.test'] });
    const user = { email: 'owner@unfulfilled.test', password: 'merchant-password-4' };
    await createMerchantUser(s.deps.db, { merchantId, name: 'Owner', ...user });
    const c = await consumerLogin(s);
    const filed = await fileVia(s, c.auth, complaintInput({ merchantId }));
    const m = await merchantLogin(s, user);
    assert.equal((await step(s, m, filed.trackingCode, 'respond', OFFER)).statusCode, 200);
    assert.equal((await step(s, c.auth, filed.trackingCode, 'accept')).statusCode, 200);
    let f = await profile(merchantId);
    assert.equal(f.acceptedByConsumer, 1);
    assert.equal(f.awaitingRemedy, 1);
    assert.equal(f.resolved, 0, 'an accepted offer is not yet resolved');
    assert.equal((await step(s, c.auth, filed.trackingCode, 'report_unfulfilled', { reason: 'The refund never came.' })).statusCode, 200);
    f = await profile(merchantId);
    assert.equal(f.confirmedNotResolved, 1);
    assert.equal(f.resolved, 0);
    assert.equal(f.escalated, 1);
    assert.equal(f.open, 1, 'with the regulator now');
    assert.equal(f.phases.with_regulator, 1);
  });

  it('the merchant’s figures, the public profile, the regulator and the badge agree', async () => {
    const c = await consumerLogin(s);
    const m = await merchantLogin(s, w.merchantUser);
    const a = await fileVia(s, c.auth, complaintInput({ merchantId: w.merchant }));
    await step(s, m, a.trackingCode, 'respond', OFFER);
    await step(s, c.auth, a.trackingCode, 'accept');
    await step(s, c.auth, a.trackingCode, 'confirm_fulfilled');
    const b = await fileVia(s, c.auth, complaintInput({ merchantId: w.merchant }));
    await step(s, m, b.trackingCode, 'respond', OFFER);
    await step(s, c.auth, b.trackingCode, 'reject', { reason: 'Not enough.' });
    await fileVia(s, c.auth, complaintInput({ merchantId: w.merchant }));

    const own = (await s.app.inject({ method: 'GET', url: '/api/v1/merchant/stats', headers: await merchantLogin(s, w.merchantUser) })).json();
    const { policyBreaches: _, ...ownFigures } = own;
    const publicFigures = await profile(w.merchant);
    assert.deepEqual(publicFigures, ownFigures);
    assert.equal(publicFigures.received, 3);
    assert.equal(publicFigures.resolved, 1);
    const o = await officerLogin(s, w.officer);
    const list = (await s.app.inject({ method: 'GET', url: '/api/v1/regulator/merchants', headers: o })).json() as { items: { id: string; figures: Figures }[] };
    assert.deepEqual(list.items.find((i) => i.id === w.merchant)?.figures, ownFigures);
    s.clock.advance(61_000); // past the badge's one-minute cache
    const badge = (await s.app.inject({ method: 'GET', url: `/api/v1/badge/${w.merchant}?lang=en`, headers: { origin: 'https://shopbd.test' } })).json();
    // Everything here was filed this month: the badge's 12 months hold all of it.
    assert.deepEqual(badge.record, badgeRecordFrom(publicFigures));
    assert.equal(badge.record.complaints, 3);
    assert.equal(badge.record.resolvedPct, 50, 'one resolved of the two settled');
  });

  it('a page view reads the counters only: it never scans the complaints or their history', async () => {
    const seen: string[] = [];
    const db = s.deps.db;
    const query = db.query.bind(db);
    db.query = (async (sql: string, params?: unknown[]) => {
      seen.push(sql);
      return query(sql, params);
    }) as typeof db.query;
    try {
      s.clock.advance(61_000);
      const m = await merchantLogin(s, w.merchantUser);
      seen.length = 0;
      assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/stats', headers: m })).statusCode, 200);
      assert.equal((await s.app.inject({ method: 'GET', url: `/api/v1/merchants/${w.merchant}` })).statusCode, 200);
      assert.equal((await s.app.inject({ method: 'GET', url: `/api/v1/badge/${w.merchant}?lang=en`, headers: { origin: 'https://shopbd.test' } })).statusCode, 200);
    } finally {
      db.query = query;
    }
    const figures = seen.filter((q) => /merchant_counters/.test(q));
    assert.ok(figures.length >= 3, 'each page read the counters');
    // The one exception is live state, not a figure: the profile's "the regulator is late on N
    // of these cases" reads only the late cases, through a partial index (migration 013).
    const lateCases = (q: string) => /regulator_late_since IS NOT NULL AND owner IS NOT NULL/.test(q);
    const scans = seen.filter((q) => /\b(complaints|events)\b/.test(q) && !lateCases(q));
    assert.equal(seen.filter(lateCases).length, 1, 'the profile reads the late cases once');
    assert.deepEqual(scans, [], 'no query read the complaints or the history');
  });

  it('the counters equal a full recount from the history after random lifecycle steps', async () => {
    // A seeded generator: a failure can be replayed.
    let seed = 20261122;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const c = await consumerLogin(s);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push((await fileVia(s, c.auth, complaintInput({ merchantId: pick([w.merchant, w.otherMerchant]) }))).trackingCode);
    const [row] = await s.deps.db.query<{ merchant_id: string; consumer_phone: string; office_id: string }>(
      'SELECT merchant_id, consumer_phone, office_id FROM complaints WHERE tracking_code = $1',
      [codes[0]],
    );
    const consumer: Actor = { role: 'consumer', phone: row!.consumer_phone };
    const officer: Actor = { role: 'officer', officerId: w.officer.id, officeId: row!.office_id };
    const steps: [Action, unknown, 'consumer' | 'merchant' | 'officer'][] = [
      ['respond', OFFER, 'merchant'],
      ['respond', { kind: 'defence', message: 'The parcel was delivered on time.' }, 'merchant'],
      ['accept', {}, 'consumer'],
      ['reject', { reason: 'Not enough.' }, 'consumer'],
      ['confirm_fulfilled', {}, 'consumer'],
      ['report_unfulfilled', { reason: 'It never came.' }, 'consumer'],
      ['rate', { stars: 3 }, 'consumer'],
      ['withdraw', {}, 'consumer'],
      ['reject_invalid', { reason: 'Not a consumer complaint.' }, 'officer'],
      ['assign', { officerId: w.officer.id }, 'officer'],
      ['decide', { outcome: 'upheld', reasons: 'The seller kept the money.', fineBdt: 5000 }, 'officer'],
      ['decide', { outcome: 'dismissed', reasons: 'The parcel was delivered.' }, 'officer'],
      ['close', {}, 'officer'],
    ];
    let taken = 0;
    for (let i = 0; i < 120; i++) {
      if (rand() < 0.1) {
        await passDays(1 + Math.floor(rand() * 12));
        continue;
      }
      const code = pick(codes);
      const [cr] = await s.deps.db.query<{ merchant_id: string; state: State }>('SELECT merchant_id, state FROM complaints WHERE tracking_code = $1', [code]);
      // Mostly a step the state allows (the rest must be refused and change nothing).
      const allowed = steps.filter(([a]) => (TRANSITIONS[a].from as readonly State[]).includes(cr!.state));
      const [action, payload, role] = pick(allowed.length > 0 && rand() < 0.85 ? allowed : steps);
      const actor: Actor = role === 'consumer' ? consumer : role === 'officer' ? officer : { role: 'merchant', merchantId: cr!.merchant_id, userId: 'property-test' };
      try {
        await actOnComplaint(s.deps, { code }, { actor, command: parseCommand(action, payload) });
        taken += 1;
      } catch (e) {
        if (!(e instanceof AppError)) throw e; // a step the state does not allow is refused, nothing else
      }
    }
    assert.ok(taken >= 10, `enough steps were taken (${taken})`);
    assert.deepEqual(await storedCounters(s.deps.db), await countFromHistory(s.deps.db));
    // The workers fold the appended deltas into the counters in batches: nothing lost or
    // counted twice, and nothing left to fold.
    const pending = (await s.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM merchant_counter_deltas'))[0]!.n;
    assert.ok(pending > 0, 'the events appended deltas');
    while ((await foldCounterDeltas(s.deps.db, 7)) > 0);
    assert.equal((await s.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM merchant_counter_deltas'))[0]!.n, 0);
    assert.deepEqual(await storedCounters(s.deps.db), await countFromHistory(s.deps.db));
    // The recount after migration 010 runs once: a second start finds it done.
    assert.equal(await recountCountersOnce(s.deps.db), false);
  });
});
