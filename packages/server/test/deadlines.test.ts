// Deadlines with the harness clock: what the sweep does when each clock runs out, when the
// reminders fire, pausing for information, stale timers, holidays, and two sweeps at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { calendarFromDb } from '../src/calendarSource.ts';
import { type Db, postgresDb } from '../src/db/db.ts';
import type { Deps } from '../src/deps.ts';
import { sweepTimers } from '../src/deadlines/sweep.ts';
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
  step,
} from './harness.ts';

const DAY = 24 * 3600_000;
/** Sunday 22 Nov 2026, 10:00 in Dhaka: a working day. */
const SUNDAY_10_DHAKA = '2026-11-22T04:00:00.000Z';

interface Row {
  id: string;
  state: string;
  version: number;
  due_at: Date | null;
  paused_remaining_ms: number | null;
}

describe('deadlines and the sweep', () => {
  let s: TestService;
  let w: World;
  let merchant: Record<string, string>;

  before(async () => {
    // Many filings from one address in one simulated hour: lift the per-IP OTP and per-day limits.
    s = await makeService({ env: { OTP_PER_IP_PER_HOUR: '10000', FILINGS_PER_DAY: '1000' } });
    w = await makeWorld(s.deps.db);
    merchant = await merchantLogin(s, w.merchantUser);
  });
  after(() => s.close());

  const sweep = () => sweepTimers(s.deps);
  const at = (iso: string | Date | number) => s.clock.set(new Date(iso));

  async function complaint(code: string): Promise<Row> {
    const [row] = await s.deps.db.query<Row>(
      'SELECT id, state, version, due_at, paused_remaining_ms FROM complaints WHERE tracking_code = $1',
      [code],
    );
    assert.ok(row, `complaint ${code}`);
    return row;
  }
  async function events(code: string): Promise<{ type: string; actor_role: string; to_state: string }[]> {
    return s.deps.db.query(
      `SELECT e.type, e.actor_role, e.to_state FROM events e JOIN complaints c ON c.id = e.complaint_id
       WHERE c.tracking_code = $1 ORDER BY e.seq`,
      [code],
    );
  }
  async function outbox(code: string, template: string): Promise<{ channel: string; recipient: string; next_attempt_at: Date }[]> {
    return s.deps.db.query(
      `SELECT o.channel, o.recipient, o.next_attempt_at FROM outbox o JOIN complaints c ON c.id = o.complaint_id
       WHERE c.tracking_code = $1 AND o.template = $2 ORDER BY o.id`,
      [code, template],
    );
  }
  async function fileAt(iso: string) {
    at(iso);
    const consumer = await consumerLogin(s);
    const filed = await fileVia(s, consumer.auth);
    return { consumer, code: filed.trackingCode, dueAt: filed.dueAt };
  }

  it('escalates a complaint the merchant left unanswered past its deadline, and tells everyone', async () => {
    const { consumer, code, dueAt } = await fileAt(SUNDAY_10_DHAKA);
    assert.equal(dueAt, '2026-11-25T17:59:59.999Z'); // Wednesday, end of day in Dhaka

    at(Date.parse(dueAt) - 1);
    await sweep();
    assert.equal((await complaint(code)).state, 'with_merchant', 'not before the deadline');
    assert.equal((await events(code)).filter((e) => e.type === 'merchant_silent').length, 0);

    at(Date.parse(dueAt) + 1);
    await sweep();
    assert.equal((await complaint(code)).state, 'escalated');
    const silent = (await events(code)).filter((e) => e.type === 'merchant_silent');
    assert.deepEqual(silent, [{ type: 'merchant_silent', actor_role: 'system', to_state: 'escalated' }]);

    const sms = await outbox(code, 'escalated');
    assert.deepEqual(
      sms.map((m) => [m.channel, m.recipient]),
      [
        ['sms', consumer.phone],
        ['email', 'complaints@shopbd.test'],
      ],
    );
    const office = await outbox(code, 'escalated_office');
    assert.deepEqual(office.map((m) => m.recipient).sort(), ['dhaka@dncrp.test', 'officer1@dncrp.test', 'officer2@dncrp.test']);
    // Due from the sweep's (service) clock, so the worker sends them at once.
    assert.ok([...sms, ...office].every((m) => new Date(m.next_attempt_at).getTime() === s.clock.now().getTime()));

    // A second sweep finds nothing more to do for it.
    await sweep();
    assert.equal((await events(code)).filter((e) => e.type === 'merchant_silent').length, 1);
  });

  it('reminds the merchant at 10:00 Dhaka on the working day before the deadline', async () => {
    const { code } = await fileAt(SUNDAY_10_DHAKA);
    const reminderAt = Date.parse('2026-11-24T04:00:00.000Z'); // Tuesday 10:00 in Dhaka
    at(reminderAt - 1);
    await sweep();
    assert.equal((await outbox(code, 'merchant_reminder')).length, 0, 'not a millisecond early');
    at(reminderAt);
    await sweep();
    assert.deepEqual((await outbox(code, 'merchant_reminder')).map((m) => m.recipient), ['complaints@shopbd.test']);
    await sweep();
    assert.equal((await outbox(code, 'merchant_reminder')).length, 1, 'once');
    assert.equal((await complaint(code)).state, 'with_merchant');
  });

  it('skips the weekend for the reminder: due Sunday, reminded Thursday', async () => {
    // Filed Tuesday 24 Nov 10:00: Wed, Thu, (Fri, Sat weekend), Sun → due Sunday 29 Nov.
    const { code, dueAt } = await fileAt('2026-11-24T04:00:00.000Z');
    assert.equal(dueAt, '2026-11-29T17:59:59.999Z');
    const reminderAt = Date.parse('2026-11-26T04:00:00.000Z'); // Thursday 10:00 in Dhaka
    at(reminderAt - 1);
    await sweep();
    assert.equal((await outbox(code, 'merchant_reminder')).length, 0);
    at(reminderAt);
    await sweep();
    assert.equal((await outbox(code, 'merchant_reminder')).length, 1);
  });

  it('deems an offer accepted when the consumer stays silent for 7 days, with a reminder 2 days before', async () => {
    const { consumer, code } = await fileAt(SUNDAY_10_DHAKA);
    at('2026-11-22T05:00:00.000Z'); // Sunday 11:00 Dhaka
    const r = await step(s, merchant, code, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 2500, message: 'Full refund.' });
    assert.equal(r.statusCode, 200, r.body);
    const due = Date.parse('2026-11-29T17:59:59.999Z'); // 7 calendar days, end of that day in Dhaka
    assert.equal(new Date((await complaint(code)).due_at!).getTime(), due);

    const reminder = due - 2 * DAY;
    at(reminder - 1);
    await sweep();
    assert.equal((await outbox(code, 'deemed_accept_soon')).length, 0);
    at(reminder);
    await sweep();
    assert.deepEqual(
      (await outbox(code, 'deemed_accept_soon')).filter((m) => m.channel === 'sms').map((m) => m.recipient),
      [consumer.phone],
    );
    assert.equal((await complaint(code)).state, 'merchant_responded');

    at(due - 1);
    await sweep();
    assert.equal((await complaint(code)).state, 'merchant_responded');
    at(due);
    await sweep();
    assert.equal((await complaint(code)).state, 'resolved');
    assert.deepEqual((await events(code)).at(-1), { type: 'deem_accepted', actor_role: 'system', to_state: 'resolved' });
    assert.deepEqual((await outbox(code, 'offer_accepted')).map((m) => m.recipient), ['complaints@shopbd.test']);
  });

  it('escalates when the remedy is not confirmed within 10 days', async () => {
    const { consumer, code } = await fileAt(SUNDAY_10_DHAKA);
    assert.equal((await step(s, merchant, code, 'respond', { kind: 'offer', remedy: 'replacement', message: 'We will replace it.' })).statusCode, 200);
    at('2026-11-23T06:00:00.000Z'); // Monday 12:00 Dhaka
    const accepted = await step(s, consumer.auth, code, 'accept');
    assert.equal(accepted.statusCode, 200, accepted.body);
    const due = Date.parse('2026-12-03T17:59:59.999Z'); // 10 calendar days
    assert.equal(new Date((await complaint(code)).due_at!).getTime(), due);

    at(due - 2 * DAY);
    await sweep();
    assert.equal((await outbox(code, 'confirm_remedy_soon')).filter((m) => m.channel === 'sms').length, 1);
    at(due - 1);
    await sweep();
    assert.equal((await complaint(code)).state, 'resolved');
    at(due + 1);
    await sweep();
    assert.equal((await complaint(code)).state, 'escalated');
    assert.deepEqual((await events(code)).at(-1), { type: 'remedy_overdue', actor_role: 'system', to_state: 'escalated' });
    assert.equal((await outbox(code, 'escalated')).filter((m) => m.channel === 'sms').length, 1);
  });

  it('pauses the review clock for a request for information and resumes with the time that was left', async () => {
    const { consumer, code } = await fileAt(SUNDAY_10_DHAKA);
    assert.equal((await step(s, merchant, code, 'respond', { kind: 'defence', message: 'The parcel was delivered on time.' })).statusCode, 200);
    assert.equal((await step(s, consumer.auth, code, 'reject', { reason: 'It was not delivered.' })).statusCode, 200);
    const officer = await officerLogin(s, w.officer);
    const assigned = await step(s, officer, code, 'assign', { officerId: w.officer.id });
    assert.equal(assigned.json().state, 'under_review', assigned.body);
    const reviewDue = new Date((await complaint(code)).due_at!).getTime();

    s.clock.advance(2 * DAY);
    const officer2 = await officerLogin(s, w.officer); // sessions do not last for days
    const asked = await step(s, officer2, code, 'request_info', { from: 'consumer', question: 'Send the bKash transaction id.' });
    assert.equal(asked.json().state, 'info_requested', asked.body);
    const remaining = reviewDue - s.clock.now().getTime();
    assert.equal(Number((await complaint(code)).paused_remaining_ms), remaining);

    s.clock.advance(3 * DAY);
    const answered = await step(s, (await consumerLogin(s, consumer.phone.replace('+88', ''))).auth, code, 'provide_info', { answer: 'Transaction id 8N7A6B5C4D.' });
    assert.equal(answered.json().state, 'under_review', answered.body);
    const resumed = await complaint(code);
    assert.equal(new Date(resumed.due_at!).getTime(), s.clock.now().getTime() + remaining);
    assert.equal(new Date(resumed.due_at!).getTime(), reviewDue + 3 * DAY, 'the deadline moved by exactly the pause');
    assert.equal(resumed.paused_remaining_ms, null);

    // The old deadline passes without effect; the new one fires.
    at(reviewDue + 1);
    await sweep();
    assert.equal((await events(code)).filter((e) => e.type === 'regulator_overdue').length, 0);
    at(reviewDue + 3 * DAY);
    await sweep();
    assert.deepEqual(
      (await events(code)).filter((e) => e.type === 'regulator_overdue'),
      [{ type: 'regulator_overdue', actor_role: 'system', to_state: 'under_review' }],
    );
  });

  it('marks a timer whose state has moved on as stale and does nothing with it', async () => {
    const { code, dueAt } = await fileAt(SUNDAY_10_DHAKA);
    assert.equal((await step(s, merchant, code, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 100, message: 'Some back.' })).statusCode, 200);
    const row = await complaint(code);
    // Answering retired the merchant's timers already.
    const retired = await s.deps.db.query<{ status: string }>(
      `SELECT status FROM timers WHERE complaint_id = $1 AND for_state = 'with_merchant'`,
      [row.id],
    );
    assert.ok(retired.length >= 1 && retired.every((t) => t.status === 'stale'));
    // A leftover timer for the old state (a crash between writes, an old release) is retired by the sweep.
    const [leftover] = await s.deps.db.query<{ id: number }>(
      `INSERT INTO timers (record_kind, record_id, complaint_id, purpose, kind, fire_at, for_state, action)
       VALUES ('complaint', $1, $1, 'lifecycle', 'expiry', $2, 'with_merchant', 'merchant_silent') RETURNING id`,
      [row.id, new Date(dueAt)],
    );
    at(Date.parse(dueAt) + 1);
    const result = await sweep();
    assert.ok(result.stale >= 1);
    const [t] = await s.deps.db.query<{ status: string; done_at: Date }>('SELECT status, done_at FROM timers WHERE id = $1', [leftover!.id]);
    assert.equal(t!.status, 'stale');
    assert.equal(new Date(t!.done_at).getTime(), s.clock.now().getTime());
    const after = await complaint(code);
    assert.equal(after.state, 'merchant_responded');
    assert.equal(after.version, row.version, 'no event was written');
  });

  it('moves the deadline of complaints filed after a holiday is added to the table', async () => {
    const before = await fileAt(SUNDAY_10_DHAKA);
    assert.equal(before.dueAt, '2026-11-25T17:59:59.999Z');
    await s.deps.db.query(`INSERT INTO holidays (first_day, last_day, kind, name_en, name_bn) VALUES ('2026-11-24', '2026-11-24', 'general', 'Test holiday', 'পরীক্ষার ছুটি')`);
    try {
      s.deps.calendar.invalidate();
      const later = await fileAt(SUNDAY_10_DHAKA);
      assert.equal(later.dueAt, '2026-11-26T17:59:59.999Z', 'Mon, (Tue holiday), Wed, Thu');
      const [reminder] = await s.deps.db.query<{ fire_at: Date }>(
        `SELECT t.fire_at FROM timers t JOIN complaints c ON c.id = t.complaint_id WHERE c.tracking_code = $1 AND t.kind = 'reminder'`,
        [later.code],
      );
      assert.equal(new Date(reminder!.fire_at).toISOString(), '2026-11-25T04:00:00.000Z', 'Wednesday 10:00 Dhaka');
      // The earlier complaint keeps the deadline it was given.
      assert.equal(new Date((await complaint(before.code)).due_at!).toISOString(), before.dueAt);
    } finally {
      await s.deps.db.query(`DELETE FROM holidays WHERE first_day = '2026-11-24' AND name_en = 'Test holiday'`);
      s.deps.calendar.invalidate();
    }
  });

  it('applies each expiry exactly once when two sweeps run at the same time', async () => {
    at(SUNDAY_10_DHAKA);
    const consumer = await consumerLogin(s);
    const codes: string[] = [];
    for (let i = 0; i < 30; i++) {
      // Filing is rate-limited per address (20 an hour): come from a few addresses.
      const r = await s.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: consumer.auth,
        payload: complaintInput(),
        remoteAddress: `10.0.0.${1 + (i % 3)}`,
      });
      assert.equal(r.statusCode, 201, r.body);
      codes.push(r.json().trackingCode);
    }
    const due = Date.parse('2026-11-25T17:59:59.999Z');

    // On PostgreSQL the second sweep gets its own connection pool, like a second process.
    let other: Db | null = null;
    let deps2: Deps = s.deps;
    const url = process.env.DATABASE_URL;
    if (url && s.deps.db.kind === 'postgres') {
      const [{ name }] = (await s.deps.db.query<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
      const u = new URL(url);
      u.pathname = `/${name}`;
      other = postgresDb(u.toString(), 10);
      deps2 = { ...s.deps, db: other, calendar: calendarFromDb(other) };
    }
    try {
      at(due + 1);
      const [a, b] = await Promise.all([sweepTimers(s.deps), sweepTimers(deps2)]);
      // Every due timer of these complaints (30 reminders, 30 expiries) ran once between the two.
      const [{ n }] = (await s.deps.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM timers t JOIN complaints c ON c.id = t.complaint_id
         WHERE c.tracking_code = ANY($1) AND t.status = 'pending' AND t.fire_at <= $2`,
        [codes, s.clock.now()],
      )) as [{ n: number }];
      assert.equal(n, 0, 'nothing due is left');
      assert.ok(a.fired + b.fired >= 60, `fired ${a.fired} + ${b.fired}`);

      const counts = await s.deps.db.query<{ code: string; silent: number; reminders: number; sms: number }>(
        `SELECT c.tracking_code AS code,
           (SELECT count(*)::int FROM events e WHERE e.complaint_id = c.id AND e.type = 'merchant_silent') AS silent,
           (SELECT count(*)::int FROM outbox o WHERE o.complaint_id = c.id AND o.template = 'merchant_reminder') AS reminders,
           (SELECT count(*)::int FROM outbox o WHERE o.complaint_id = c.id AND o.template = 'escalated' AND o.channel = 'sms') AS sms
         FROM complaints c WHERE c.tracking_code = ANY($1) ORDER BY c.tracking_code`,
        [codes],
      );
      assert.equal(counts.length, 30);
      for (const c of counts) assert.deepEqual(c, { code: c.code, silent: 1, reminders: 1, sms: 1 });
      for (const code of codes) assert.equal((await complaint(code)).state, 'escalated');
    } finally {
      await other?.close();
    }
  });
});
