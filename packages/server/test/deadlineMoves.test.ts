// A holiday declared after a deadline was set moves it: the timer keeps its rule, every change
// of the holiday table leaves a calendar_changes row in the same transaction, and the worker
// moves the open deadlines whose working-day count crossed a newly closed day — never earlier —
// with a deadline_moved event and a message to the party who owes the step. A crash between
// the change and the moves, or in the middle of them, loses nothing and repeats nothing.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dhakaDate, isWorkingDay, shiftDate } from '@nalish/domain';
import type { Db } from '../src/db/db.ts';
import type { Deps } from '../src/deps.ts';
import { runCli } from '../src/cli/main.ts';
import { processCalendarChanges } from '../src/deadlines/recompute.ts';
import { sweepTimers } from '../src/deadlines/sweep.ts';
import { withCalendarChange } from '../src/holidays/changes.ts';
import { insertHoliday, readYear } from '../src/holidays/table.ts';
import { type TestService, complaintInput, consumerLogin, fileVia, makeService, makeWorld } from './harness.ts';

/** Sunday 22 Nov 2026, 10:00 in Dhaka: a working day. Due Wednesday 25 November. */
const SUNDAY_10_DHAKA = '2026-11-22T04:00:00.000Z';
const WED_25_END = '2026-11-25T17:59:59.999Z';
const THU_26_END = '2026-11-26T17:59:59.999Z';

describe('a holiday declared late moves the open deadlines it touches', () => {
  let s: TestService;
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, s.deps, { out: (t) => out.push(t), err: (t) => err.push(t) });
    assert.equal(code, 0, err.join('\n'));
    return { out: JSON.parse(out.join('\n')) as Record<string, unknown>, err: err.join('\n') };
  };

  before(async () => {
    s = await makeService({ env: { OTP_PER_IP_PER_HOUR: '10000', FILINGS_PER_DAY: '1000' } });
    await makeWorld(s.deps.db);
    // The seed's own change (the shipped data on a fresh database) moves nothing.
    await processCalendarChanges(s.deps);
  });
  after(() => s.close());

  async function fileAt(iso: string) {
    s.clock.set(iso);
    const consumer = await consumerLogin(s);
    const filed = await fileVia(s, consumer.auth);
    return { code: filed.trackingCode, dueAt: filed.dueAt };
  }
  const complaint = async (code: string) =>
    (await s.deps.db.query<{ id: string; due_at: Date; due_rule: unknown; version: number }>('SELECT id, due_at, due_rule, version FROM complaints WHERE tracking_code = $1', [code]))[0]!;
  const timers = async (code: string) =>
    s.deps.db.query<{ kind: string; fire_at: Date; due_rule: unknown; reminder_rule: unknown }>(
      `SELECT t.kind, t.fire_at, t.due_rule, t.reminder_rule FROM timers t JOIN complaints c ON c.id = t.complaint_id
        WHERE c.tracking_code = $1 AND t.status = 'pending' ORDER BY t.kind`,
      [code],
    );
  const movedEvents = async (code: string) =>
    s.deps.db.query<{ payload: any; actor_role: string }>(
      `SELECT e.payload, e.actor_role FROM events e JOIN complaints c ON c.id = e.complaint_id
        WHERE c.tracking_code = $1 AND e.type = 'deadline_moved' ORDER BY e.seq`,
      [code],
    );
  const messages = async (code: string) =>
    s.deps.db.query<{ channel: string; recipient: string; subject: string | null; body: string }>(
      `SELECT o.channel, o.recipient, o.subject, o.body FROM outbox o JOIN complaints c ON c.id = o.complaint_id
        WHERE c.tracking_code = $1 AND o.template = 'deadline_moved' ORDER BY o.id`,
      [code],
    );
  const pendingChanges = async () => s.deps.db.query<{ id: string; source: string }>('SELECT id, source FROM calendar_changes WHERE done_at IS NULL ORDER BY id');

  it('each timer and the complaint keep the rule their deadline was computed with', async () => {
    const f = await fileAt(SUNDAY_10_DHAKA);
    assert.equal(f.dueAt, WED_25_END);
    const rule = { kind: 'working_days', from: SUNDAY_10_DHAKA, days: 3 };
    assert.deepEqual((await complaint(f.code)).due_rule, rule);
    const [expiry, reminder] = await timers(f.code);
    assert.equal(expiry!.kind, 'expiry');
    assert.deepEqual(expiry!.due_rule, rule);
    assert.deepEqual(reminder!.reminder_rule, { kind: 'working_days_before_due', days: 1, hour: 10 });
  });

  it('declared with the command line: the deadline, its reminder and the complaint move; an event and a message say why', async () => {
    const f = await fileAt(SUNDAY_10_DHAKA);
    const other = await fileAt('2026-11-25T04:00:00.000Z'); // Wednesday: counts Thu 26, Sun 29, Mon 30
    const added = await cli('holidays', 'add', '--date', '2026-11-24', '--kind', 'executive_order', '--name-en', 'Day of mourning', '--name-bn', 'রাষ্ট্রীয় শোক দিবস');
    assert.ok(added.out.calendarChange, 'the change is recorded with the holiday');
    assert.match(added.err, /deadline worker/);
    // Nothing moves until the worker runs: the change is a durable follow-up.
    assert.equal(new Date((await complaint(f.code)).due_at).toISOString(), WED_25_END);
    assert.deepEqual((await pendingChanges()).map((c) => c.source), ['cli_add']);

    s.clock.set('2026-11-22T06:00:00.000Z');
    const r = await processCalendarChanges(s.deps);
    // This complaint and the one of the test before; the one due before the holiday is not touched.
    assert.deepEqual(r, { changes: 1, moved: 2 });
    assert.equal(new Date((await complaint(f.code)).due_at).toISOString(), THU_26_END, 'Mon 23, (Tue 24 closed), Wed 25, Thu 26');
    const [expiry, reminder] = await timers(f.code);
    assert.equal(new Date(expiry!.fire_at).toISOString(), THU_26_END);
    assert.equal(new Date(reminder!.fire_at).toISOString(), '2026-11-25T04:00:00.000Z', 'reminded Wednesday 10:00 Dhaka instead of Tuesday');
    assert.equal(new Date((await complaint(other.code)).due_at).toISOString(), '2026-11-30T17:59:59.999Z', 'unchanged');
    assert.equal((await movedEvents(other.code)).length, 0);

    const [ev] = await movedEvents(f.code);
    assert.equal(ev!.actor_role, 'system');
    assert.deepEqual(ev!.payload, {
      previousDueAt: WED_25_END,
      dueAt: THU_26_END,
      holidays: [{ date: '2026-11-24', nameEn: 'Day of mourning', nameBn: 'রাষ্ট্রীয় শোক দিবস' }],
      calendarChange: Number(added.out.calendarChange),
    });
    // The merchant owes the answer: told by e-mail, in Bengali, with Bengali digits and the holiday.
    const sent = await messages(f.code);
    assert.deepEqual(sent.map((m) => [m.channel, m.recipient]), [['email', 'complaints@shopbd.test']]);
    assert.match(sent[0]!.subject!, /২৬ নভে/);
    assert.match(sent[0]!.body, /রাষ্ট্রীয় শোক দিবস/);
    assert.match(sent[0]!.body, new RegExp(f.code));
    assert.deepEqual(await pendingChanges(), []);

    // The sweep does not escalate on the old day any more.
    s.clock.set('2026-11-25T18:30:00.000Z');
    await sweepTimers(s.deps);
    const [{ state }] = (await s.deps.db.query<{ state: string }>('SELECT state FROM complaints WHERE tracking_code = $1', [f.code])) as [{ state: string }];
    assert.equal(state, 'with_merchant');

    // Processing again (a change taken twice) moves nothing more.
    await s.deps.db.query('UPDATE calendar_changes SET done_at = NULL WHERE id = $1', [added.out.calendarChange]);
    assert.deepEqual(await processCalendarChanges(s.deps), { changes: 1, moved: 0 });
    assert.equal((await movedEvents(f.code)).length, 1);
  });

  it('a holiday withdrawn never brings a deadline forward', async () => {
    s.clock.set(SUNDAY_10_DHAKA);
    const f = await fileAt(SUNDAY_10_DHAKA);
    assert.equal(f.dueAt, THU_26_END, 'filed under the calendar with 24 November closed');
    const removed = await cli('holidays', 'remove', '--date', '2026-11-24');
    assert.ok(removed.out.calendarChange);
    await processCalendarChanges(s.deps);
    assert.equal(new Date((await complaint(f.code)).due_at).toISOString(), THU_26_END);
    assert.equal((await movedEvents(f.code)).length, 0);
    assert.equal((await messages(f.code)).length, 0);
  });

  it('a timer set before rules were stored gets its rule from the state’s clock in the lifecycle table', async () => {
    s.clock.set(SUNDAY_10_DHAKA);
    const f = await fileAt(SUNDAY_10_DHAKA);
    assert.equal(f.dueAt, WED_25_END);
    const { id } = await complaint(f.code);
    await s.deps.db.query('UPDATE timers SET due_rule = NULL, reminder_rule = NULL WHERE complaint_id = $1', [id]);
    await s.deps.db.query('UPDATE complaints SET due_rule = NULL WHERE id = $1', [id]);
    await cli('holidays', 'add', '--date', '2026-11-23', '--name-en', 'Declared holiday', '--name-bn', 'ঘোষিত ছুটি');
    await processCalendarChanges(s.deps);
    assert.equal(new Date((await complaint(f.code)).due_at).toISOString(), THU_26_END, '(Mon 23 closed) Tue 24, Wed 25, Thu 26');
    const [expiry, reminder] = await timers(f.code);
    assert.deepEqual(expiry!.due_rule, { kind: 'working_days', from: SUNDAY_10_DHAKA, days: 3 }, 'the derived rule is stored');
    assert.equal(new Date(reminder!.fire_at).toISOString(), '2026-11-25T04:00:00.000Z');
    await cli('holidays', 'remove', '--date', '2026-11-23');
    await processCalendarChanges(s.deps);
  });

  it('a crash in the middle of the moves loses nothing: the change is taken again when its lease ends', async () => {
    s.clock.set(SUNDAY_10_DHAKA);
    const a = await fileAt(SUNDAY_10_DHAKA);
    const b = await fileAt(SUNDAY_10_DHAKA);
    await cli('holidays', 'add', '--date', '2026-11-24', '--name-en', 'Another holiday', '--name-bn', 'আরেকটি ছুটি');
    // A worker that dies after moving the first complaint (its transaction committed).
    let movedOne = false;
    const dying: Deps = {
      ...s.deps,
      db: {
        ...s.deps.db,
        query: s.deps.db.query.bind(s.deps.db),
        transaction: (async (fn: any) => {
          if (movedOne) throw new Error('killed');
          const result = await s.deps.db.transaction(fn);
          movedOne = result === true;
          return result;
        }) as Db['transaction'],
      } as Db,
    };
    await assert.rejects(processCalendarChanges(dying), /killed/);
    const moved = [a, b];
    const dueOf = async (code: string) => new Date((await complaint(code)).due_at).toISOString();
    assert.deepEqual((await Promise.all(moved.map((f) => dueOf(f.code)))).sort(), [WED_25_END, THU_26_END].sort(), 'one moved, one not yet');
    // Another worker does not take the leased change at once…
    assert.deepEqual(await processCalendarChanges(s.deps), { changes: 0, moved: 0 });
    // …but does once the lease has run out, and moves only what is left.
    s.clock.advance(6 * 60_000);
    assert.deepEqual(await processCalendarChanges(s.deps), { changes: 1, moved: 1 });
    assert.equal(await dueOf(a.code), THU_26_END);
    assert.equal(await dueOf(b.code), THU_26_END);
    assert.equal((await movedEvents(a.code)).length + (await movedEvents(b.code)).length, 2, 'one event each');
    await cli('holidays', 'remove', '--date', '2026-11-24');
    await processCalendarChanges(s.deps);
  });

  it('declared by importing the year’s list with the command line: the preview counts it, apply moves it', async () => {
    s.clock.set(SUNDAY_10_DHAKA);
    const f = await fileAt(SUNDAY_10_DHAKA);
    assert.equal(f.dueAt, WED_25_END);
    const q = (v: string | null) => `"${(v ?? '').replaceAll('"', '""')}"`;
    const lines = (await readYear(s.deps.db, 2026)).map((h) =>
      [h.from === h.to ? h.from : `${h.from}..${h.to}`, h.kind, q(h.nameEn), q(h.nameBn), h.lunar ? 'yes' : 'no', h.confirmed ? 'yes' : 'no', h.appliesTo ?? '', q(h.source), q(h.note)].join(','),
    );
    const file = join(s.dataDir, 'list-2026.csv');
    await writeFile(file, ['date,kind,name_en,name_bn,lunar,confirmed,applies_to,source,note', ...lines, '2026-11-24,executive_order,Imported holiday,ইমপোর্ট করা ছুটি,no,yes,,,'].join('\n'));
    const preview = await cli('holidays', 'import', file);
    assert.deepEqual(preview.out.nonWorkingDays, { added: ['2026-11-24'], removed: [] });
    assert.ok(Number(preview.out.deadlinesToMove) >= 1);
    const applied = await cli('holidays', 'import', file, '--apply', '--expect', String(preview.out.fingerprint));
    assert.equal(applied.out.applied, true);
    assert.deepEqual((await pendingChanges()).map((c) => c.source), ['cli_import']);
    await processCalendarChanges(s.deps);
    assert.equal(new Date((await complaint(f.code)).due_at).toISOString(), THU_26_END);
    assert.equal((await movedEvents(f.code))[0]!.payload.holidays[0].nameBn, 'ইমপোর্ট করা ছুটি');
  });

  it('the table change and its follow-up are one transaction: a failed import leaves neither', async () => {
    const before = (await s.deps.db.query<{ n: string }>('SELECT count(*) AS n FROM calendar_changes'))[0]!.n;
    await assert.rejects(
      s.deps.db.transaction(async (tx) => {
        await withCalendarChange(tx, 'cli_add', () =>
          insertHoliday(tx, { from: '2026-12-02', to: '2026-12-02', kind: 'general', appliesTo: null, nameEn: 'X', nameBn: 'এক্স', lunar: false, confirmed: true, source: null, note: null }),
        );
        throw new Error('crash before commit');
      }),
      /crash before commit/,
    );
    assert.equal((await s.deps.db.query<{ n: string }>('SELECT count(*) AS n FROM calendar_changes'))[0]!.n, before);
    assert.equal((await s.deps.db.query('SELECT 1 FROM holidays WHERE first_day = $1', ['2026-12-02'])).length, 0);
  });

  it('a regulator’s deadline moves too, and the office is told', async () => {
    // A complaint against a merchant nobody can reach goes straight to the regulator (escalated).
    s.clock.set(SUNDAY_10_DHAKA);
    const consumer = await consumerLogin(s);
    const filed = await fileVia(s, consumer.auth, complaintInput({ merchant: { website: 'unknown-shop-17.test', name: 'Unknown Shop' } }));
    assert.equal(filed.state, 'escalated');
    const due = new Date(filed.dueAt);
    // Close the working day before the deadline.
    let day = dhakaDate(due);
    const cal = await s.deps.calendar.get();
    do day = shiftDate(day, -1);
    while (!isWorkingDay(day, cal));
    await cli('holidays', 'add', '--date', day, '--name-en', 'Regulator test holiday', '--name-bn', 'পরীক্ষার ছুটি');
    await processCalendarChanges(s.deps);
    assert.ok(new Date((await complaint(filed.trackingCode)).due_at).getTime() > due.getTime());
    const sent = await messages(filed.trackingCode);
    assert.ok(sent.length > 0 && sent.every((m) => m.channel === 'email'));
    assert.ok(sent.some((m) => m.recipient === 'dhaka@dncrp.test'), JSON.stringify(sent));
  });
});
