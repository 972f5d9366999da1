// Webhooks through real worker processes, one killed with SIGKILL mid-run: every event reaches
// the receiver, each processed once by its id, in order per complaint. A killed worker may have
// had deliveries in flight that the receiver got but the worker never recorded; another worker
// sends them again when the lease runs out, under the same event id, and the receiver
// acknowledges them without processing them twice.
// PostgreSQL: two workers at once, one killed. PGlite: one process per data directory, so the
// workers run one after the other (as in worker-crash.test.ts).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Db, pgliteDb } from '../src/db/db.ts';
import { MERCHANT_EVENT_TYPES, merchantEventType, publicEventId } from '../src/integration/merchantEvents.ts';
import { type TestService, complaintInput, consumerLogin, makeClock, makeService, makeWorld, merchantLogin } from './harness.ts';
import { type WebhookReceiver, startWebhookReceiver } from './support/webhookReceiver.ts';
import { type WorkerProcess, pgliteService, startWorker, stopWorker, waitFor } from './support/workerProcess.ts';

const COMPLAINTS = 15;
const WITHDRAWN = 10;
/** One batch of the worker: at most this many deliveries are in flight when it dies. */
const BATCH = 20;
const ENV = { WEBHOOKS_ALLOW_LOOPBACK: 'true', FILINGS_PER_DAY: '1000', OUTBOX_LEASE_MS: '3000' };

/** An endpoint for every event, then complaints filed and some withdrawn, through the API. */
async function fill(app: FastifyInstance, db: Db, s: Pick<TestService, 'app' | 'deps' | 'clock'>, rx: WebhookReceiver) {
  const w = await makeWorld(db);
  const staff = await merchantLogin(s as TestService, w.merchantUser);
  const hook = await app.inject({ method: 'POST', url: '/api/v1/merchant/webhooks', headers: staff, payload: { url: rx.url, events: MERCHANT_EVENT_TYPES } });
  assert.equal(hook.statusCode, 201, hook.body);
  rx.setSecret(hook.json().secret);
  const consumer = await consumerLogin(s as TestService);
  const codes: string[] = [];
  for (let i = 0; i < COMPLAINTS; i++) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: consumer.auth,
      payload: complaintInput(),
      remoteAddress: `10.0.2.${1 + (i % 4)}`, // filing is rate-limited per address
    });
    assert.equal(r.statusCode, 201, r.body);
    codes.push(r.json().trackingCode);
  }
  for (const code of codes.slice(0, WITHDRAWN)) {
    const r = await app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/withdraw`, headers: consumer.auth, payload: {} });
    assert.equal(r.statusCode, 200, r.body);
  }
  const events = await db.query<{ id: number; tracking_code: string; type: string; actor_role: string; from_state: string | null; to_state: string }>(
    `SELECT e.id, c.tracking_code, e.type, e.actor_role, e.from_state, e.to_state FROM events e JOIN complaints c ON c.id = e.complaint_id ORDER BY e.id`,
  );
  const expected = events
    .filter((e) => merchantEventType({ type: e.type, actorRole: e.actor_role, fromState: e.from_state, toState: e.to_state }))
    .map((e) => ({ id: publicEventId(e.id), code: e.tracking_code }));
  assert.equal(expected.length, COMPLAINTS + WITHDRAWN);
  return expected;
}

const codeOf = (body: string) => (JSON.parse(body) as { complaint: { trackingCode: string } }).complaint.trackingCode;

describe('webhooks survive a killed worker process', () => {
  let rx: WebhookReceiver;
  const workers: WorkerProcess[] = [];

  before(async () => {
    rx = await startWebhookReceiver({ now: () => new Date() });
    rx.setDelay(30); // slow enough to catch a worker mid-run
  });
  after(async () => {
    for (const w of workers) await stopWorker(w, 'SIGKILL').catch(() => undefined);
    await rx.close();
  });

  function check(expected: { id: string; code: string }[]) {
    const ids = rx.processed.map((r) => r.eventId);
    assert.equal(new Set(ids).size, ids.length, 'no event processed twice');
    assert.deepEqual([...ids].sort(), expected.map((e) => e.id).sort(), 'every event arrived');
    for (const code of new Set(expected.map((e) => e.code))) {
      assert.deepEqual(
        rx.processed.filter((r) => codeOf(r.body) === code).map((r) => r.eventId),
        expected.filter((e) => e.code === code).map((e) => e.id),
        `in order for ${code}`,
      );
    }
    assert.deepEqual(rx.rejected, [], 'every signature verified');
    // Repeats are only what the killed worker had in flight, and each was recognised by its id.
    assert.ok(rx.duplicates.length <= BATCH, `${rx.duplicates.length} repeats`);
    assert.ok(rx.duplicates.every((d) => ids.includes(d.eventId)));
    return rx.duplicates.length;
  }

  it('on the database in use (PostgreSQL: two workers at once, one killed; PGlite: one after the other)', async (t) => {
    if (process.env.DATABASE_URL) {
      const s = await makeService({ env: ENV, clock: makeClock(new Date(Date.now() - 60_000)) });
      try {
        const expected = await fill(s.app, s.deps.db, s, rx);
        const [{ name }] = (await s.deps.db.query<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
        const url = new URL(process.env.DATABASE_URL);
        url.pathname = `/${name}`;
        const env = { ...ENV, DATA_DIR: s.dataDir, DATABASE_URL: url.toString() };
        const a = startWorker(env);
        const b = startWorker(env);
        workers.push(a, b);
        await waitFor('the first deliveries', () => rx.processed.length >= 5);
        assert.equal(await stopWorker(a, 'SIGKILL'), 'SIGKILL');
        const atKill = rx.processed.length;
        assert.ok(atKill < expected.length, `killed mid-run (${atKill} of ${expected.length})`);
        await waitFor('no webhook waiting', async () => {
          const [{ n }] = (await s.deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE channel = 'webhook' AND status = 'pending'`)) as [{ n: number }];
          return n === 0;
        });
        assert.equal(await stopWorker(b, 'SIGTERM'), 0, b.output());
        const rows = await s.deps.db.query<{ status: string }>(`SELECT DISTINCT status FROM outbox WHERE channel = 'webhook'`);
        assert.deepEqual(rows.map((r) => r.status), ['sent']);
        t.diagnostic(`PostgreSQL: ${expected.length} events, killed at ${atKill}; ${check(expected)} repeats recognised by id`);
      } finally {
        await s.close();
      }
      return;
    }

    const dataDir = await mkdtemp(join(tmpdir(), 'nalish-webhooks-crash-'));
    try {
      const svc = await pgliteService(dataDir, ENV);
      const expected = await fill(svc.app, svc.deps.db, svc, rx);
      await svc.app.close();
      await svc.deps.db.close();
      const env = { ...ENV, DATA_DIR: dataDir };
      const a = startWorker(env);
      workers.push(a);
      await waitFor('the first deliveries', () => rx.processed.length >= 5);
      assert.equal(await stopWorker(a, 'SIGKILL'), 'SIGKILL');
      const atKill = rx.processed.length;
      assert.ok(atKill < expected.length, `killed mid-run (${atKill} of ${expected.length})`);
      const b = startWorker(env);
      workers.push(b);
      await waitFor('every event at the receiver', () => expected.every((e) => rx.processed.some((r) => r.eventId === e.id)));
      assert.equal(await stopWorker(b, 'SIGTERM'), 0, b.output());
      const db = await pgliteDb(join(dataDir, 'pglite'));
      try {
        const rows = await db.query<{ status: string }>(`SELECT DISTINCT status FROM outbox WHERE channel = 'webhook'`);
        assert.deepEqual(rows.map((r) => r.status), ['sent']);
      } finally {
        await db.close();
      }
      t.diagnostic(`PGlite: ${expected.length} events, killed at ${atKill}; ${check(expected)} repeats recognised by id`);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
