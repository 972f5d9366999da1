// The typed client against a real Nalish server listening on a loopback port (the server's
// test harness: PGlite by default, PostgreSQL with DATABASE_URL).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  type TestService,
  type World,
  TINY_PNG,
  complaintInput,
  consumerLogin,
  fileVia,
  makeClock,
  makeService,
  makeWorld,
  merchantLogin,
  multipart,
  step,
} from '../../server/test/harness.ts';
import { feedSettled } from '../../server/test/support/feed.ts';
import { IDEMPOTENCY_LEASE_SECONDS } from '@nalish/domain';
import { buildApp } from '../../server/src/app.ts';
import { NalishApiError, NalishClient } from '../src/index.ts';

async function listening(s: TestService): Promise<string> {
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
}

async function newKey(s: TestService, owner: Record<string, string>, scopes: string[]): Promise<string> {
  const r = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/api-keys', headers: owner, payload: { label: 'client test', scopes } });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().key as string;
}

/** A fetch that records what was sent. */
function recording(inner: typeof fetch = fetch) {
  const calls: { method: string; url: URL; headers: Record<string, string>; body: unknown }[] = [];
  const f: typeof fetch = async (input, init) => {
    const headers = { ...(init?.headers as Record<string, string>) };
    calls.push({ method: init?.method ?? 'GET', url: new URL(String(input)), headers, body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body });
    return inner(input, init);
  };
  return { calls, fetch: f };
}

const offer = { kind: 'offer', remedy: 'refund', amountBdt: 2500, message: 'We will refund the full amount by bKash today.' } as const;

describe('@nalish/client against a running server', () => {
  let s: TestService;
  let w: World;
  let baseUrl: string;
  let owner: Record<string, string>;
  let consumer: { phone: string; auth: Record<string, string> };
  let client: NalishClient;
  let apiKey: string;

  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '100' } });
    w = await makeWorld(s.deps.db);
    baseUrl = await listening(s);
    owner = await merchantLogin(s, w.merchantUser);
    consumer = await consumerLogin(s);
    apiKey = await newKey(s, owner, ['complaints:read', 'complaints:respond']);
    client = new NalishClient({ baseUrl, apiKey });
  });
  after(() => s.close());

  const respondEvents = async (code: string) =>
    (
      (await s.deps.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE c.tracking_code = $1 AND e.type = 'respond'`,
        [code],
      )) as [{ n: number }]
    )[0].n;

  it('lists the inbox a page at a time and through the iterator, with filters; reads a complaint', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 5; i++) filed.push((await fileVia(s, consumer.auth, complaintInput())).trackingCode);
    const first = await client.listComplaints({ limit: 2 });
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const all: string[] = [];
    for await (const c of client.iterateComplaints({ limit: 2, state: ['with_merchant'] })) all.push(c.trackingCode);
    assert.deepEqual([...all].sort(), [...filed].sort());
    assert.equal(new Set(all).size, all.length);
    const one = await client.getComplaint(filed[0]!.replaceAll('-', ''));
    assert.equal(one.trackingCode, filed[0]);
    assert.equal(one.state, 'with_merchant');
    assert.deepEqual(one.actions, ['respond']);
    assert.equal(one.consumer.phone, consumer.phone);
    assert.equal((await client.whoami()).merchantId, w.merchant);
    assert.equal((await client.stats()).awaitingAnswer, 5);
  });

  it('answers with a file: upload, an offer naming it, and the file downloaded back', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    const ev = await client.uploadEvidence(c.trackingCode, { filename: 'refund-slip.png', data: TINY_PNG, contentType: 'image/png' });
    assert.equal(ev.mediaType, 'image/png');
    assert.equal(ev.uploadedBy, 'merchant');
    const answered = await client.respond(c.trackingCode, { ...offer, evidenceIds: [ev.id] }, { expectedVersion: c.version + 1 });
    assert.equal(answered.state, 'merchant_responded');
    assert.deepEqual(answered.response?.kind === 'offer' && answered.response.evidenceIds, [ev.id]);
    const file = await client.downloadEvidence(c.trackingCode, ev.id);
    assert.deepEqual(Buffer.from(file.data), TINY_PNG);
    assert.equal(file.contentType, 'image/png');
  });

  it('refuses a body the server would refuse before sending it, with the same error shape', async () => {
    const rec = recording();
    const local = new NalishClient({ baseUrl, apiKey, fetch: rec.fetch, locale: 'bn' });
    const c = await fileVia(s, consumer.auth, complaintInput());
    await assert.rejects(
      local.respond(c.trackingCode, { kind: 'offer', remedy: 'cash' as 'refund', message: 'x' }),
      (e: NalishApiError) => {
        assert.ok(e instanceof NalishApiError);
        assert.equal(e.status, 0);
        assert.equal(e.code, 'validation');
        assert.equal(e.message, 'কিছু তথ্য সঠিক নয়। চিহ্নিত ঘরগুলো দেখে নিন।');
        assert.deepEqual(e.details?.fields?.map((f) => f.path), ['remedy']);
        // The field's message from the catalogues, as the server would write it.
        assert.deepEqual(e.details?.fields?.[0], { path: 'remedy', code: 'choose_option', message: 'দেওয়া বিকল্পগুলোর একটি বেছে নিন।' });
        return true;
      },
    );
    // A refund names its amount: the domain's rule, checked here before anything is sent.
    await assert.rejects(local.respond(c.trackingCode, { kind: 'offer', remedy: 'refund', message: 'We will refund you.' }), (e: NalishApiError) => {
      assert.equal(e.status, 0);
      assert.deepEqual(e.details?.fields?.map((f) => f.path), ['amountBdt']);
      return true;
    });
    await assert.rejects(local.getComplaint('123-456-7890'), { code: 'validation', status: 0 });
    await assert.rejects(local.listComplaints({ dueBefore: 'next week' }), { code: 'validation', status: 0 });
    assert.equal(rec.calls.length, 0);
    assert.equal(await respondEvents(c.trackingCode), 0);
  });

  it('the server’s refusals are typed: a bad key, a missing scope (named), a stale version', async () => {
    await assert.rejects(new NalishClient({ baseUrl, apiKey: `nlk_${'x'.repeat(43)}` }).listComplaints(), { name: 'NalishApiError', status: 401, code: 'unauthenticated', message: 'Please sign in first.' });
    const reader = new NalishClient({ baseUrl, apiKey: await newKey(s, owner, ['complaints:read']) });
    const c = await fileVia(s, consumer.auth, complaintInput());
    await assert.rejects(reader.respond(c.trackingCode, offer), (e: NalishApiError) => {
      assert.equal(e.status, 403);
      assert.equal(e.code, 'missing_scope');
      assert.deepEqual(e.details, { scope: 'complaints:respond' });
      assert.match(e.message, /complaints:respond/);
      return true;
    });
    await assert.rejects(client.respond(c.trackingCode, offer, { expectedVersion: 1 }), { status: 409, code: 'conflict' });
    assert.equal(await respondEvents(c.trackingCode), 0);
  });

  it('every write carries an Idempotency-Key: an answer lost on the way is retried with the same key and the step is taken once', async () => {
    const c = await fileVia(s, consumer.auth, complaintInput());
    let dropped = false;
    const rec = recording(async (input, init) => {
      const res = await fetch(input, init);
      if (init?.method === 'POST' && !dropped) {
        dropped = true;
        throw new TypeError('fetch failed: the connection was reset'); // the server did the work; the answer never came
      }
      return res;
    });
    const slept: number[] = [];
    const flaky = new NalishClient({ baseUrl, apiKey, fetch: rec.fetch, sleep: async (ms) => void slept.push(ms) });
    const answered = await flaky.respond(c.trackingCode, offer);
    assert.equal(answered.state, 'merchant_responded');
    const posts = rec.calls.filter((x) => x.method === 'POST');
    assert.equal(posts.length, 2);
    assert.match(posts[0]!.headers['idempotency-key']!, /^[0-9a-f-]{36}$/);
    assert.equal(posts[1]!.headers['idempotency-key'], posts[0]!.headers['idempotency-key']);
    assert.deepEqual(slept, [500]);
    assert.equal(await respondEvents(c.trackingCode), 1);

    // A key of your own: the same call again is answered from the first; another body is refused.
    const d = await fileVia(s, consumer.auth, complaintInput());
    const idempotencyKey = `order-system-job-${d.trackingCode}`;
    const once = await client.respond(d.trackingCode, offer, { idempotencyKey });
    const twice = await client.respond(d.trackingCode, offer, { idempotencyKey });
    assert.deepEqual(twice, once);
    assert.equal(await respondEvents(d.trackingCode), 1);
    await assert.rejects(client.respond(d.trackingCode, { ...offer, amountBdt: 10 }, { idempotencyKey }), { status: 422, code: 'idempotency_key_reused' });
  });

  it('polls the events feed: every event once, oldest first; continues from a stored cursor; stops when aborted', async () => {
    // Everything so far first (the feed waits for older transactions, in any database, to end).
    await feedSettled(s.deps.db, w.merchant);
    const start = await (async () => {
      let p = await client.events();
      while (p.hasMore) p = await client.events({ after: p.nextCursor });
      return p.nextCursor;
    })();
    const a = await fileVia(s, consumer.auth, complaintInput());
    const b = await fileVia(s, consumer.auth, complaintInput());
    const seen: string[] = [];
    let cursor = start;
    const stop = new AbortController();
    const poller = new NalishClient({ baseUrl, apiKey, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) });
    for await (const page of poller.pollEvents({ after: start, limit: 1, signal: stop.signal })) {
      seen.push(...page.items.map((e) => `${e.type} ${e.complaint.trackingCode}`));
      cursor = page.nextCursor;
      if (seen.length === 2) stop.abort();
    }
    assert.deepEqual(seen, [`complaint.created ${a.trackingCode}`, `complaint.created ${b.trackingCode}`]);
    // Later, from the stored cursor: only what happened since.
    assert.equal((await step(s, consumer.auth, a.trackingCode, 'withdraw')).statusCode, 200);
    await feedSettled(s.deps.db, w.merchant);
    const next = await client.events({ after: cursor });
    assert.deepEqual(
      next.items.map((e) => [e.type, e.complaint.trackingCode, e.data.action]),
      [['complaint.consumer_replied', a.trackingCode, 'withdraw']],
    );
    await assert.rejects(client.events({ limit: 500 }), { code: 'validation', status: 0 });
  });

  it('webhook endpoints against the server: create (secret once), list, update, rotate, delete; bad input refused before sending', async () => {
    const hooks = new NalishClient({ baseUrl, apiKey: await newKey(s, owner, ['webhooks:manage']) }).webhooks;
    const created = await hooks.create({ url: 'https://hooks.shopbd.example/nalish', events: ['complaint.created', 'complaint.escalated'] });
    assert.match(created.secret, /^whsec_/);
    const id = created.endpoint.id;
    assert.deepEqual(created.endpoint.events, ['complaint.created', 'complaint.escalated']);
    const listed = await hooks.list();
    assert.ok(listed.items.some((e) => e.id === id));
    assert.ok(!JSON.stringify(listed).includes(created.secret), 'the secret is never listed');
    assert.ok(listed.eventTypes.includes('complaint.decided'));
    assert.equal((await hooks.update(id, { enabled: false })).enabled, false);
    const rotated = await hooks.rotateSecret(id);
    assert.notEqual(rotated.secret, created.secret);
    assert.equal(await hooks.delete(id), undefined);
    assert.ok(!(await hooks.list()).items.some((e) => e.id === id));
    // Checked with the server's own schema: nothing is sent.
    await assert.rejects(hooks.create({ url: 'https://hooks.shopbd.example/x', events: ['complaint.updated' as 'complaint.created'] }), { code: 'validation', status: 0 });
    // Refused by the server (a private address), as a typed error with its code.
    await assert.rejects(hooks.create({ url: 'https://10.0.0.7/hooks', events: ['complaint.created'] }), { code: 'webhook_url_private', status: 400 });
    // A key without the scope gets the server's 403.
    const reader = new NalishClient({ baseUrl, apiKey }).webhooks;
    await assert.rejects(reader.list(), { code: 'missing_scope', status: 403 });
  });
});

describe('@nalish/client: the rate limit', () => {
  let s: TestService;
  let baseUrl: string;
  let apiKey: string;

  before(async () => {
    s = await makeService({ env: { API_KEY_REQUESTS_PER_MINUTE: '2' }, clock: makeClock('2026-11-22T04:10:59Z') });
    const w = await makeWorld(s.deps.db);
    baseUrl = await listening(s);
    apiKey = await newKey(s, await merchantLogin(s, w.merchantUser), ['complaints:read']);
  });
  after(() => s.close());

  it('a 429 is retried after its Retry-After; a wait longer than allowed, or no retries left, throws the typed error', async () => {
    // The server's clock moves only when the client "sleeps".
    const slept: number[] = [];
    const sleep = async (ms: number) => {
      slept.push(ms);
      s.clock.advance(ms);
    };
    const client = new NalishClient({ baseUrl, apiKey, sleep });
    await client.listComplaints();
    await client.listComplaints();
    const third = await client.listComplaints(); // over the limit: waits 1 s into the next minute
    assert.deepEqual(third.items, []);
    assert.deepEqual(slept, [1000]);

    await client.listComplaints(); // 2 of 2 in this minute
    const impatient = new NalishClient({ baseUrl, apiKey, sleep, maxRetryWaitSeconds: 10 });
    await assert.rejects(impatient.listComplaints(), (e: NalishApiError) => {
      assert.equal(e.status, 429);
      assert.equal(e.code, 'api_rate_limited');
      assert.equal(e.retryAfterSeconds, 60);
      assert.equal(e.message, 'Too many requests with this API key (at most 2 a minute). Try again in 60 seconds.');
      return true;
    });
    await assert.rejects(new NalishClient({ baseUrl, apiKey, sleep, maxRetries: 0 }).listComplaints(), { status: 429, code: 'api_rate_limited' });
    assert.deepEqual(slept, [1000]);
  });
});

describe('@nalish/client after a server crashed mid-request', () => {
  let s: TestService;
  let baseUrl: string;
  let apiKey: string;
  let code: string;
  before(async () => {
    s = await makeService();
    const w = await makeWorld(s.deps.db);
    baseUrl = await listening(s);
    apiKey = await newKey(s, await merchantLogin(s, w.merchantUser), ['complaints:read', 'complaints:respond']);
    code = (await fileVia(s, (await consumerLogin(s)).auth, complaintInput())).trackingCode;
  });
  after(() => s.close());

  it('the same Idempotency-Key is "in progress" only for the short lease; the client waits it out with growing waits and the upload runs', async () => {
    const key = 'order-job-4711';
    // The server that crashed: it claimed the key, started storing the file and never finished;
    // its clock stopped with it (so its lease is never renewed past the moment it died).
    const diedAt = s.clock.now();
    const crashed = await buildApp({ ...s.deps, now: () => diedAt, storage: { ...s.deps.storage, put: () => new Promise<void>(() => undefined) } });
    const form = multipart('receipt.png', TINY_PNG, 'image/png');
    void crashed.inject({ method: 'POST', url: `/api/v1/complaints/${code}/evidence`, headers: { authorization: `Bearer ${apiKey}`, 'idempotency-key': key, ...form.headers }, payload: form.payload });
    for (let i = 0; i < 500; i++) {
      const [row] = await s.deps.db.query<{ status: string }>('SELECT status FROM idempotency_keys WHERE key = $1', [key]);
      if (row?.status === 'started') break;
      await new Promise((r) => setTimeout(r, 10));
    }

    // The restarted server answers the retry "in progress" until the crashed one's lease is over.
    const slept: number[] = [];
    const client = new NalishClient({ baseUrl, apiKey, sleep: async (ms) => {
      slept.push(ms);
      s.clock.advance(ms);
    } });
    const ev = await client.uploadEvidence(code, { filename: 'receipt.png', data: TINY_PNG, contentType: 'image/png' }, { idempotencyKey: key });
    assert.equal(ev.mediaType, 'image/png');
    assert.deepEqual(slept, [1000, 2000, 4000, 8000]);
    assert.ok(slept.reduce((a, b) => a + b, 0) >= IDEMPOTENCY_LEASE_SECONDS * 1000);
    assert.equal(IDEMPOTENCY_LEASE_SECONDS, 10);
    // Done once: the retry's answer is now the key's answer.
    const again = await client.uploadEvidence(code, { filename: 'receipt.png', data: TINY_PNG, contentType: 'image/png' }, { idempotencyKey: key });
    assert.equal(again.id, ev.id);
  });

  it('gives up with the typed 409 once the lease must be over and the key is still held', async () => {
    const key = 'still-held';
    // A server whose clock runs an hour ahead holds the key (as a live, renewing one would).
    const ahead = new Date(s.clock.now().getTime() + 3600_000);
    const holder = await buildApp({ ...s.deps, now: () => ahead, storage: { ...s.deps.storage, put: () => new Promise<void>(() => undefined) } });
    const form = multipart('a.png', TINY_PNG, 'image/png');
    void holder.inject({ method: 'POST', url: `/api/v1/complaints/${code}/evidence`, headers: { authorization: `Bearer ${apiKey}`, 'idempotency-key': key, ...form.headers }, payload: form.payload });
    for (let i = 0; i < 500; i++) {
      if ((await s.deps.db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key])).length > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const slept: number[] = [];
    const client = new NalishClient({ baseUrl, apiKey, sleep: async (ms) => {
      slept.push(ms);
      s.clock.advance(ms);
    } });
    await assert.rejects(client.uploadEvidence(code, { filename: 'a.png', data: TINY_PNG, contentType: 'image/png' }, { idempotencyKey: key }), (e: NalishApiError) => {
      assert.equal(e.status, 409);
      assert.equal(e.code, 'idempotency_in_progress');
      return true;
    });
    assert.deepEqual(slept, [1000, 2000, 4000, 8000]);
  });
});
