// The record-agnostic machinery (issue 10): clocks replaced only by a clock of their own
// purpose, each record's history chained on its own, and outbox messages with or without a record.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GENESIS_HASH, eventHash, verifyChain, verifyRecordChain } from '../src/history/chain.ts';
import { deliverBatch } from '../src/notify/deliver.ts';
import { enqueueOutbox } from '../src/records/outbox.ts';
import { startClock } from '../src/records/timers.ts';
import { sendersFromConfig } from '../src/service.ts';
import { type TestService, type World, complaintInput, consumerLogin, fileVia, makeService, makeWorld, merchantLogin, step } from './harness.ts';

describe('records: timers, history and outbox for any record', () => {
  let s: TestService;
  let w: World;
  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '100' } });
    w = await makeWorld(s.deps.db);
  });
  after(() => s.close());

  const idOf = async (code: string) => (await s.deps.db.query<{ id: string }>('SELECT id FROM complaints WHERE tracking_code = $1', [code]))[0]!.id;
  const timers = (id: string) =>
    s.deps.db.query<{ purpose: string; status: string; for_state: string; kind: string }>(
      `SELECT purpose, status, for_state, kind FROM timers WHERE record_kind = 'complaint' AND record_id = $1 ORDER BY id`,
      [id],
    );

  it('a second clock with another purpose survives a new lifecycle clock; the lifecycle clock replaces only its own', async () => {
    const c = await consumerLogin(s);
    const filed = await fileVia(s, c.auth);
    const id = await idOf(filed.trackingCode);
    const before = await timers(id);
    assert.ok(before.length >= 1 && before.every((t) => t.purpose === 'lifecycle' && t.status === 'pending' && t.for_state === 'with_merchant'));
    // A second clock on the same complaint (complaints have one purpose so far; the next record
    // kinds bring more: a payout round, a cure period). The database takes any purpose.
    const fireAt = new Date(s.clock.now().getTime() + 30 * 24 * 3600_000);
    await s.deps.db.transaction((tx) =>
      startClock(tx, { kind: 'complaint', id }, { purpose: 'other_clock' as 'lifecycle', forState: 'with_merchant', timers: [{ kind: 'reminder', fireAt, action: null, notify: null }] }, s.clock.now()),
    );
    // The merchant answers: the lifecycle's clock moves to the consumer's deadline.
    const m = await merchantLogin(s, w.merchantUser);
    assert.equal((await step(s, m, filed.trackingCode, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 100, message: 'We refund.' })).statusCode, 200);
    const afterAnswer = await timers(id);
    const other = afterAnswer.filter((t) => t.purpose === 'other_clock');
    assert.deepEqual(other.map((t) => t.status), ['pending'], 'the other clock is untouched');
    const lifecycle = afterAnswer.filter((t) => t.purpose === 'lifecycle');
    assert.ok(lifecycle.filter((t) => t.for_state === 'with_merchant').every((t) => t.status === 'stale'), 'the old lifecycle clock is retired');
    assert.ok(lifecycle.some((t) => t.for_state === 'merchant_responded' && t.status === 'pending'), 'the new lifecycle clock runs');
    // And starting the other clock again replaces only the other clock.
    await s.deps.db.transaction((tx) => startClock(tx, { kind: 'complaint', id }, { purpose: 'other_clock' as 'lifecycle', forState: 'merchant_responded', timers: [] }, s.clock.now()));
    const last = await timers(id);
    assert.deepEqual(last.filter((t) => t.purpose === 'other_clock').map((t) => t.status), ['stale']);
    assert.ok(last.some((t) => t.purpose === 'lifecycle' && t.for_state === 'merchant_responded' && t.status === 'pending'));
  });

  it("a record of another kind chains on its own: its events neither break nor join a complaint's chain", async () => {
    const c = await consumerLogin(s);
    const filed = await fileVia(s, c.auth, complaintInput());
    const id = await idOf(filed.trackingCode);
    const complaintChain = await verifyChain(s.deps.db, id);
    assert.equal(complaintChain.ok, true);
    // A kind the next issues add (claims): its key column and CHECKs come with its migration;
    // here the kind is let in by hand, with the same record id as the complaint.
    await s.deps.db.exec(`ALTER TABLE events DROP CONSTRAINT events_record_kind`);
    await s.deps.db.exec(`CREATE TABLE test_claims (id uuid PRIMARY KEY, version int NOT NULL, last_event_hash text NOT NULL)`);
    const at = s.clock.now();
    const e1 = { recordKind: 'claim' as 'complaint', recordId: id, seq: 1, type: 'created', actorRole: 'consumer', actorId: null, fromState: null, toState: 'draft', payload: { n: 1 }, createdAt: at };
    const h1 = eventHash(GENESIS_HASH, e1);
    // The same content under the complaint kind hashes differently: an event cannot pass as another kind's.
    assert.notEqual(h1, eventHash(GENESIS_HASH, { ...e1, recordKind: 'complaint' }));
    const e2 = { ...e1, seq: 2, type: 'submit', fromState: 'draft', toState: 'submitted', payload: {} };
    const h2 = eventHash(h1, e2);
    for (const [e, prev, hash] of [[e1, GENESIS_HASH, h1], [e2, h1, h2]] as const) {
      await s.deps.db.query(
        `INSERT INTO events (record_kind, record_id, seq, type, actor_role, actor_id, from_state, to_state, payload, created_at, prev_hash, hash)
         VALUES ('claim', $1, $2, $3, $4, NULL, $5, $6, $7, $8, $9, $10)`,
        [id, e.seq, e.type, e.actorRole, e.fromState, e.toState, JSON.stringify(e.payload), at, prev, hash],
      );
    }
    await s.deps.db.query(`INSERT INTO test_claims (id, version, last_event_hash) VALUES ($1, 2, $2)`, [id, h2]);
    // seq 1 and 2 exist for both records: the chain and the uniqueness are per (kind, id).
    assert.deepEqual(await verifyChain(s.deps.db, id), complaintChain);
    const { RECORD_TABLE } = await import('../src/records/kinds.ts');
    (RECORD_TABLE as Record<string, string>).claim = 'test_claims';
    try {
      assert.deepEqual(await verifyRecordChain(s.deps.db, 'claim' as 'complaint', id), { events: 2, ok: true });
    } finally {
      delete (RECORD_TABLE as Record<string, string>).claim;
    }
    // The complaint's next event follows its own chain, not the claim's newest one.
    const m = await merchantLogin(s, w.merchantUser);
    assert.equal((await step(s, m, filed.trackingCode, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 100, message: 'We refund.' })).statusCode, 200);
    const report = await verifyChain(s.deps.db, id);
    assert.equal(report.ok, true);
    assert.equal(report.events, complaintChain.events + 1);
  });

  it('a message that belongs to no record is delivered', async () => {
    const senders = sendersFromConfig(s.deps.config);
    // Drain what the complaints above queued.
    for (let i = 0; i < 20 && (await deliverBatch(s.deps.db, senders, s.deps.now)).sent > 0; i++);
    const [id] = await s.deps.db.transaction((tx) =>
      enqueueOutbox(tx, [{ channel: 'sms', recipient: '+8801700000777', subject: null, body: 'নালিশ পরীক্ষা', template: 'test' }], { record: null, now: s.clock.now() }),
    );
    const [row] = await s.deps.db.query<{ record_kind: string | null; record_id: string | null; complaint_id: string | null; status: string }>(
      'SELECT record_kind, record_id, complaint_id, status FROM outbox WHERE id = $1',
      [id],
    );
    assert.deepEqual(row, { record_kind: null, record_id: null, complaint_id: null, status: 'pending' });
    assert.equal((await deliverBatch(s.deps.db, senders, s.deps.now)).sent, 1);
    const [done] = await s.deps.db.query<{ status: string }>('SELECT status FROM outbox WHERE id = $1', [id]);
    assert.equal(done!.status, 'sent');
    // A complaint's messages carry their record.
    const [mine] = await s.deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE record_kind = 'complaint' AND record_id = complaint_id`,
    );
    assert.ok(mine!.n > 0);
  });
});
