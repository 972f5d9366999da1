// The merchant API as a merchant's developer meets it: keys with scopes, the rate limit,
// Idempotency-Key on every write, the inbox filters and the events feed.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiKeyScope } from '@nalish/domain';
import { IDEMPOTENCY_LEASE_SECONDS, parseCommand } from '@nalish/domain';
import { actOnComplaintTx } from '../src/complaints/act.ts';
import type { Queryable } from '../src/db/db.ts';
import { readFeed } from '../src/integration/eventFeed.ts';
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
  step,
} from './harness.ts';
import { feedSettled } from './support/feed.ts';
import { otherConnection, secondProcess } from './support/secondProcess.ts';

type Headers = Record<string, string>;

async function newKey(s: TestService, owner: Headers, scopes: ApiKeyScope[], label = 'shop system'): Promise<{ id: string; key: string; auth: Headers }> {
  const r = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/api-keys', headers: owner, payload: { label, scopes } });
  assert.equal(r.statusCode, 201, r.body);
  const { id, key } = r.json() as { id: string; key: string };
  return { id, key, auth: { authorization: `Bearer ${key}` } };
}

const idem = (key = randomUUID()) => ({ 'idempotency-key': key });
const offer = { kind: 'offer', remedy: 'refund', amountBdt: 2500, message: 'We will refund the full amount by bKash.' };

describe('merchant API: keys and scopes', () => {
  let s: TestService;
  let w: World;
  let owner: Headers;
  let consumer: { phone: string; auth: Headers };

  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '100' } });
    w = await makeWorld(s.deps.db);
    owner = await merchantLogin(s, w.merchantUser);
    consumer = await consumerLogin(s);
  });
  after(() => s.close());

  it('an owner creates a key with chosen scopes; the list shows them, never the key', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/api-keys', headers: owner, payload: { label: 'reader', scopes: ['complaints:read'] } });
    assert.equal(r.statusCode, 201, r.body);
    const created = r.json();
    assert.match(created.key, /^nlk_/);
    assert.deepEqual(created.scopes, ['complaints:read']);
    const list = await s.app.inject({ method: 'GET', url: '/api/v1/merchant/api-keys', headers: owner });
    const item = list.json().items.find((k: { id: string }) => k.id === created.id);
    assert.deepEqual(item.scopes, ['complaints:read']);
    assert.ok(!list.body.includes(created.key));
  });

  it('a key needs at least one known scope, each once (400 with the field)', async () => {
    for (const scopes of [[], ['complaints:write'], ['complaints:read', 'complaints:read'], undefined]) {
      const r = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/api-keys', headers: owner, payload: { label: 'x', ...(scopes ? { scopes } : {}) } });
      assert.equal(r.statusCode, 400, `${JSON.stringify(scopes)}: ${r.body}`);
      assert.ok(r.json().error.details.fields.some((f: { path: string }) => f.path.startsWith('scopes')), r.body);
    }
  });

  it('only a signed-in owner creates and revokes keys: an agent and an API key get 403', async () => {
    const pw = 'agent-password-1';
    const add = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/team', headers: owner, payload: { email: 'agent@shopbd.test', name: 'Agent', role: 'agent', password: pw } });
    assert.equal(add.statusCode, 201, add.body);
    const agent = await merchantLogin(s, { email: 'agent@shopbd.test', password: pw });
    const full = await newKey(s, owner, ['complaints:read', 'complaints:respond', 'webhooks:manage']);
    const body = { label: 'more', scopes: ['complaints:read'] };
    for (const who of [agent, { ...full.auth, ...idem() }]) {
      const c = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/api-keys', headers: who, payload: body });
      assert.equal(c.statusCode, 403, c.body);
      const d = await s.app.inject({ method: 'DELETE', url: `/api/v1/merchant/api-keys/${full.id}`, headers: who });
      assert.equal(d.statusCode, 403, d.body);
    }
    // The agent still sees the keys (without the secret); the key itself does not.
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/api-keys', headers: agent })).statusCode, 200);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/api-keys', headers: full.auth })).statusCode, 403);
  });

  it('a bad key and a revoked key: 401 unauthenticated', async () => {
    const bad = await s.app.inject({ method: 'GET', url: '/api/v1/merchant/complaints', headers: { authorization: `Bearer nlk_${'x'.repeat(43)}` } });
    assert.equal(bad.statusCode, 401);
    assert.equal(bad.json().error.code, 'unauthenticated');
    const k = await newKey(s, owner, ['complaints:read']);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/complaints', headers: k.auth })).statusCode, 200);
    assert.equal((await s.app.inject({ method: 'DELETE', url: `/api/v1/merchant/api-keys/${k.id}`, headers: owner })).statusCode, 204);
    const revoked = await s.app.inject({ method: 'GET', url: '/api/v1/merchant/complaints', headers: { ...k.auth, 'accept-language': 'en' } });
    assert.equal(revoked.statusCode, 401);
    assert.deepEqual(revoked.json().error, { code: 'unauthenticated', message: 'Please sign in first.' });
  });

  it('a read-only key reads the inbox, a complaint, its evidence, the feed and the figures, but cannot answer or upload (403 naming the scope)', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const mp = multipart('receipt.png', TINY_PNG);
    const up = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.trackingCode}/evidence`, headers: { ...consumer.auth, ...mp.headers }, payload: mp.payload });
    assert.equal(up.statusCode, 201, up.body);
    const reader = await newKey(s, owner, ['complaints:read']);
    for (const url of [
      '/api/v1/merchant/complaints',
      `/api/v1/complaints/${c.trackingCode}`,
      `/api/v1/complaints/${c.trackingCode}/evidence/${up.json().id}`,
      '/api/v1/merchant/events',
      '/api/v1/merchant/stats',
    ]) {
      const r = await s.app.inject({ method: 'GET', url, headers: reader.auth });
      assert.equal(r.statusCode, 200, `${url}: ${r.body.slice(0, 200)}`);
      assert.equal(r.headers['ratelimit-limit'], '600', url);
    }
    const answer = await s.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.trackingCode}/respond`,
      headers: { ...reader.auth, ...idem(), 'accept-language': 'en' },
      payload: offer,
    });
    assert.equal(answer.statusCode, 403, answer.body);
    assert.deepEqual(answer.json().error, {
      code: 'missing_scope',
      message: 'This API key may not do this: it needs the “complaints:respond” scope.',
      details: { scope: 'complaints:respond' },
    });
    const bn = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.trackingCode}/respond`, headers: { ...reader.auth, ...idem() }, payload: offer });
    assert.equal(bn.json().error.message, 'এই API কী দিয়ে এটি করা যায় না: “complaints:respond” অনুমতি (scope) দরকার।');
    const mp2 = multipart('more.png', TINY_PNG);
    const up2 = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.trackingCode}/evidence`, headers: { ...reader.auth, ...idem(), ...mp2.headers }, payload: mp2.payload });
    assert.equal(up2.statusCode, 403, up2.body);
    assert.equal(up2.json().error.code, 'missing_scope');
    // Nothing changed.
    const view = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${c.trackingCode}`, headers: owner })).json();
    assert.equal(view.state, 'with_merchant');
    assert.equal(view.evidence.length, 1);
  });

  it('a key that may only answer cannot read; one that may only manage webhooks can do neither', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const answerer = await newKey(s, owner, ['complaints:respond']);
    const get = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${c.trackingCode}`, headers: answerer.auth });
    assert.equal(get.statusCode, 403);
    assert.deepEqual(get.json().error.details, { scope: 'complaints:read' });
    const hooks = await newKey(s, owner, ['webhooks:manage']);
    for (const url of ['/api/v1/merchant/complaints', '/api/v1/merchant/events', '/api/v1/merchant/stats', `/api/v1/complaints/${c.trackingCode}`]) {
      const r = await s.app.inject({ method: 'GET', url, headers: hooks.auth });
      assert.equal(r.statusCode, 403, url);
      assert.equal(r.json().error.code, 'missing_scope', url);
    }
    const r = await step(s, { ...hooks.auth, ...idem() }, c.trackingCode, 'respond', offer);
    assert.equal(r.statusCode, 403);
    // The answering key answers (the response view is then returned to it).
    const ok = await step(s, { ...answerer.auth, ...idem() }, c.trackingCode, 'respond', offer);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().state, 'merchant_responded');
  });

  it('with both scopes a key answers with a file: upload evidence, then an offer naming it; staff in the portal are not limited by scopes', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const k = await newKey(s, owner, ['complaints:read', 'complaints:respond']);
    const mp = multipart('refund-slip.png', TINY_PNG);
    const up = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.trackingCode}/evidence`, headers: { ...k.auth, ...idem(), ...mp.headers }, payload: mp.payload });
    assert.equal(up.statusCode, 201, up.body);
    assert.equal(up.json().uploadedBy, 'merchant');
    const r = await step(s, { ...k.auth, ...idem() }, c.trackingCode, 'respond', { ...offer, evidenceIds: [up.json().id] });
    assert.equal(r.statusCode, 200, r.body);
    // The history names the key that acted.
    const [ev] = await s.deps.db.query<{ actor_id: string }>(
      `SELECT e.actor_id FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE c.tracking_code = $1 AND e.type = 'respond'`,
      [c.trackingCode],
    );
    assert.equal(ev?.actor_id, `apikey:${k.id}`);
    const other = await fileVia(s, consumer.auth, complaintInput());
    const portal = await step(s, owner, other.trackingCode, 'respond', offer);
    assert.equal(portal.statusCode, 200, portal.body);
  });

  it('a refund offer without an amount is refused for an API key as in the portal (400 at amountBdt), and nothing is written', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const k = await newKey(s, owner, ['complaints:read', 'complaints:respond']);
    for (const body of [{ kind: 'offer', remedy: 'refund', message: 'We will refund you.' }, { ...offer, amountBdt: 0 }]) {
      const r = await step(s, { ...k.auth, ...idem() }, c.trackingCode, 'respond', body);
      assert.equal(r.statusCode, 400, r.body);
      assert.equal(r.json().error.code, 'validation');
      assert.deepEqual(r.json().error.details.fields.map((f: { path: string }) => f.path), ['amountBdt'], r.body);
    }
    const view = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${c.trackingCode}`, headers: k.auth });
    assert.equal(view.json().state, 'with_merchant');
    assert.equal(view.json().version, c.version);
    assert.equal((await step(s, { ...k.auth, ...idem() }, c.trackingCode, 'respond', offer)).statusCode, 200);
  });

  it('the inbox for a key: filters by state, deadline, filing and change date, with a cursor over all pages', async () => {
    const k = await newKey(s, owner, ['complaints:read', 'complaints:respond']);
    // An hour on from the complaints of the tests above: only this test's are filed after `before`.
    s.clock.advance(3600_000);
    const before = s.clock.now().toISOString();
    const filed: string[] = [];
    for (let i = 0; i < 5; i++) {
      s.clock.advance(60_000);
      filed.push((await fileVia(s, consumer.auth, complaintInput())).trackingCode);
    }
    const answeredAt = new Date(s.clock.now().getTime() + 1000).toISOString();
    s.clock.advance(60_000);
    assert.equal((await step(s, { ...k.auth, ...idem() }, filed[0]!, 'respond', offer)).statusCode, 200);

    const list = async (q: string) => {
      const r = await s.app.inject({ method: 'GET', url: `/api/v1/merchant/complaints?${q}`, headers: k.auth });
      assert.equal(r.statusCode, 200, `${q}: ${r.body}`);
      return r.json() as { items: { trackingCode: string; state: string; dueAt: string | null; updatedAt: string }[]; nextCursor: string | null };
    };
    // Pages of two, all the way through: every complaint filed since `before` once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(`filedAfter=${encodeURIComponent(before)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((i) => i.trackingCode));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual([...seen].sort(), [...filed].sort());

    const answered = await list(`state=merchant_responded&filedAfter=${encodeURIComponent(before)}`);
    assert.deepEqual(answered.items.map((i) => i.trackingCode), [filed[0]]);
    const changed = await list(`updatedAfter=${encodeURIComponent(answeredAt)}`);
    assert.deepEqual(changed.items.map((i) => i.trackingCode), [filed[0]]);
    const waiting = await list(`state=with_merchant&filedAfter=${encodeURIComponent(before)}`);
    assert.equal(waiting.items.length, 4);
    // The deadline window: everything waiting is due after now and before a month from now.
    const month = new Date(s.clock.now().getTime() + 30 * 86_400_000).toISOString();
    const due = await list(`state=with_merchant&filedAfter=${encodeURIComponent(before)}&dueAfter=${encodeURIComponent(s.clock.now().toISOString())}&dueBefore=${encodeURIComponent(month)}`);
    assert.equal(due.items.length, 4);
    assert.deepEqual(due.items.map((i) => i.dueAt), [...due.items.map((i) => i.dueAt)].sort());
    assert.equal((await list(`dueAfter=${encodeURIComponent(month)}`)).items.length, 0);
    const bad = await s.app.inject({ method: 'GET', url: '/api/v1/merchant/complaints?dueAfter=tomorrow', headers: k.auth });
    assert.equal(bad.statusCode, 400);
  });
});

describe('merchant API: rate limit per key', () => {
  let s: TestService;
  let owner: Headers;

  before(async () => {
    s = await makeService({ env: { API_KEY_REQUESTS_PER_MINUTE: '3' } });
    const w = await makeWorld(s.deps.db);
    owner = await merchantLogin(s, w.merchantUser);
  });
  after(() => s.close());

  it('each answer says where the key stands; beyond the limit 429 with Retry-After, until the minute is over', async () => {
    s.clock.set('2026-11-22T04:10:15Z'); // 45 s before the minute turns
    const k = await newKey(s, owner, ['complaints:read']);
    const other = await newKey(s, owner, ['complaints:read']);
    const get = (auth: Headers, lang = 'bn') => s.app.inject({ method: 'GET', url: '/api/v1/merchant/complaints', headers: { ...auth, 'accept-language': lang } });
    for (const remaining of ['2', '1', '0']) {
      const r = await get(k.auth);
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['ratelimit-limit'], '3');
      assert.equal(r.headers['ratelimit-remaining'], remaining);
      assert.equal(r.headers['ratelimit-reset'], '45');
    }
    const over = await get(k.auth, 'en');
    assert.equal(over.statusCode, 429);
    assert.equal(over.headers['retry-after'], '45');
    assert.equal(over.headers['ratelimit-remaining'], '0');
    assert.deepEqual(over.json().error, {
      code: 'api_rate_limited',
      message: 'Too many requests with this API key (at most 3 a minute). Try again in 45 seconds.',
      details: { retryAfterSeconds: 45 },
    });
    const overBn = await get(k.auth);
    assert.equal(overBn.json().error.message, 'এই API কী দিয়ে অনেক বেশি অনুরোধ এসেছে (মিনিটে সর্বোচ্চ ৩টি)। ৪৫ সেকেন্ড পরে আবার চেষ্টা করুন।');
    // Another key has its own count; people in the portal are not counted.
    assert.equal((await get(other.auth)).statusCode, 200);
    const portal = await get(owner);
    assert.equal(portal.statusCode, 200);
    assert.equal(portal.headers['ratelimit-limit'], undefined);
    // A write over the limit is refused before anything runs.
    s.clock.advance(44_000);
    assert.equal((await get(k.auth)).statusCode, 429);
    s.clock.advance(1_000);
    const next = await get(k.auth);
    assert.equal(next.statusCode, 200);
    assert.equal(next.headers['ratelimit-remaining'], '2');
    assert.equal(next.headers['ratelimit-reset'], '60');
  });

  it('the count is shared by every server process on the database', async () => {
    s.clock.set('2026-11-22T05:00:00Z');
    const k = await newKey(s, owner, ['complaints:read']);
    const second = await secondProcess(s);
    try {
      const url = '/api/v1/merchant/complaints';
      const answers = [
        await s.app.inject({ method: 'GET', url, headers: k.auth }),
        await second.app.inject({ method: 'GET', url, headers: k.auth }),
        await s.app.inject({ method: 'GET', url, headers: k.auth }),
        await second.app.inject({ method: 'GET', url, headers: k.auth }),
      ];
      assert.deepEqual(answers.map((r) => r.statusCode), [200, 200, 200, 429]);
      assert.deepEqual(answers.map((r) => r.headers['ratelimit-remaining']), ['2', '1', '0', '0']);
    } finally {
      await second.close();
    }
  });
});

describe('merchant API: Idempotency-Key', () => {
  let s: TestService;
  let w: World;
  let owner: Headers;
  let consumer: { phone: string; auth: Headers };
  let k: { id: string; auth: Headers };

  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '100' } });
    w = await makeWorld(s.deps.db);
    owner = await merchantLogin(s, w.merchantUser);
    consumer = await consumerLogin(s);
    k = await newKey(s, owner, ['complaints:read', 'complaints:respond']);
  });
  after(() => s.close());

  const respondEvents = async (code: string) =>
    (
      (await s.deps.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE c.tracking_code = $1 AND e.type = 'respond'`,
        [code],
      )) as [{ n: number }]
    )[0].n;

  it('a write with an API key and no Idempotency-Key (or an empty or too long one): 400, nothing done', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const none = await step(s, { ...k.auth, 'accept-language': 'en' }, c.trackingCode, 'respond', offer);
    assert.equal(none.statusCode, 400);
    assert.deepEqual(none.json().error, { code: 'idempotency_key_required', message: 'Writes with an API key need an Idempotency-Key header of 1 to 200 characters.' });
    for (const key of ['', 'k'.repeat(201)]) {
      const r = await step(s, { ...k.auth, 'idempotency-key': key }, c.trackingCode, 'respond', offer);
      assert.equal(r.statusCode, 400, `${key.length}: ${r.body}`);
      assert.equal(r.json().error.code, 'idempotency_key_required');
    }
    assert.equal(await respondEvents(c.trackingCode), 0);
    // 200 characters is fine; reads need no key; a person in the portal may leave it out.
    assert.equal((await step(s, { ...k.auth, 'idempotency-key': 'k'.repeat(200) }, c.trackingCode, 'respond', offer)).statusCode, 200);
    assert.equal((await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${c.trackingCode}`, headers: k.auth })).statusCode, 200);
    const other = await fileVia(s, consumer.auth, complaintInput());
    assert.equal((await step(s, owner, other.trackingCode, 'respond', offer)).statusCode, 200);
  });

  it('a write to a path that does not exist is a 404 (no Idempotency-Key asked for)', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/nothing-here', headers: { ...k.auth, accept: 'application/json' }, payload: {} });
    assert.equal(r.statusCode, 404, r.body);
    assert.equal(r.json().error.code, 'not_found');
  });

  it('the same key and request: the first answer again, marked as replayed, and the step taken once', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const key = idem();
    const first = await step(s, { ...k.auth, ...key }, c.trackingCode, 'respond', offer);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    // The consumer moves on in between: the replay still shows the answer as it was.
    assert.equal((await step(s, consumer.auth, c.trackingCode, 'accept')).statusCode, 200);
    // Keys in another order are the same request.
    const again = await step(s, { ...k.auth, ...key }, c.trackingCode, 'respond', { message: offer.message, amountBdt: 2500, remedy: 'refund', kind: 'offer' });
    assert.equal(again.statusCode, 200);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.match(String(again.headers['content-type']), /^application\/json/);
    assert.deepEqual(again.json(), first.json());
    assert.equal(again.json().state, 'merchant_responded');
    assert.equal(await respondEvents(c.trackingCode), 1);
  });

  it('the same key with another body or path: 422, nothing done', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const d = await fileVia(s, consumer.auth, complaintInput());
    const key = idem();
    assert.equal((await step(s, { ...k.auth, ...key }, c.trackingCode, 'respond', offer)).statusCode, 200);
    const body = await step(s, { ...k.auth, ...key, 'accept-language': 'en' }, c.trackingCode, 'respond', { ...offer, amountBdt: 100 });
    assert.equal(body.statusCode, 422);
    assert.deepEqual(body.json().error, {
      code: 'idempotency_key_reused',
      message: 'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    });
    const path = await step(s, { ...k.auth, ...key }, d.trackingCode, 'respond', offer);
    assert.equal(path.statusCode, 422);
    assert.equal(await respondEvents(d.trackingCode), 0);
  });

  it('an error answer is kept too; each key (and each person) has its own Idempotency-Keys', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    assert.equal((await step(s, consumer.auth, c.trackingCode, 'withdraw')).statusCode, 200);
    const key = idem();
    const refused = await step(s, { ...k.auth, ...key }, c.trackingCode, 'respond', offer);
    assert.equal(refused.statusCode, 409);
    const again = await step(s, { ...k.auth, ...key }, c.trackingCode, 'respond', offer);
    assert.equal(again.statusCode, 409);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.json(), refused.json());
    // The same Idempotency-Key from another API key, or from a person, is a different request.
    const d = await fileVia(s, consumer.auth, complaintInput());
    const k2 = await newKey(s, owner, ['complaints:respond']);
    const fromK2 = await step(s, { ...k2.auth, ...key }, d.trackingCode, 'respond', offer);
    assert.equal(fromK2.statusCode, 200);
    assert.equal(fromK2.headers['idempotent-replayed'], undefined);
    const e = await fileVia(s, consumer.auth, complaintInput());
    const person = await step(s, { ...owner, ...key }, e.trackingCode, 'respond', offer);
    assert.equal(person.statusCode, 200);
    const personAgain = await step(s, { ...owner, ...key }, e.trackingCode, 'respond', offer);
    assert.equal(personAgain.headers['idempotent-replayed'], 'true');
  });

  it('an upload retried with the same file (a new multipart boundary) is replayed: one file stored', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const key = idem();
    const send = (name: string, data: Buffer) => {
      const mp = multipart(name, data);
      return s.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.trackingCode}/evidence`, headers: { ...k.auth, ...key, ...mp.headers }, payload: mp.payload });
    };
    const first = await send('slip.png', TINY_PNG);
    assert.equal(first.statusCode, 201, first.body);
    const again = await send('slip.png', TINY_PNG);
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.json().id, first.json().id);
    // Another file under the same key is another request.
    assert.equal((await send('slip.png', Buffer.concat([TINY_PNG, Buffer.from([0])]))).statusCode, 422);
    assert.equal((await send('other-name.png', TINY_PNG)).statusCode, 422);
    const view = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${c.trackingCode}`, headers: k.auth })).json();
    assert.equal(view.evidence.length, 1);
  });

  it('while the first request runs, a second with its key gets 409, also from another server process; a failure (5xx) is not kept', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const storage = s.deps.storage as { put: typeof s.deps.storage.put };
    const realPut = storage.put;
    let release!: () => void;
    let fail = false;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inPut = new Promise<void>((r) => (entered = r));
    storage.put = async (...a) => {
      entered();
      await gate;
      if (fail) throw new Error('storage is down');
      return realPut(...a);
    };
    const second = await secondProcess(s);
    try {
      const key = idem();
      const mp = multipart('slip.png', TINY_PNG);
      const upload = (app = s.app) =>
        app.inject({ method: 'POST', url: `/api/v1/complaints/${c.trackingCode}/evidence`, headers: { ...k.auth, ...key, ...mp.headers, 'accept-language': 'en' }, payload: mp.payload });
      fail = true;
      const first = upload();
      await inPut;
      for (const app of [s.app, second.app]) {
        const busy = await upload(app);
        assert.equal(busy.statusCode, 409, busy.body);
        assert.equal(busy.headers['retry-after'], '1');
        assert.deepEqual(busy.json().error, {
          code: 'idempotency_in_progress',
          message: 'A request with this Idempotency-Key is still being processed. Try again in a moment.',
          details: { retryAfterSeconds: 1 },
        });
      }
      release();
      assert.equal((await first).statusCode, 500);
      // The failure was not kept: the retry runs (on the other process) and succeeds.
      fail = false;
      const retry = await upload(second.app);
      assert.equal(retry.statusCode, 201, retry.body);
      assert.equal(retry.headers['idempotent-replayed'], undefined);
      const replay = await upload();
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.equal(replay.json().id, retry.json().id);
    } finally {
      storage.put = realPut;
      release();
      await second.close();
    }
  });

  it('a running request renews its short hold on the key: past the first lease it is still in progress, never run twice', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const storage = s.deps.storage as { put: typeof s.deps.storage.put };
    const realPut = storage.put;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inPut = new Promise<void>((r) => (entered = r));
    storage.put = async (...a) => {
      entered();
      await gate;
      return realPut(...a);
    };
    try {
      const key = idem();
      const mp = multipart('slow.png', TINY_PNG);
      const upload = () => s.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.trackingCode}/evidence`, headers: { ...k.auth, ...key, ...mp.headers }, payload: mp.payload });
      const first = upload();
      await inPut;
      const lease = async () => new Date((await s.deps.db.query<{ locked_until: Date }>('SELECT locked_until FROM idempotency_keys WHERE key = $1', [key['idempotency-key']]))[0]!.locked_until).getTime();
      const claimed = await lease();
      assert.equal(claimed, s.clock.now().getTime() + IDEMPOTENCY_LEASE_SECONDS * 1000, 'a claim lasts the short lease');
      // Time passes for the server while the upload is slow; the request renews its claim.
      s.clock.advance(IDEMPOTENCY_LEASE_SECONDS * 1000 - 1000);
      for (let i = 0; i < 300 && (await lease()) <= claimed; i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok((await lease()) > claimed, 'the running request renewed its claim');
      s.clock.advance(2000); // past the first lease
      const busy = await upload();
      assert.equal(busy.statusCode, 409, busy.body);
      assert.equal(busy.json().error.code, 'idempotency_in_progress');
      release();
      const done = await first;
      assert.equal(done.statusCode, 201, done.body);
      const replay = await upload();
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.equal(replay.json().id, done.json().id);
    } finally {
      storage.put = realPut;
      release();
    }
  });

  it('two processes sent the same request at once: the step is taken once', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const second = await secondProcess(s);
    try {
      const key = idem();
      const answers = await Promise.all([s.app, second.app, s.app, second.app].map((app) => step({ ...s, app }, { ...k.auth, ...key }, c.trackingCode, 'respond', offer)));
      for (const r of answers) assert.ok([200, 409].includes(r.statusCode), r.body);
      assert.ok(answers.some((r) => r.statusCode === 200 && r.headers['idempotent-replayed'] === undefined));
      assert.equal(await respondEvents(c.trackingCode), 1);
    } finally {
      await second.close();
    }
  });

  it('a key is kept 24 hours: after that it can be used for a new request', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const d = await fileVia(s, consumer.auth, complaintInput());
    const key = idem();
    assert.equal((await step(s, { ...k.auth, ...key }, c.trackingCode, 'respond', offer)).statusCode, 200);
    s.clock.advance(23 * 3600_000);
    assert.equal((await step(s, { ...k.auth, ...key }, d.trackingCode, 'respond', offer)).statusCode, 422);
    s.clock.advance(3600_000);
    const later = await step(s, { ...k.auth, ...key }, d.trackingCode, 'respond', offer);
    assert.equal(later.statusCode, 200, later.body);
    assert.equal(later.headers['idempotent-replayed'], undefined);
  });
});

describe('merchant API: the events feed', () => {
  let s: TestService;
  let w: World;
  let owner: Headers;
  let k: { id: string; auth: Headers };

  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '100' } });
    w = await makeWorld(s.deps.db);
    owner = await merchantLogin(s, w.merchantUser);
    k = await newKey(s, owner, ['complaints:read', 'complaints:respond']);
  });
  after(() => s.close());

  interface Page {
    items: { id: string; type: string; complaint: { trackingCode: string }; data: { action: string } }[];
    nextCursor: string;
    hasMore: boolean;
  }
  const feed = async (after?: string, limit = 100, auth = k.auth): Promise<Page> => {
    const q = new URLSearchParams({ limit: String(limit), ...(after ? { after } : {}) });
    const r = await s.app.inject({ method: 'GET', url: `/api/v1/merchant/events?${q}`, headers: auth });
    assert.equal(r.statusCode, 200, r.body);
    return r.json();
  };
  /** Everything up to now (once every older transaction, in any database, has ended). */
  const drain = async (after?: string, limit = 100) => {
    await feedSettled(s.deps.db, w.merchant);
    const items: Page['items'] = [];
    let cursor = after;
    for (let i = 0; i < 100; i++) {
      const p = await feed(cursor, limit);
      items.push(...p.items);
      cursor = p.nextCursor;
      if (!p.hasMore) break;
    }
    return { items, cursor: cursor! };
  };

  it('every merchant event once, oldest first, through the cursor in pages of any size; then nothing until something happens', async () => {
    const start = (await drain()).cursor;
    const c1 = await consumerLogin(s);
    const a = await fileVia(s, c1.auth, complaintInput());
    const b = await fileVia(s, c1.auth, complaintInput());
    // Evidence and the merchant's own answer are history but not merchant events.
    const mp = multipart('receipt.png', TINY_PNG);
    await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${a.trackingCode}/evidence`, headers: { ...c1.auth, ...mp.headers }, payload: mp.payload });
    assert.equal((await step(s, { ...k.auth, ...idem() }, a.trackingCode, 'respond', offer)).statusCode, 200);
    assert.equal((await step(s, c1.auth, a.trackingCode, 'reject', { reason: 'The refund is too small.' })).statusCode, 200);
    assert.equal((await step(s, c1.auth, b.trackingCode, 'withdraw')).statusCode, 200);
    // Another merchant's complaint never shows.
    await fileVia(s, c1.auth, complaintInput({ merchantId: w.otherMerchant }));

    const all = await drain(start);
    // The consumer's rejection sends the complaint to the regulator: one event, "escalated".
    assert.deepEqual(
      all.items.map((e) => [e.type, e.complaint.trackingCode, e.data.action]),
      [
        ['complaint.created', a.trackingCode, 'route'],
        ['complaint.created', b.trackingCode, 'route'],
        ['complaint.escalated', a.trackingCode, 'reject'],
        ['complaint.consumer_replied', b.trackingCode, 'withdraw'],
      ],
    );
    const ids = all.items.map((e) => Number(e.id.replace('evt_', '')));
    assert.equal(new Set(ids).size, ids.length);
    for (const size of [1, 2, 3]) assert.deepEqual((await drain(start, size)).items, all.items, `pages of ${size}`);
    // Caught up: an empty page, the same position.
    const idle = await feed(all.cursor);
    assert.deepEqual(idle.items, []);
    assert.equal(idle.hasMore, false);
    assert.equal(idle.nextCursor, all.cursor);
    // Something new appears after the saved cursor, and only that.
    const c = await fileVia(s, c1.auth, complaintInput());
    const next = await drain(all.cursor);
    assert.deepEqual(next.items.map((e) => [e.type, e.complaint.trackingCode]), [['complaint.created', c.trackingCode]]);
  });

  it('a cursor that is not from the feed: 400; staff in the portal read the same feed', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/api/v1/merchant/events?after=nonsense', headers: k.auth });
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().error.details.fields[0].path, 'after');
    await feedSettled(s.deps.db, w.merchant);
    assert.deepEqual((await feed(undefined, 100, owner)).items, (await feed(undefined, 100)).items);
  });

  it('an event whose transaction is still open is not handed out, and the cursor does not pass it', async () => {
    const c1 = await consumerLogin(s);
    const a = await fileVia(s, c1.auth, complaintInput());
    assert.equal((await step(s, { ...k.auth, ...idem() }, a.trackingCode, 'respond', offer)).statusCode, 200);
    const start = (await drain()).cursor;
    // Inside the writing transaction (the only view PGlite's single connection allows of it),
    // the feed does not yet include the new event.
    const inside = await s.deps.db.transaction(async (tx) => {
      await actOnComplaintTx(tx, s.deps, { code: a.trackingCode }, { actor: { role: 'consumer', phone: c1.phone }, command: parseCommand('reject', { reason: 'Too little.' }) });
      return readFeed(tx, w.merchant, start, 100);
    });
    assert.deepEqual(inside.items, []);
    assert.equal(inside.nextCursor, start);
    const afterCommit = await drain(start);
    assert.deepEqual(afterCommit.items.map((e) => [e.type, e.complaint.trackingCode, e.data.action]), [['complaint.escalated', a.trackingCode, 'reject']]);
  });

  // PGlite has a single connection, so two transactions cannot overlap there; the test above
  // checks the same rule from inside the open transaction.
  if (process.env.DATABASE_URL) {
    it('PostgreSQL, two real transactions: a lower event id committed after a higher one is still delivered, once; a complaint’s events stay in order', async () => {
      const other = await otherConnection(s);
      const deps2 = { ...s.deps, db: other.db };
      // Open transactions are let go on any failure, so closing the pool cannot hang.
      const gates: (() => void)[] = [];
      const held = () => new Promise<void>((r) => gates.push(r));
      const open: Promise<unknown>[] = [];
      const c1 = await consumerLogin(s);
      const consumerActor = { role: 'consumer' as const, phone: c1.phone };
      const lastEventId = async (code: string, db: Queryable = s.deps.db) =>
        Number(
          (
            (await db.query<{ id: number }>('SELECT max(e.id) AS id FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE c.tracking_code = $1', [
              code,
            ])) as [{ id: number }]
          )[0].id,
        );
      try {
        const a = await fileVia(s, c1.auth, complaintInput());
        const b = await fileVia(s, c1.auth, complaintInput());
        for (const x of [a, b]) assert.equal((await step(s, { ...k.auth, ...idem() }, x.trackingCode, 'respond', offer)).statusCode, 200);
        const start = (await drain()).cursor;

        // T1 (another connection) writes the consumer's acceptance on A and stays open.
        const t1Held = held();
        const commitT1 = gates.at(-1)!;
        let t1Wrote!: (id: number) => void;
        const t1Id = new Promise<number>((r) => (t1Wrote = r));
        const t1 = other.db.transaction(async (tx) => {
          await actOnComplaintTx(tx, deps2, { code: a.trackingCode }, { actor: consumerActor, command: parseCommand('accept', {}) });
          t1Wrote(await lastEventId(a.trackingCode, tx));
          await t1Held;
        });
        open.push(t1.catch(() => undefined));
        const lowId = await t1Id;
        // T2 accepts on B and commits: a higher id, committed first.
        assert.equal((await step(s, c1.auth, b.trackingCode, 'accept')).statusCode, 200);
        const highId = await lastEventId(b.trackingCode);
        assert.ok(lowId < highId, `${lowId} < ${highId}`);
        // A reader paging by id would now take B's event, move past lowId and never see A's.
        const naive = await s.deps.db.query<{ id: number }>('SELECT id FROM events WHERE id >= $1 ORDER BY id', [lowId]);
        assert.deepEqual(naive.map((r) => Number(r.id)), [highId]);
        // The feed holds B's event back while T1 is open, and its cursor stays before A's.
        const during = await feed(start);
        assert.deepEqual(during.items, []);
        commitT1();
        await t1;
        const done = await drain(during.nextCursor);
        assert.deepEqual(
          done.items.map((e) => [e.id, e.complaint.trackingCode]),
          [
            [`evt_${lowId}`, a.trackingCode],
            [`evt_${highId}`, b.trackingCode],
          ],
        );
        assert.deepEqual((await feed(done.cursor)).items, []);

        // A transaction that got its id early and then waited: T3 takes an id, T4 (later id)
        // adds evidence to B and commits, then T3 confirms B. T3's event must still come after
        // T4's in the feed, as it does in B's history.
        const t4Done = held();
        const t4Committed = gates.at(-1)!;
        let t3Started!: () => void;
        const t3HasId = new Promise<void>((r) => (t3Started = r));
        const t3 = other.db.transaction(async (tx) => {
          await tx.query('SELECT pg_current_xact_id()');
          t3Started();
          await t4Done;
          await actOnComplaintTx(tx, deps2, { code: b.trackingCode }, { actor: consumerActor, command: parseCommand('confirm_fulfilled', {}) });
        });
        open.push(t3.catch(() => undefined));
        await t3HasId;
        const mp = multipart('proof.png', TINY_PNG);
        const up = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${b.trackingCode}/evidence`, headers: { ...c1.auth, ...mp.headers }, payload: mp.payload });
        assert.equal(up.statusCode, 201, up.body);
        t4Committed();
        await t3;
        const history = await s.deps.db.query<{ type: string; seq: number }>(
          `SELECT e.type, e.seq FROM events e JOIN complaints c ON c.id = e.complaint_id
            WHERE c.tracking_code = $1 ORDER BY e.feed_tx, e.id`,
          [b.trackingCode],
        );
        assert.deepEqual(history.map((r) => r.seq), [...history.map((r) => r.seq)].sort((x, y) => x - y), JSON.stringify(history));
        assert.deepEqual(history.slice(-2).map((r) => r.type), ['evidence_added', 'confirm_fulfilled']);
        const fed = (await drain(done.cursor)).items.map((e) => [e.complaint.trackingCode, e.data.action]);
        assert.deepEqual(fed, [[b.trackingCode, 'confirm_fulfilled']]);
      } finally {
        for (const release of gates) release();
        await Promise.all(open);
        await other.close();
      }
    });
  }
});
