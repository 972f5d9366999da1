// The merchant portal's own endpoints: team members and roles, and the merchant's figures.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fieldMessage } from '@nalish/domain';
import { sweepTimers } from '../src/deadlines/sweep.ts';
import { type TestService, type World, complaintInput, consumerLogin, fileVia, makeService, makeWorld, merchantLogin, step } from './harness.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('merchant team', () => {
  let s: TestService;
  let w: World;
  let owner: Record<string, string>;
  let other: Record<string, string>;

  before(async () => {
    s = await makeService();
    w = await makeWorld(s.deps.db);
    owner = await merchantLogin(s, w.merchantUser);
    other = await merchantLogin(s, w.otherMerchantUser);
  });
  after(() => s.close());

  it('401 without a session, 403 for consumers and API keys', async () => {
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/team' })).statusCode, 401);
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/merchant/team', payload: { email: 'a@b.test', name: 'A', role: 'agent' } })).statusCode, 401);
    const consumer = await consumerLogin(s);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/team', headers: consumer.auth })).statusCode, 403);
    const key = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/api-keys', headers: owner, payload: { label: 'k', scopes: ['complaints:read', 'complaints:respond'] } });
    const bearer = { authorization: `Bearer ${key.json().key}` };
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/team', headers: bearer })).statusCode, 403);
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/merchant/team', headers: bearer, payload: { email: 'k@b.test', name: 'K', role: 'owner' } })).statusCode, 403);
  });

  it('an owner adds an agent with a generated password shown once; the agent signs in', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/team', headers: owner, payload: { email: 'Agent1@ShopBD.test', name: 'Karim', role: 'agent' } });
    assert.equal(r.statusCode, 201, r.body);
    const body = r.json();
    assert.equal(body.member.email, 'agent1@shopbd.test');
    assert.equal(body.member.role, 'agent');
    assert.equal(body.member.active, true);
    assert.ok(body.initialPassword.length >= 10);
    const agent = await merchantLogin(s, { email: 'agent1@shopbd.test', password: body.initialPassword });
    const list = await s.app.inject({ method: 'GET', url: '/api/v1/merchant/team', headers: agent });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json().items.map((m: { email: string }) => m.email).sort(), ['agent1@shopbd.test', 'owner@shopbd.test']);
    assert.ok(!JSON.stringify(list.json()).includes('password'));
  });

  it('an owner may give the password; it is not echoed', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/team', headers: owner, payload: { email: 'owner2@shopbd.test', name: 'Second', role: 'owner', password: 'given-password-1' } });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().initialPassword, undefined);
    await merchantLogin(s, { email: 'owner2@shopbd.test', password: 'given-password-1' });
  });

  it('400 with the field for bad input and a taken e-mail', async () => {
    const bad = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/team', headers: owner, payload: { email: 'not-an-email', name: '', role: 'boss', password: 'short' } });
    assert.equal(bad.statusCode, 400);
    const paths = bad.json().error.details.fields.map((f: { path: string }) => f.path).sort();
    assert.deepEqual(paths, ['email', 'name', 'password', 'role']);
    const taken = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/team', headers: owner, payload: { email: 'OWNER@other.test', name: 'X', role: 'agent' } });
    assert.equal(taken.statusCode, 400);
    // The field's code says what is wrong; its message is the catalogue's, in the reader's language.
    assert.deepEqual(taken.json().error.details.fields, [{ path: 'email', code: 'email_taken', message: fieldMessage('bn', 'email_taken') }]);
    const nothing = await s.app.inject({ method: 'PATCH', url: `/api/v1/merchant/team/${crypto.randomUUID()}`, headers: owner, payload: {} });
    assert.equal(nothing.statusCode, 400);
  });

  it('agents cannot add or change members (403)', async () => {
    const pw = 'agent-password-9';
    await s.app.inject({ method: 'POST', url: '/api/v1/merchant/team', headers: owner, payload: { email: 'agent9@shopbd.test', name: 'Nine', role: 'agent', password: pw } });
    const agent = await merchantLogin(s, { email: 'agent9@shopbd.test', password: pw });
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/team', headers: agent, payload: { email: 'x@shopbd.test', name: 'X', role: 'owner' } });
    assert.equal(r.statusCode, 403);
    const list = (await s.app.inject({ method: 'GET', url: '/api/v1/merchant/team', headers: agent })).json().items as { id: string; email: string }[];
    const ownerId = list.find((m) => m.email === 'owner@shopbd.test')!.id;
    assert.equal((await s.app.inject({ method: 'PATCH', url: `/api/v1/merchant/team/${ownerId}`, headers: agent, payload: { active: false } })).statusCode, 403);
  });

  it('deactivating signs the member out and stops sign-in; reactivating and role changes work', async () => {
    const pw = 'agent-password-7';
    const created = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/team', headers: owner, payload: { email: 'agent7@shopbd.test', name: 'Seven', role: 'agent', password: pw } });
    const id = created.json().member.id as string;
    const agent = await merchantLogin(s, { email: 'agent7@shopbd.test', password: pw });
    const off = await s.app.inject({ method: 'PATCH', url: `/api/v1/merchant/team/${id}`, headers: owner, payload: { active: false } });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().member.active, false);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/complaints', headers: agent })).statusCode, 401);
    const login = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/login', payload: { email: 'agent7@shopbd.test', password: pw } });
    assert.equal(login.statusCode, 401);
    const on = await s.app.inject({ method: 'PATCH', url: `/api/v1/merchant/team/${id}`, headers: owner, payload: { active: true, role: 'owner' } });
    assert.equal(on.statusCode, 200);
    assert.equal(on.json().member.active, true);
    assert.equal(on.json().member.role, 'owner');
    await merchantLogin(s, { email: 'agent7@shopbd.test', password: pw });
  });

  it('an owner cannot deactivate or demote themselves', async () => {
    const me = (await s.app.inject({ method: 'GET', url: '/api/v1/session', headers: owner })).json().userId as string;
    const r = await s.app.inject({ method: 'PATCH', url: `/api/v1/merchant/team/${me}`, headers: owner, payload: { active: false } });
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().error.details.fields[0].path, 'active');
    const d = await s.app.inject({ method: 'PATCH', url: `/api/v1/merchant/team/${me}`, headers: owner, payload: { role: 'agent' } });
    assert.equal(d.statusCode, 400);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/complaints', headers: owner })).statusCode, 200);
  });

  it("another merchant's users are invisible and cannot be changed", async () => {
    const mine = (await s.app.inject({ method: 'GET', url: '/api/v1/merchant/team', headers: owner })).json().items as { id: string; email: string }[];
    const theirs = (await s.app.inject({ method: 'GET', url: '/api/v1/merchant/team', headers: other })).json().items as { id: string; email: string }[];
    assert.deepEqual(theirs.map((m) => m.email), ['owner@other.test']);
    assert.ok(!mine.some((m) => m.email === 'owner@other.test'));
    const target = mine.find((m) => m.email === 'agent1@shopbd.test')!.id;
    const r = await s.app.inject({ method: 'PATCH', url: `/api/v1/merchant/team/${target}`, headers: other, payload: { active: false } });
    assert.equal(r.statusCode, 404);
  });
});

describe('merchant figures', () => {
  let s: TestService;
  let w: World;

  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '100' } });
    w = await makeWorld(s.deps.db);
  });
  after(() => s.close());

  it('401/403, and zeros for a merchant with no complaints', async () => {
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/stats' })).statusCode, 401);
    const consumer = await consumerLogin(s);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/stats', headers: consumer.auth })).statusCode, 403);
    const m = await merchantLogin(s, w.merchantUser);
    const r = await s.app.inject({ method: 'GET', url: '/api/v1/merchant/stats', headers: m });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json(), {
      received: 0, open: 0, phases: { new: 0, with_merchant: 0, with_regulator: 0, closed: 0 }, awaitingAnswer: 0,
      answerDue: 0, answered: 0, notAnswered: 0, acceptedByConsumer: 0, deemedAccepted: 0, awaitingRemedy: 0,
      settled: 0, resolved: 0, confirmedNotResolved: 0, noAnswer: 0, escalated: 0, withdrawn: 0, rejectedInvalid: 0,
      upheld: 0, dismissed: 0, rated: 0, averageRating: null, policyBreaches: [],
      answeredLate: 0, remedyRecorded: 0, awaitingConfirmation: 0, carriedOutNotConfirmed: 0, settledByAgreement: 0,
    });
  });

  it('counts answered on time, resolved, escalated and the average rating', async () => {
    let m = await merchantLogin(s, w.merchantUser);
    let c = await consumerLogin(s);
    const offer = { kind: 'offer', remedy: 'refund', amountBdt: 2500, message: 'We will refund you.' };
    // 1: answered, accepted, fulfilled, rated 4.
    const a = await fileVia(s, c.auth);
    assert.equal((await step(s, m, a.trackingCode, 'respond', offer)).statusCode, 200);
    await step(s, c.auth, a.trackingCode, 'accept');
    await step(s, c.auth, a.trackingCode, 'confirm_fulfilled');
    assert.equal((await step(s, c.auth, a.trackingCode, 'rate', { stars: 4 })).statusCode, 200);
    // 2: answered, rejected → escalated.
    const b = await fileVia(s, c.auth);
    await step(s, m, b.trackingCode, 'respond', offer);
    assert.equal((await step(s, c.auth, b.trackingCode, 'reject', { reason: 'Not enough.' })).statusCode, 200);
    // 3: answered, accepted, fulfilled, rated 2.
    const d = await fileVia(s, c.auth);
    await step(s, m, d.trackingCode, 'respond', offer);
    await step(s, c.auth, d.trackingCode, 'accept');
    await step(s, c.auth, d.trackingCode, 'confirm_fulfilled');
    await step(s, c.auth, d.trackingCode, 'rate', { stars: 2 });
    // 4: never answered: the deadline passes and it escalates.
    const e = await fileVia(s, c.auth);
    s.clock.set(new Date(new Date(e.dueAt).getTime() + 1000));
    await sweepTimers(s.deps);
    // 5: waiting for an answer, not yet due.
    s.clock.advance(DAY);
    c = await consumerLogin(s);
    await fileVia(s, c.auth);
    // Another merchant's complaint never counts.
    await fileVia(s, c.auth, complaintInput({ merchantId: w.otherMerchant }));

    m = await merchantLogin(s, w.merchantUser); // the clock moved past the first session's life
    const view = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${e.trackingCode}`, headers: m })).json();
    assert.equal(view.state, 'escalated', 'the silent complaint escalated');
    const r = await s.app.inject({ method: 'GET', url: '/api/v1/merchant/stats', headers: m });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json(), {
      received: 5,
      // The two fulfilled and rated are closed: open counts only the three still in progress.
      open: 3,
      phases: { new: 0, with_merchant: 1, with_regulator: 2, closed: 2 },
      awaitingAnswer: 1,
      // Answered before the deadline, of the four whose answer came due.
      answerDue: 4,
      answered: 3,
      notAnswered: 1,
      acceptedByConsumer: 2,
      deemedAccepted: 0,
      awaitingRemedy: 0,
      // Nobody answered late, recorded a remedy or settled by agreement in this world.
      answeredLate: 0,
      remedyRecorded: 0,
      awaitingConfirmation: 0,
      carriedOutNotConfirmed: 0,
      settledByAgreement: 0,
      settled: 4,
      resolved: 2,
      confirmedNotResolved: 0,
      noAnswer: 0,
      escalated: 2,
      withdrawn: 0,
      rejectedInvalid: 0,
      upheld: 0,
      dismissed: 0,
      rated: 2,
      averageRating: 3,
      // Filed without the order facts the rules need: no breach can be found.
      policyBreaches: [],
    });
    const theirs = (await s.app.inject({ method: 'GET', url: '/api/v1/merchant/stats', headers: await merchantLogin(s, w.otherMerchantUser) })).json();
    assert.equal(theirs.received, 1);
  });
});
