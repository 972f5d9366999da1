// "A crashed worker must not lose or repeat a message", with real processes: the outbox is
// filled through the API, `src/worker.ts` runs as a child process against the same database
// and a slowed-down SMS gateway and SMTP server, and is killed with SIGKILL mid-run. Another
// worker then finishes the job. Every message must arrive; the gateway must never accept a
// reference twice (a 409 for a reference it already has is the dedupe working, and is
// counted); an e-mail resent after a crash carries the same Message-ID.
// PostgreSQL: two workers run at once and one is killed. PGlite allows one process per data
// directory, so the test closes its own handle, runs the workers one after the other, and
// reopens the directory to check the result.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Db, pgliteDb } from '../src/db/db.ts';
import { messageReference } from '../src/notify/deliver.ts';
import { type TestService, complaintInput, consumerLogin, makeClock, makeService, makeWorld } from './harness.ts';
import { type SmsGateway, startSmsGateway } from './support/smsGateway.ts';
import { type SmtpTestServer, startSmtpServer } from './support/smtp.ts';
import { type WorkerProcess, pgliteService, startWorker as startWorkerProcess, stopWorker, waitFor } from './support/workerProcess.ts';

const COMPLAINTS = 20; // each: the consumer's SMS and e-mail, the merchant's e-mail; plus one OTP
const LEASE_MS = 3000; // well above one batch (20 messages × ~50 ms) so a live worker keeps its lease
const startWorker = (env: Record<string, string>) => startWorkerProcess({ OUTBOX_LEASE_MS: String(LEASE_MS), ...env });

/** Fill the outbox through the API: one consumer files COMPLAINTS complaints. */
async function fillOutbox(app: FastifyInstance, db: Db, s: Pick<TestService, 'app' | 'deps' | 'clock'>) {
  await makeWorld(db);
  const consumer = await consumerLogin(s as TestService);
  for (let i = 0; i < COMPLAINTS; i++) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: consumer.auth,
      payload: complaintInput({ consumer: { name: 'Karim', district: 'dhaka', locale: 'bn', email: `karim${i}@example.test` } }),
      remoteAddress: `10.0.1.${1 + (i % 4)}`, // filing is rate-limited per address
    });
    assert.equal(r.statusCode, 201, r.body);
  }
  const rows = await db.query<{ id: number; channel: 'sms' | 'email' }>(`SELECT id, channel FROM outbox WHERE status = 'pending' ORDER BY id`);
  assert.equal(rows.length, 3 * COMPLAINTS + 1);
  return {
    sms: new Set(rows.filter((r) => r.channel === 'sms').map((r) => messageReference(r.id))),
    email: new Set(rows.filter((r) => r.channel === 'email').map((r) => `<${messageReference(r.id)}@nalish>`)),
    total: rows.length,
  };
}

describe('a crashed outbox worker neither loses nor repeats a message', () => {
  let gw: SmsGateway;
  let smtp: SmtpTestServer;
  const workers: WorkerProcess[] = [];

  before(async () => {
    gw = await startSmsGateway();
    smtp = await startSmtpServer();
    // Slow enough that a worker is caught in the middle of its run.
    gw.setDelay(40);
    smtp.setDelay(20);
  });
  after(async () => {
    for (const w of workers) await stopWorker(w, 'SIGKILL').catch(() => undefined);
    await gw.close();
    await smtp.close();
  });

  const delivered = () => gw.messages.length + new Set(smtp.mails.map((m) => m.messageId)).size;

  function checkDelivery(expected: { sms: Set<string>; email: Set<string>; total: number }, kills: number) {
    const accepted = gw.messages.map((m) => m.reference);
    assert.equal(new Set(accepted).size, accepted.length, 'the gateway accepted no reference twice');
    assert.deepEqual(new Set(accepted), expected.sms, 'every SMS reached the gateway');
    const ids = smtp.mails.map((m) => m.messageId);
    assert.deepEqual(new Set(ids), expected.email, 'every e-mail reached the SMTP server');
    // A crash can repeat only the message in flight when it died: at most one per killed worker.
    // The gateway refuses such a repeat (409); an e-mail repeat carries the same Message-ID.
    const emailRepeats = ids.length - new Set(ids).size;
    assert.ok(gw.duplicates.length + emailRepeats <= kills, `409s ${gw.duplicates.length}, e-mail repeats ${emailRepeats}`);
    return { smsDuplicates409: gw.duplicates.length, emailRepeats };
  }

  it('on the database in use (PostgreSQL: two workers at once, one killed; PGlite: one after the other)', async (t) => {
    const env = { SMS_GATEWAY_URL: gw.url, SMTP_URL: smtp.url, FILINGS_PER_DAY: '1000' };
    if (process.env.DATABASE_URL) {
      const s = await makeService({ env, clock: makeClock(new Date(Date.now() - 60_000)) });
      try {
        const expected = await fillOutbox(s.app, s.deps.db, s);
        const [{ name }] = (await s.deps.db.query<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
        const url = new URL(process.env.DATABASE_URL);
        url.pathname = `/${name}`;
        const childEnv = { ...env, DATA_DIR: s.dataDir, DATABASE_URL: url.toString() };

        const a = startWorker(childEnv);
        const b = startWorker(childEnv);
        workers.push(a, b);
        await waitFor('the first deliveries', () => delivered() >= 10);
        assert.equal(await stopWorker(a, 'SIGKILL'), 'SIGKILL');
        const atKill = delivered();
        assert.ok(atKill < expected.total, `killed mid-run (${atKill} of ${expected.total} delivered)`);

        await waitFor('an empty outbox', async () => {
          const [{ n }] = (await s.deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'`)) as [{ n: number }];
          return n === 0;
        });
        assert.equal(await stopWorker(b, 'SIGTERM'), 0, b.output());

        const rows = await s.deps.db.query<{ status: string }>('SELECT status FROM outbox');
        assert.deepEqual([...new Set(rows.map((r) => r.status))], ['sent']);
        assert.equal(rows.length, expected.total);
        const r = checkDelivery(expected, 1);
        t.diagnostic(`PostgreSQL: ${expected.total} messages, killed at ${atKill}; 409 duplicates ${r.smsDuplicates409}, e-mail repeats ${r.emailRepeats}`);
      } finally {
        await s.close();
      }
      return;
    }

    const dataDir = await mkdtemp(join(tmpdir(), 'nalish-crash-'));
    try {
      const svc = await pgliteService(dataDir, env);
      const expected = await fillOutbox(svc.app, svc.deps.db, { app: svc.app, deps: svc.deps, clock: svc.clock });
      // One process at a time on a PGlite directory: hand it over to the workers.
      await svc.app.close();
      await svc.deps.db.close();
      const childEnv = { ...env, DATA_DIR: dataDir };

      const a = startWorker(childEnv);
      workers.push(a);
      await waitFor('the first deliveries', () => delivered() >= 10);
      assert.equal(await stopWorker(a, 'SIGKILL'), 'SIGKILL');
      const atKill = delivered();
      assert.ok(atKill < expected.total, `killed mid-run (${atKill} of ${expected.total} delivered)`);

      const b = startWorker(childEnv);
      workers.push(b);
      await waitFor('every message at the gateway and the SMTP server', () =>
        [...expected.sms].every((ref) => gw.messages.some((m) => m.reference === ref)) &&
        [...expected.email].every((id) => smtp.mails.some((m) => m.messageId === id)),
      );
      // A graceful stop lets the worker record its last result before it closes the database.
      assert.equal(await stopWorker(b, 'SIGTERM'), 0, b.output());

      const db = await pgliteDb(join(dataDir, 'pglite'));
      try {
        const rows = await db.query<{ status: string }>('SELECT status FROM outbox');
        assert.equal(rows.length, expected.total);
        assert.deepEqual([...new Set(rows.map((r) => r.status))], ['sent']);
      } finally {
        await db.close();
      }
      const r = checkDelivery(expected, 1);
      t.diagnostic(`PGlite: ${expected.total} messages, killed at ${atKill}; 409 duplicates ${r.smsDuplicates409}, e-mail repeats ${r.emailRepeats}`);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
