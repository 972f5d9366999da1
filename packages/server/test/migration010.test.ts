// Migration 010 on an installation that already has complaints: their history still verifies
// under the hash formula it was written with, their timers become the lifecycle's clock,
// their messages belong to them, and the counters are recounted once at start.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createMerchant, createOffice } from '../src/admin/ops.ts';
import type { Db } from '../src/db/db.ts';
import { migrate, migrationFiles } from '../src/db/migrate.ts';
import { canonicalJson, verifyChain } from '../src/history/chain.ts';
import { merchantFigures } from '../src/stats/figures.ts';
import { countFromHistory, recountCountersOnce, storedCounters } from '../src/stats/counters.ts';

const MIGRATIONS = fileURLToPath(new URL('../src/db/migrations/', import.meta.url));

/** The formula every event before migration 010 was written with (history/chain.ts before issue 10). */
function oldEventHash(prevHash: string, e: { complaintId: string; seq: number; type: string; actorRole: string; actorId: string | null; fromState: string | null; toState: string; payload: unknown; createdAt: Date }): string {
  const body = canonicalJson({ ...e, createdAt: e.createdAt.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

describe('migration 010 on existing data', () => {
  let db: Db;
  let close: () => Promise<void>;
  before(async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const { wrapPglite } = await import('../src/db/db.ts');
    const pg = new PGlite();
    db = wrapPglite(pg);
    close = () => pg.close();
    // The schema as it was before: every migration up to 009.
    await db.exec('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    for (const f of (await migrationFiles()).filter((f) => f < '010')) {
      await db.exec(await readFile(MIGRATIONS + f, 'utf8'));
      await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [f]);
    }
  });
  after(() => close());

  it('old chains verify, timers and messages belong to their complaint, counters are recounted once', async () => {
    const office = await createOffice(db, { nameEn: 'HQ', nameBn: 'প্রধান কার্যালয়', level: 'national' });
    const merchant = await createMerchant(db, { name: 'Old Shop', contactEmail: 'care@old.test' });
    const id = randomUUID();
    const filedAt = new Date('2026-10-05T06:00:00Z');
    const events = [
      { seq: 1, type: 'filed', actorRole: 'consumer', actorId: '+8801711111111', fromState: null, toState: 'submitted', payload: { note: 'filed before 010' } },
      { seq: 2, type: 'route', actorRole: 'system', actorId: null, fromState: 'submitted', toState: 'with_merchant', payload: { merchantReachable: true } },
      { seq: 3, type: 'respond', actorRole: 'merchant', actorId: 'u1', fromState: 'with_merchant', toState: 'merchant_responded', payload: { kind: 'offer', remedy: 'refund', amountBdt: 100, message: 'Refund.', evidenceIds: [] } },
      { seq: 4, type: 'deem_accepted', actorRole: 'system', actorId: null, fromState: 'merchant_responded', toState: 'resolved', payload: {} },
    ];
    let prev = '0'.repeat(64);
    const rows: { prev: string; hash: string }[] = [];
    for (const e of events) {
      const hash = oldEventHash(prev, { complaintId: id, ...e, createdAt: filedAt });
      rows.push({ prev, hash });
      prev = hash;
    }
    await db.query(
      `INSERT INTO complaints (id, tracking_code, version, state, owner, due_at, merchant_id, office_id, consumer_phone, consumer_name,
         consumer_locale, district, order_number, order_date, amount_bdt, payment_channel, category, description, wanted_remedy,
         pre_checks, last_event_hash, filed_at, updated_at)
       VALUES ($1, 'OLD-0001', 4, 'resolved', 'merchant', $2, $3, $4, '+8801711111111', 'Rahim', 'bn', 'dhaka', 'A-1', '2026-10-01',
         100, 'bkash', 'not_delivered', 'Never came.', 'refund', '{}', $5, $6, $6)`,
      [id, new Date('2026-10-20T06:00:00Z'), merchant, office, prev, filedAt],
    );
    for (const [i, e] of events.entries()) {
      await db.query(
        `INSERT INTO complaint_events (complaint_id, seq, type, actor_role, actor_id, from_state, to_state, payload, created_at, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [id, e.seq, e.type, e.actorRole, e.actorId, e.fromState, e.toState, JSON.stringify(e.payload), filedAt, rows[i]!.prev, rows[i]!.hash],
      );
    }
    await db.query(`INSERT INTO timers (complaint_id, kind, fire_at, for_state, action) VALUES ($1, 'expiry', $2, 'resolved', 'remedy_overdue')`, [id, new Date('2026-10-20T06:00:00Z')]);
    await db.query(`INSERT INTO outbox (channel, recipient, body, template, complaint_id) VALUES ('sms', '+8801711111111', 'x', 'filed', $1)`, [id]);
    await db.query(`INSERT INTO outbox (channel, recipient, body, template) VALUES ('sms', '+8801711111111', 'otp', 'otp')`);

    // 010 runs first on the old rows (later migrations follow it).
    assert.equal((await migrate(db))[0], '010_records.sql');
    assert.deepEqual(await verifyChain(db, id), { complaintId: id, events: 4, ok: true });
    assert.deepEqual(await db.query(`SELECT record_kind, record_id, purpose, status FROM timers`), [{ record_kind: 'complaint', record_id: id, purpose: 'lifecycle', status: 'pending' }]);
    assert.deepEqual(await db.query(`SELECT record_kind, record_id FROM outbox ORDER BY id`), [{ record_kind: 'complaint', record_id: id }, { record_kind: null, record_id: null }]);
    await assert.rejects(db.query('DELETE FROM events'), /append-only/);

    // The first start recounts the figures from the history; a second finds it done.
    assert.equal((await storedCounters(db)).size, 0);
    assert.equal(await recountCountersOnce(db), true);
    assert.equal(await recountCountersOnce(db), false);
    assert.deepEqual(await storedCounters(db), await countFromHistory(db));
    const f = await merchantFigures(db, merchant);
    assert.equal(f.received, 1);
    assert.equal(f.deemedAccepted, 1);
    assert.equal(f.resolved, 0);
    assert.equal(f.awaitingRemedy, 1);
  });
});
