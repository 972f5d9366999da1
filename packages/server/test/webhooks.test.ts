// Webhooks end to end against a real HTTP receiver on 127.0.0.1 that verifies signatures the
// way the integration guide says: endpoints through the API, events from the lifecycle and the
// deadline sweep, delivery by the outbox worker, retries on the harness clock, the delivery
// log, redelivery, disabling, and several workers at once.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { t } from '@nalish/domain';
import { sweepTimers } from '../src/deadlines/sweep.ts';
import { merchantEventType, publicEventId } from '../src/integration/merchantEvents.ts';
import { type Senders, deliverBatch } from '../src/notify/deliver.ts';
import { sendersFromConfig } from '../src/service.ts';
import { RETRY_DELAYS_MS, WEBHOOK_MAX_ATTEMPTS, retryDelayMs } from '../src/webhooks/deliver.ts';
import { checkWebhookUrl } from '../src/webhooks/address.ts';
import type { WebhookSender } from '../src/webhooks/http.ts';
import { signatureHeader, verifyWebhook } from '../src/webhooks/signature.ts';
import {
  type TestService,
  type World,
  complaintInput,
  consumerLogin,
  fileVia,
  makeService,
  makeWorld,
  merchantLogin,
  officerLogin,
  step as rawStep,
} from './harness.ts';
import { type WebhookReceiver, startWebhookReceiver } from './support/webhookReceiver.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ALL_EVENTS = [
  'complaint.created',
  'complaint.consumer_replied',
  'complaint.deadline_approaching',
  'complaint.deadline_missed',
  'complaint.escalated',
  'complaint.decided',
];
const TIMEOUT_MS = 1000;

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  secretHint: string;
}

// The merchant here is an API key: every write it makes carries an Idempotency-Key.
const step = (s: TestService, auth: Record<string, string>, code: string, action: string, body: Record<string, unknown> = {}) =>
  rawStep(s, { 'idempotency-key': randomUUID(), ...auth }, code, action, body);

describe('webhooks', () => {
  let s: TestService;
  let w: World;
  let senders: Senders;
  let merchant: Record<string, string>;
  let other: Record<string, string>;
  let rx: WebhookReceiver;

  before(async () => {
    s = await makeService({
      env: { WEBHOOKS_ALLOW_LOOPBACK: 'true', WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS), FILINGS_PER_DAY: '1000', OTP_PER_IP_PER_HOUR: '10000' },
    });
    w = await makeWorld(s.deps.db);
    senders = sendersFromConfig(s.deps.config);
    // API keys, not staff sessions: the tests move the clock by days, past a session's life.
    const key = async (user: { email: string; password: string }) => {
      const r = await api('POST', '/api/v1/merchant/api-keys', await merchantLogin(s, user), { label: 'webhooks', scopes: ['webhooks:manage', 'complaints:read', 'complaints:respond'] });
      assert.equal(r.statusCode, 201, r.body);
      return { authorization: `Bearer ${r.json().key}` };
    };
    merchant = await key(w.merchantUser);
    other = await key(w.otherMerchantUser);
    rx = await startWebhookReceiver({ now: s.clock.now });
  });
  after(async () => {
    await rx.close();
    await s.close();
  });

  // Every write made with an API key carries an Idempotency-Key.
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown) =>
    s.app.inject({
      method,
      url,
      headers: method === 'GET' ? headers : { 'idempotency-key': randomUUID(), ...headers },
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });

  async function register(auth: Record<string, string>, url: string, events = ALL_EVENTS): Promise<{ endpoint: Endpoint; secret: string }> {
    const r = await api('POST', '/api/v1/merchant/webhooks', auth, { url, events });
    assert.equal(r.statusCode, 201, r.body);
    return r.json();
  }
  const remove = async (auth: Record<string, string>, id: string) => assert.equal((await api('DELETE', `/api/v1/merchant/webhooks/${id}`, auth)).statusCode, 204);

  /** Run the outbox worker until nothing is due now. */
  async function deliverDue(sender: Senders = senders): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const r = await deliverBatch(s.deps.db, sender, s.deps.now, 20, s.deps.config.outboxLeaseMs, s.deps.config.publicUrl);
      if (r.sent + r.failed === 0) return;
    }
    throw new Error('outbox did not drain');
  }

  /** Deliver, then move the clock to the next retry, until no webhook is waiting. */
  async function drain(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      await deliverDue();
      const [next] = await s.deps.db.query<{ at: Date | null }>(
        `SELECT min(o.next_attempt_at) AS at FROM outbox o JOIN webhook_endpoints e ON e.id = o.endpoint_id
         WHERE o.channel = 'webhook' AND o.status = 'pending' AND e.enabled
           AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.channel = 'webhook' AND p.status = 'pending'
             AND p.endpoint_id = o.endpoint_id AND p.complaint_id = o.complaint_id AND p.id < o.id)`,
      );
      if (!next?.at) return;
      if (new Date(next.at) > s.clock.now()) s.clock.set(next.at);
    }
    const rows = await s.deps.db.query(`SELECT id, status, attempts, next_attempt_at, locked_until, last_error, event_id FROM outbox WHERE channel = 'webhook' AND status = 'pending'`);
    throw new Error(`webhooks did not drain at ${s.clock.now().toISOString()}: ${JSON.stringify(rows)}`);
  }

  /** The public events of these complaints, oldest first, as the history holds them. */
  async function expectedEvents(codes: string[]) {
    const rows = await s.deps.db.query<{ id: number; tracking_code: string; type: string; actor_role: string; from_state: string | null; to_state: string }>(
      `SELECT e.id, c.tracking_code, e.type, e.actor_role, e.from_state, e.to_state
       FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE c.tracking_code = ANY($1::text[]) ORDER BY e.id`,
      [codes],
    );
    return rows
      .map((r) => ({ id: publicEventId(r.id), code: r.tracking_code, type: merchantEventType({ type: r.type, actorRole: r.actor_role, fromState: r.from_state, toState: r.to_state }) }))
      .filter((e) => e.type !== null);
  }

  const codeOf = (body: string) => (JSON.parse(body) as { complaint?: { trackingCode: string } }).complaint?.trackingCode;

  it('registers an endpoint: the secret is shown once, lists and reads never show it', async () => {
    const { endpoint, secret } = await register(merchant, rx.url);
    assert.match(secret, /^whsec_[A-Za-z0-9_-]{32}$/);
    assert.equal(endpoint.url, rx.url);
    assert.deepEqual(endpoint.events, ALL_EVENTS);
    assert.equal(endpoint.enabled, true);
    assert.equal(endpoint.secretHint, `${secret.slice(0, 10)}…`);
    for (const url of ['/api/v1/merchant/webhooks', `/api/v1/merchant/webhooks/${endpoint.id}`]) {
      const r = await api('GET', url, merchant);
      assert.equal(r.statusCode, 200);
      assert.ok(!r.body.includes(secret), `${url} leaks the secret`);
    }
    // Staff signed in to the portal see the same (the tests otherwise use the merchant's API key).
    const staff = await merchantLogin(s, w.merchantUser);
    const listed = await api('GET', '/api/v1/merchant/webhooks', staff);
    assert.deepEqual(listed.json().items.map((e: Endpoint) => e.id), [endpoint.id]);
    await remove(merchant, endpoint.id);
    assert.deepEqual((await api('GET', '/api/v1/merchant/webhooks', merchant)).json().items, []);
  });

  it('refuses addresses a webhook must not reach, with a localised 400 on the url field', async () => {
    const cases: [string, string][] = [
      ['not a web address', 'webhook_url_invalid'],
      ['https://user:pass@hooks.example.com/x', 'webhook_url_invalid'],
      ['ftp://hooks.example.com/x', 'webhook_url_scheme'],
      ['http://hooks.example.com/x', 'webhook_url_scheme'],
      ['https://10.1.2.3/hook', 'webhook_url_private'],
      ['https://192.168.0.10/hook', 'webhook_url_private'],
      ['https://169.254.169.254/latest/meta-data', 'webhook_url_private'],
      ['https://[fd00::1]/hook', 'webhook_url_private'],
      ['https://[::ffff:10.0.0.1]/hook', 'webhook_url_private'],
      ['https://printer.local/hook', 'webhook_url_private'],
      ['https://intranet/hook', 'webhook_url_private'],
    ];
    for (const [url, code] of cases) {
      for (const locale of ['bn', 'en'] as const) {
        const r = await api('POST', '/api/v1/merchant/webhooks', { ...merchant, 'accept-language': locale }, { url, events: ['complaint.created'] });
        assert.equal(r.statusCode, 400, `${url}: ${r.body}`);
        const e = r.json().error;
        assert.equal(e.code, code, url);
        assert.equal(e.message, t(locale, `error.${code}` as 'error.webhook_url_private'));
        assert.deepEqual(e.details.fields.map((f: { path: string }) => f.path), ['url']);
      }
    }
    const badEvent = await api('POST', '/api/v1/merchant/webhooks', merchant, { url: 'https://hooks.example.com/x', events: ['complaint.nope'] });
    assert.equal(badEvent.statusCode, 400);
    assert.equal(badEvent.json().error.code, 'validation');
    const none = await api('POST', '/api/v1/merchant/webhooks', merchant, { url: 'https://hooks.example.com/x', events: [] });
    assert.equal(none.statusCode, 400);
    // Loopback is for tests and the demo only: a public install refuses it.
    assert.throws(() => checkWebhookUrl('http://127.0.0.1:8080/hook', false), { code: 'webhook_url_private' });
    assert.throws(() => checkWebhookUrl('https://localhost/hook', false), { code: 'webhook_url_private' });
    assert.equal(checkWebhookUrl('http://localhost:8080/hook#x', true), 'http://localhost:8080/hook');
    assert.equal(checkWebhookUrl('https://hooks.example.com/nalish', false), 'https://hooks.example.com/nalish');
  });

  it('every event arrives, once by its id, in order per complaint, though the receiver answers 500 at first', async () => {
    const { endpoint, secret } = await register(merchant, rx.url);
    rx.setSecret(secret);
    const consumer = await consumerLogin(s);
    const officer = await officerLogin(s, w.officer);
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push((await fileVia(s, consumer.auth)).trackingCode);
    const [a, b, c] = codes as [string, string, string];
    // The first delivery about complaint A fails three times: A's later events must wait for
    // it, while B's and C's go ahead.
    const [firstOfA] = await expectedEvents([a]);
    rx.failEvent(firstOfA!.id, 3);
    rx.failNext(2);
    const ok = (r: { statusCode: number; body: string }) => assert.equal(r.statusCode, 200, r.body);
    for (const code of codes) ok(await step(s, merchant, code, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 1000, message: 'We will refund.' }));
    ok(await step(s, consumer.auth, a, 'accept'));
    ok(await step(s, consumer.auth, b, 'reject', { reason: 'Not enough.' }));
    ok(await step(s, officer, b, 'assign', { officerId: w.officer.id }));
    ok(await step(s, officer, b, 'decide', { outcome: 'upheld', reasons: 'Paid and not delivered.', fineBdt: 1000 }));
    ok(await step(s, consumer.auth, c, 'withdraw'));

    await drain();
    const expected = await expectedEvents(codes);
    assert.deepEqual(
      [...new Set(expected.map((e) => e.type))].sort(),
      ['complaint.consumer_replied', 'complaint.created', 'complaint.decided', 'complaint.escalated'],
    );
    const got = rx.processed.filter((r) => codes.includes(codeOf(r.body)!));
    assert.deepEqual(got.map((r) => r.eventId).sort(), expected.map((e) => e.id).sort(), 'every event, once');
    assert.equal(new Set(got.map((r) => r.eventId)).size, got.length);
    for (const code of codes) {
      assert.deepEqual(
        got.filter((r) => codeOf(r.body) === code).map((r) => r.eventId),
        expected.filter((e) => e.code === code).map((e) => e.id),
        `in order for ${code}`,
      );
    }
    // B's events went out while A's first one was still failing.
    const firstAOk = got.findIndex((r) => r.eventId === firstOfA!.id);
    assert.ok(got.slice(0, firstAOk).some((r) => codeOf(r.body) === b), 'another complaint was not held up');
    assert.ok(rx.requests.filter((r) => r.eventId === firstOfA!.id && r.status === 500).length === 3);

    // What a receiver gets: headers, and a body that is the public event.
    const created = got.find((r) => r.type === 'complaint.created' && codeOf(r.body) === c)!;
    assert.equal(created.headers['content-type'], 'application/json');
    assert.equal(created.headers['user-agent'], 'Nalish-Webhooks/1');
    assert.match(created.headers['nalish-signature']!, /^t=\d+,v1=[0-9a-f]{64}$/);
    const body = JSON.parse(created.body);
    assert.equal(body.id, created.eventId);
    assert.equal(body.type, 'complaint.created');
    assert.equal(body.complaint.trackingCode, c);
    assert.equal(body.complaint.state, 'with_merchant');
    assert.equal(body.data.action, 'route');
    assert.ok(!created.body.includes(consumer.phone.slice(4)), "no consumer's phone number in the body");

    // The log shows the failed attempts with their status codes, then the success.
    const log = await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries?eventId=${firstOfA!.id}`, merchant);
    const [d] = log.json().items;
    assert.equal(d.status, 'delivered');
    assert.deepEqual(d.attempts.map((x: { responseStatus: number }) => x.responseStatus), [500, 500, 500, 200]);
    assert.deepEqual(d.attempts.map((x: { attempt: number }) => x.attempt), [1, 2, 3, 4]);
    await remove(merchant, endpoint.id);
  });

  it('a forged signature, a changed body and a replay are detected by the receiver', async () => {
    const { endpoint, secret } = await register(merchant, rx.url);
    rx.setSecret(secret);
    const consumer = await consumerLogin(s);
    const code = (await fileVia(s, consumer.auth)).trackingCode;
    await drain();
    const delivered = rx.processed.find((r) => codeOf(r.body) === code)!;
    assert.ok(delivered.verification.ok);

    // Verification by itself: the right secret passes, anything else fails.
    const now = s.clock.now();
    const header = delivered.headers['nalish-signature'];
    assert.deepEqual(verifyWebhook({ body: delivered.body, header, secret, now }).ok, true);
    assert.deepEqual(verifyWebhook({ body: delivered.body, header, secret: 'whsec_someone_else', now }), { ok: false, reason: 'signature' });
    assert.deepEqual(verifyWebhook({ body: delivered.body.replace('"with_merchant"', '"closed"'), header, secret, now }), { ok: false, reason: 'signature' });
    assert.deepEqual(verifyWebhook({ body: delivered.body, header: 'v1=abc', secret, now }), { ok: false, reason: 'malformed' });
    const forged = signatureHeader(['whsec_forger'], now, delivered.body);
    assert.deepEqual(verifyWebhook({ body: delivered.body, header: forged, secret, now }), { ok: false, reason: 'signature' });

    // Over HTTP, as an attacker who captured the request would try.
    assert.equal(await rx.replay({ ...delivered, headers: { ...delivered.headers, 'nalish-signature': forged } }), 400);
    assert.equal(await rx.replay(delivered, delivered.body.replace('"with_merchant"', '"closed"')), 400);
    // A replay within five minutes carries a valid signature: the receiver knows the id.
    assert.equal(await rx.replay(delivered), 200);
    assert.equal(rx.duplicates.at(-1)!.eventId, delivered.eventId);
    assert.equal(rx.processed.filter((r) => r.eventId === delivered.eventId).length, 1);
    // Later than five minutes the timestamp gives it away, whatever the id.
    s.clock.advance(5 * MIN + 1000);
    assert.equal(await rx.replay(delivered), 400);
    assert.deepEqual(rx.rejected.at(-1)!.verification, { ok: false, reason: 'timestamp' });
    await remove(merchant, endpoint.id);
  });

  it('only the events an endpoint chose, only while it is on; deadline reminders and missed deadlines are events too', async () => {
    // Earlier complaints' clocks run out first, so what follows concerns this test's complaints.
    s.clock.set('2026-12-06T04:00:00.000Z'); // Sunday 10:00 in Dhaka
    await sweepTimers(s.deps);
    const { endpoint: reminders, secret } = await register(merchant, rx.url, ['complaint.deadline_approaching', 'complaint.deadline_missed']);
    rx.setSecret(secret);
    const consumer = await consumerLogin(s);
    const filed = await fileVia(s, consumer.auth);
    const queued = async (code: string) =>
      (await s.deps.db.query<{ template: string; body: string }>(`SELECT template, body FROM outbox WHERE channel = 'webhook' AND endpoint_id = $1 ORDER BY id`, [reminders.id]))
        .filter((r) => codeOf(r.body) === code)
        .map((r) => r.template);
    assert.deepEqual(await queued(filed.trackingCode), [], 'complaint.created was not chosen');

    // The reminder the working day before the deadline is recorded in the history (the
    // complaint's version moves on, its state does not) and sent as deadline_approaching.
    const view = async (code: string) => (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: merchant })).json();
    const before = await view(filed.trackingCode);
    s.clock.set('2026-12-08T04:00:00.000Z'); // Tuesday 10:00 in Dhaka
    await sweepTimers(s.deps);
    const reminded = await view(filed.trackingCode);
    assert.equal(reminded.version, before.version + 1);
    assert.equal(reminded.state, 'with_merchant');
    assert.equal(reminded.timeline.at(-1).type, 'deadline_reminder');
    assert.equal(reminded.timeline.at(-1).actorRole, 'system');
    assert.deepEqual(await queued(filed.trackingCode), ['complaint.deadline_approaching']);
    await drain();
    const approaching = rx.processed.filter((r) => codeOf(r.body) === filed.trackingCode);
    assert.deepEqual(approaching.map((r) => r.type), ['complaint.deadline_approaching']);
    assert.equal(JSON.parse(approaching[0]!.body).complaint.dueAt, filed.dueAt);
    assert.equal(JSON.parse(approaching[0]!.body).data.action, 'deadline_reminder');

    // Switched off by the merchant: nothing is enqueued for it meanwhile.
    const off = await api('PATCH', `/api/v1/merchant/webhooks/${reminders.id}`, merchant, { enabled: false });
    assert.equal(off.json().enabled, false);
    assert.equal(off.json().disabledReason, 'merchant');
    s.clock.set(new Date(Date.parse(filed.dueAt) + 1000));
    await sweepTimers(s.deps);
    assert.equal((await view(filed.trackingCode)).state, 'escalated');
    assert.deepEqual(await queued(filed.trackingCode), ['complaint.deadline_approaching'], 'nothing for a switched-off endpoint');
    // Switched on again: the next complaint's reminder and missed deadline reach it, in order.
    assert.equal((await api('POST', `/api/v1/merchant/webhooks/${reminders.id}/enable`, merchant)).json().enabled, true);
    const second = await fileVia(s, consumer.auth);
    s.clock.set(new Date(Date.parse(second.dueAt) + 1000));
    await sweepTimers(s.deps);
    await drain();
    const missed = rx.processed.filter((r) => codeOf(r.body) === second.trackingCode);
    assert.deepEqual(missed.map((r) => r.type), ['complaint.deadline_approaching', 'complaint.deadline_missed']);
    assert.equal(JSON.parse(missed[1]!.body).complaint.state, 'escalated');
    await remove(merchant, reminders.id);
  });

  it('retries on the backoff schedule for more than 24 hours, then gives up, switches the endpoint off and e-mails the merchant', async () => {
    await s.deps.db.query(`UPDATE merchants SET locale = 'en' WHERE id = $1`, [w.otherMerchant]);
    const down = await startWebhookReceiver({ now: s.clock.now });
    try {
      const { endpoint, secret } = await register(other, down.url, ['complaint.created']);
      down.setSecret(secret);
      down.failAll(503);
      const consumer = await consumerLogin(s);
      await fileVia(s, consumer.auth, complaintInput({ merchant: { website: 'other.test' } }));
      const started = s.clock.now().getTime();
      await drain();

      const [delivery] = (await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries`, other)).json().items;
      assert.equal(delivery.status, 'failed');
      assert.equal(delivery.attempts.length, WEBHOOK_MAX_ATTEMPTS);
      assert.ok(delivery.attempts.every((a: { responseStatus: number }) => a.responseStatus === 503));
      const at = delivery.attempts.map((a: { at: string }) => Date.parse(a.at));
      assert.equal(at[0], started);
      for (let i = 1; i < at.length; i++) {
        const gap = at[i] - at[i - 1];
        const planned = RETRY_DELAYS_MS[i - 1]!;
        assert.ok(gap >= planned * 0.9 && gap <= planned * 1.1, `wait ${i}: ${gap} ms, planned ${planned} ms ±10%`);
      }
      assert.ok(at.at(-1) - at[0] > 24 * HOUR, 'retried for more than 24 hours');

      const ep = (await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}`, other)).json();
      assert.equal(ep.enabled, false);
      assert.equal(ep.disabledReason, 'failing');
      assert.equal(ep.consecutiveFailures, WEBHOOK_MAX_ATTEMPTS);
      const mails = await s.deps.db.query<{ recipient: string; subject: string; body: string; status: string }>(
        `SELECT recipient, subject, body, status FROM outbox WHERE template = 'webhook_disabled'`,
      );
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.recipient, 'care@other.test');
      assert.equal(mails[0]!.subject, `Nalish stopped sending webhooks to ${down.url}`);
      assert.ok(mails[0]!.body.includes(`https://nalish.test/merchant/webhooks/${endpoint.id}`));
      await deliverDue();
      assert.equal((await s.deps.db.query<{ status: string }>(`SELECT status FROM outbox WHERE template = 'webhook_disabled'`))[0]!.status, 'sent');

      // Switched off: a redelivery or a test event is refused until it is on again.
      const refused = await api('POST', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`, other);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'webhook_disabled');
      // The merchant fixes the server, switches the endpoint on and redelivers: the same event id.
      down.failAll(null);
      const on = await api('POST', `/api/v1/merchant/webhooks/${endpoint.id}/enable`, other);
      assert.equal(on.json().enabled, true);
      assert.equal(on.json().consecutiveFailures, 0);
      const again = await api('POST', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`, other);
      assert.equal(again.statusCode, 202, again.body);
      assert.equal(again.json().status, 'pending');
      await drain();
      assert.deepEqual(down.processed.map((r) => r.eventId), [delivery.eventId]);
      const after = (await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries/${delivery.id}`, other)).json();
      assert.equal(after.status, 'delivered');
      assert.deepEqual(after.attempts.map((a: { attempt: number; responseStatus: number }) => [a.attempt, a.responseStatus]).at(-1), [WEBHOOK_MAX_ATTEMPTS + 1, 200]);
      await remove(other, endpoint.id);
    } finally {
      await down.close();
    }
  });

  it('one event the receiver cannot take gives up alone: the endpoint stays on while others are delivered', async () => {
    const { endpoint, secret } = await register(merchant, rx.url, ['complaint.created']);
    rx.setSecret(secret);
    const consumer = await consumerLogin(s);
    const poisoned = (await fileVia(s, consumer.auth)).trackingCode;
    const [ev] = await expectedEvents([poisoned]);
    rx.failEvent(ev!.id, 1000);
    const start = s.clock.now().getTime();
    // Other complaints keep arriving through the day and are delivered.
    for (let i = 0; i < WEBHOOK_MAX_ATTEMPTS + 3; i++) {
      await deliverDue();
      const [{ status } = { status: '' }] = await s.deps.db.query<{ status: string }>(`SELECT status FROM outbox WHERE event_id = $1 AND endpoint_id = $2`, [ev!.id, endpoint.id]);
      if (status === 'failed') break;
      await fileVia(s, consumer.auth);
      await deliverDue();
      const [next] = await s.deps.db.query<{ at: Date }>(`SELECT next_attempt_at AS at FROM outbox WHERE event_id = $1 AND endpoint_id = $2`, [ev!.id, endpoint.id]);
      s.clock.set(next!.at);
    }
    assert.ok(s.clock.now().getTime() - start > 24 * HOUR);
    const d = (await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries?status=failed`, merchant)).json().items;
    assert.deepEqual(d.map((x: { eventId: string }) => x.eventId), [ev!.id]);
    const ep = (await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}`, merchant)).json();
    assert.equal(ep.enabled, true);
    assert.equal(ep.disabledReason, null);
    await remove(merchant, endpoint.id);
  });

  it('a timeout is a failed attempt; the retry is acknowledged by the receiver as already processed', async () => {
    const { endpoint, secret } = await register(merchant, rx.url, ['complaint.created']);
    rx.setSecret(secret);
    const consumer = await consumerLogin(s);
    rx.setDelay(TIMEOUT_MS + 300);
    const code = (await fileVia(s, consumer.auth)).trackingCode;
    await deliverDue();
    rx.setDelay(0);
    const [ev] = await expectedEvents([code]);
    // The slow receiver processed it after Nalish had given up waiting.
    await new Promise((r) => setTimeout(r, 400));
    await drain();
    const [d] = (await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries?eventId=${ev!.id}`, merchant)).json().items;
    assert.equal(d.status, 'delivered');
    assert.equal(d.attempts[0].responseStatus, null);
    assert.equal(d.attempts[0].error, `timeout after ${TIMEOUT_MS} ms`);
    assert.equal(d.attempts[1].responseStatus, 200);
    assert.equal(rx.processed.filter((r) => r.eventId === ev!.id).length, 1);
    assert.ok(rx.duplicates.some((r) => r.eventId === ev!.id));
    await remove(merchant, endpoint.id);
  });

  it('two workers at once never send an event twice; a worker that dies after sending repeats only what it had in flight', async () => {
    const { endpoint, secret } = await register(merchant, rx.url, ['complaint.created', 'complaint.consumer_replied']);
    rx.setSecret(secret);
    rx.setDelay(5);
    const consumer = await consumerLogin(s);
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push((await fileVia(s, consumer.auth)).trackingCode);
    const requestsBefore = rx.requests.length;
    const worker = () => deliverDue();
    await Promise.all([worker(), worker()]);
    const first = rx.requests.slice(requestsBefore);
    assert.equal(first.length, 12);
    assert.equal(new Set(first.map((r) => r.eventId)).size, 12, 'no event id twice');

    // A worker posts its deliveries and dies before it can record them (as a killed process
    // would). Once its lease runs out another worker sends those again; nothing else.
    for (const code of codes) assert.equal((await step(s, merchant, code, 'respond', { kind: 'defence', message: 'Delivered on time.' })).statusCode, 200);
    await deliverDue(); // the consumers' SMS about the answers
    for (const code of codes.slice(0, 6)) assert.equal((await step(s, consumer.auth, code, 'withdraw')).statusCode, 200);
    const real = senders.webhook;
    const dying: WebhookSender = {
      async post(url, body, headers) {
        await real.post(url, body, headers);
        throw new Error('the worker process died');
      },
    };
    await assert.rejects(deliverBatch(s.deps.db, { ...senders, webhook: dying }, s.deps.now, 3, s.deps.config.outboxLeaseMs), /died/);
    const inFlight = (
      await s.deps.db.query<{ event_id: string }>(
        `SELECT event_id FROM outbox WHERE endpoint_id = $1 AND status = 'pending' AND locked_until > $2`,
        [endpoint.id, s.clock.now()],
      )
    ).map((r) => r.event_id);
    assert.ok(inFlight.length >= 1);
    const afterCrash = rx.requests.length;
    await deliverDue();
    assert.ok(
      rx.requests.slice(afterCrash).every((r) => !inFlight.includes(r.eventId)),
      'what the dead worker had in flight waits for its lease to run out',
    );
    s.clock.advance(s.deps.config.outboxLeaseMs + 1000);
    await Promise.all([worker(), worker()]);
    const expected = await expectedEvents(codes);
    const got = rx.processed.filter((r) => codes.includes(codeOf(r.body)!));
    assert.deepEqual(got.map((r) => r.eventId).sort(), expected.map((e) => e.id).sort());
    const dupes = rx.duplicates.filter((r) => codes.includes(codeOf(r.body)!));
    assert.deepEqual(dupes.map((r) => r.eventId).sort(), [...inFlight].sort(), 'those in flight were repeated (and recognised by id)');
    for (const code of codes) {
      assert.deepEqual(got.filter((r) => codeOf(r.body) === code).map((r) => r.eventId), expected.filter((e) => e.code === code).map((e) => e.id));
    }
    const rows = await s.deps.db.query<{ status: string }>(`SELECT DISTINCT status FROM outbox WHERE endpoint_id = $1`, [endpoint.id]);
    assert.deepEqual(rows.map((r) => r.status), ['sent']);
    rx.setDelay(0);
    await remove(merchant, endpoint.id);
  });

  it('an attempt cut off by a crash is in the delivery log as interrupted: the log counts what the outbox counts', async () => {
    const { endpoint, secret } = await register(merchant, rx.url, ['complaint.created']);
    rx.setSecret(secret);
    const consumer = await consumerLogin(s);
    const code = (await fileVia(s, consumer.auth)).trackingCode;
    const [ev] = await expectedEvents([code]);
    const real = senders.webhook;
    const dying: WebhookSender = {
      async post(url, body, headers) {
        await real.post(url, body, headers);
        throw new Error('the worker process died');
      },
    };
    await assert.rejects(deliverBatch(s.deps.db, { ...senders, webhook: dying }, s.deps.now, 20, s.deps.config.outboxLeaseMs), /died/);
    const log = async () => (await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries?eventId=${ev!.id}`, merchant)).json().items[0];
    // While its worker's lease lasts, the attempt is shown as going out.
    assert.deepEqual((await log()).attempts.map((a: { outcome: string }) => a.outcome), ['sending']);
    s.clock.advance(s.deps.config.outboxLeaseMs + 1000);
    await deliverDue();
    const d = await log();
    assert.equal(d.status, 'delivered');
    assert.deepEqual(
      d.attempts.map((a: { attempt: number; outcome: string; responseStatus: number | null; error: string | null }) => [a.attempt, a.outcome, a.responseStatus, a.error]),
      [
        [1, 'interrupted', null, null],
        [2, 'answered', 200, null],
      ],
    );
    const [row] = await s.deps.db.query<{ attempts: number }>(`SELECT attempts FROM outbox WHERE endpoint_id = $1 AND event_id = $2`, [endpoint.id, ev!.id]);
    assert.equal(row!.attempts, d.attempts.length);
    await remove(merchant, endpoint.id);
  });

  it('the delivery log pages with a cursor; ping, redeliver and secret rotation', async () => {
    const { endpoint, secret } = await register(merchant, rx.url, ['complaint.created']);
    rx.setSecret(secret);
    const consumer = await consumerLogin(s);
    for (let i = 0; i < 5; i++) await fileVia(s, consumer.auth);
    await drain();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries?limit=2${cursor ? `&cursor=${cursor}` : ''}`, merchant);
      assert.equal(page.statusCode, 200, page.body);
      assert.ok(page.json().items.length <= 2);
      seen.push(...page.json().items.map((d: { id: string }) => d.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    assert.equal(seen.length, 5);
    assert.deepEqual([...seen].sort((x, y) => Number(y) - Number(x)), seen, 'newest first');
    assert.equal((await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries?cursor=nonsense`, merchant)).statusCode, 400);

    // A test event goes through the outbox and shows in the log.
    const ping = await api('POST', `/api/v1/merchant/webhooks/${endpoint.id}/ping`, merchant);
    assert.equal(ping.statusCode, 202, ping.body);
    assert.equal(ping.json().type, 'ping');
    assert.match(ping.json().eventId, /^evt_test_/);
    await drain();
    const pinged = (await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries/${ping.json().id}`, merchant)).json();
    assert.equal(pinged.status, 'delivered');
    assert.equal(rx.processed.at(-1)!.type, 'ping');

    // Redeliver a delivered event: the same id reaches the receiver again (and is recognised).
    const oldest = seen.at(-1)!;
    const re = await api('POST', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries/${oldest}/redeliver`, merchant);
    assert.equal(re.statusCode, 202);
    await drain();
    const redelivered = (await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries/${oldest}`, merchant)).json();
    assert.equal(redelivered.attempts.length, 2);
    assert.equal(rx.duplicates.at(-1)!.eventId, redelivered.eventId);

    // Rotation keeping the old secret for a day: both signatures, so a receiver with either accepts.
    const rotated = await api('POST', `/api/v1/merchant/webhooks/${endpoint.id}/rotate-secret`, merchant, { keepPreviousHours: 24 });
    assert.equal(rotated.statusCode, 200, rotated.body);
    const newSecret = rotated.json().secret as string;
    assert.notEqual(newSecret, secret);
    assert.ok(rotated.json().endpoint.previousSecretValidUntil);
    await fileVia(s, consumer.auth);
    await drain();
    const both = rx.processed.at(-1)!;
    assert.match(both.headers['nalish-signature']!, /^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    assert.ok(verifyWebhook({ body: both.body, header: both.headers['nalish-signature'], secret: newSecret, now: s.clock.now() }).ok);
    assert.ok(verifyWebhook({ body: both.body, header: both.headers['nalish-signature'], secret, now: s.clock.now() }).ok);
    // Rotated at once (after a leak): the old secret no longer verifies anything new.
    const leaked = await api('POST', `/api/v1/merchant/webhooks/${endpoint.id}/rotate-secret`, merchant);
    const newest = leaked.json().secret as string;
    rx.setSecret(newest);
    await fileVia(s, consumer.auth);
    await drain();
    const one = rx.processed.at(-1)!;
    assert.match(one.headers['nalish-signature']!, /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.equal(verifyWebhook({ body: one.body, header: one.headers['nalish-signature'], secret: newSecret, now: s.clock.now() }).ok, false);

    // Editing: the events and the URL; a bad URL is refused as at creation.
    const patched = await api('PATCH', `/api/v1/merchant/webhooks/${endpoint.id}`, merchant, { events: ['complaint.decided', 'complaint.decided'] });
    assert.deepEqual(patched.json().events, ['complaint.decided']);
    const bad = await api('PATCH', `/api/v1/merchant/webhooks/${endpoint.id}`, merchant, { url: 'https://10.0.0.1/' });
    assert.equal(bad.json().error.code, 'webhook_url_private');
    assert.equal((await api('PATCH', `/api/v1/merchant/webhooks/${endpoint.id}`, merchant, {})).statusCode, 400);
    await remove(merchant, endpoint.id);
  });

  it("another merchant gets 404 for every route of an endpoint that is not theirs; deleting drops what waits", async () => {
    const { endpoint } = await register(merchant, rx.url, ['complaint.created']);
    rx.failAll(500);
    const consumer = await consumerLogin(s);
    await fileVia(s, consumer.auth);
    await deliverDue();
    const [d] = (await api('GET', `/api/v1/merchant/webhooks/${endpoint.id}/deliveries`, merchant)).json().items;
    assert.equal(d.status, 'pending');
    const base = `/api/v1/merchant/webhooks/${endpoint.id}`;
    const routes: ['GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown?][] = [
      ['GET', base],
      ['PATCH', base, { enabled: false }],
      ['DELETE', base],
      ['POST', `${base}/rotate-secret`, {}],
      ['POST', `${base}/enable`],
      ['POST', `${base}/ping`],
      ['GET', `${base}/deliveries`],
      ['GET', `${base}/deliveries/${d.id}`],
      ['POST', `${base}/deliveries/${d.id}/redeliver`],
    ];
    for (const [method, url, body] of routes) {
      const r = await api(method, url, other, body);
      assert.equal(r.statusCode, 404, `${method} ${url}: ${r.body}`);
      assert.equal(r.json().error.code, 'not_found');
    }
    // The other merchant's own endpoint does not open this one's deliveries either.
    const { endpoint: theirs } = await register(other, 'https://hooks.other.example/nalish', ['complaint.created']);
    assert.equal((await api('GET', `/api/v1/merchant/webhooks/${theirs.id}/deliveries/${d.id}`, other)).statusCode, 404);
    assert.equal((await api('POST', `/api/v1/merchant/webhooks/${theirs.id}/deliveries/${d.id}/redeliver`, other)).statusCode, 404);
    await remove(other, theirs.id);
    assert.equal((await api('GET', base, merchant)).json().enabled, true, 'untouched by the attempts');

    await remove(merchant, endpoint.id);
    const [row] = await s.deps.db.query<{ status: string; last_error: string }>('SELECT status, last_error FROM outbox WHERE id = $1', [d.id]);
    assert.deepEqual(row, { status: 'failed', last_error: 'endpoint deleted' });
    assert.equal((await api('GET', base, merchant)).statusCode, 404);
    rx.failAll(null);
  });

  it('the retry delays are 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, each ±10%', () => {
    assert.deepEqual(RETRY_DELAYS_MS.map((ms) => ms / MIN), [1, 5, 30, 120, 300, 600, 600]);
    assert.equal(retryDelayMs(1, 0), 0.9 * MIN);
    assert.equal(retryDelayMs(2, 0.5), 5 * MIN);
    assert.ok(retryDelayMs(7, 0.9999) < 11 * HOUR);
    // Even with the shortest jitter the retries span more than 24 hours.
    const shortest = RETRY_DELAYS_MS.reduce((sum, _, i) => sum + retryDelayMs(i + 1, 0), 0);
    assert.ok(shortest > 24 * HOUR, `${shortest / HOUR} h`);
  });
});
