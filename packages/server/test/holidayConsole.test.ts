// The regulator console's import of a year's holiday list (head-office officers only: preview,
// then apply with the preview's fingerprint, errors per line in the reader's language), the
// deadlines it moves, and the public list of non-working days with their reasons.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createOfficer } from '../src/admin/ops.ts';
import { processCalendarChanges } from '../src/deadlines/recompute.ts';
import { readYear } from '../src/holidays/table.ts';
import { type TestService, type World, consumerLogin, fileVia, makeService, makeWorld, merchantLogin, officerLogin } from './harness.ts';

const PREVIEW = '/api/v1/regulator/holidays/import/preview';
const APPLY = '/api/v1/regulator/holidays/import/apply';
const HEADER = 'date,kind,name_en,name_bn,lunar,confirmed,applies_to,source,note';
const quote = (v: string | null) => `"${(v ?? '').replaceAll('"', '""')}"`;
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

describe('the console’s import of a year’s holiday list', () => {
  let s: TestService;
  let w: World;
  let hq: Record<string, string>;
  /** The 2026 list as the table holds it, as CSV lines. */
  let year2026: string[];

  before(async () => {
    s = await makeService({ env: { OTP_PER_IP_PER_HOUR: '10000' } });
    w = await makeWorld(s.deps.db);
    const pw = 'officer-password-hq';
    const o = await createOfficer(s.deps.db, { officeId: w.hq, name: 'Head office', email: 'hq.officer@dncrp.test', password: pw });
    hq = await officerLogin(s, { email: 'hq.officer@dncrp.test', password: pw, totpSecret: o.totpSecret });
    await processCalendarChanges(s.deps); // the seed's own
    year2026 = (await readYear(s.deps.db, 2026)).map((h) =>
      [h.from === h.to ? h.from : `${h.from}..${h.to}`, h.kind, quote(h.nameEn), quote(h.nameBn), yesNo(h.lunar), yesNo(h.confirmed), h.appliesTo ?? '', quote(h.source), quote(h.note)].join(','),
    );
  });
  after(() => s.close());

  const post = (url: string, headers: Record<string, string>, payload: Record<string, unknown>) => s.app.inject({ method: 'POST', url, headers, payload });

  it('refuses a list with mistakes, naming each line in the reader’s language; other officers and merchants get 403', async () => {
    const csv = [HEADER, '2026-13-01,general,Bad date,ভুল তারিখ,,,,,', '2026-12-02,holiday,Bad kind,ভুল ধরন,,,,,'].join('\n');
    const bn = await post(PREVIEW, { ...hq, 'accept-language': 'bn' }, { csv });
    assert.equal(bn.statusCode, 400, bn.body);
    assert.equal(bn.json().error.code, 'holiday_list_invalid');
    const problems = bn.json().error.details.problems as { line: number; message: string }[];
    assert.deepEqual(problems.map((p) => p.line), [2, 3]);
    assert.match(problems[0]!.message, /^লাইন ২:/);
    const en = await post(PREVIEW, { ...hq, 'accept-language': 'en' }, { csv });
    assert.match(en.json().error.details.problems[1].message, /^Line 3: the kind must be one of/);
    // Not a CSV at all, and no body: field errors, 400.
    assert.equal((await post(PREVIEW, hq, { csv: '' })).statusCode, 400);
    assert.equal((await post(PREVIEW, hq, { file: 'x' })).statusCode, 400);

    const division = await officerLogin(s, w.officer);
    const merchant = await merchantLogin(s, w.merchantUser);
    const consumer = (await consumerLogin(s)).auth;
    for (const who of [division, merchant, consumer]) {
      const r = await post(PREVIEW, who, { csv: [HEADER, ...year2026].join('\n') });
      assert.equal(r.statusCode, 403, r.body);
      assert.equal(r.json().error.code, 'forbidden');
    }
    assert.equal((await post(PREVIEW, {}, { csv: [HEADER, ...year2026].join('\n') })).statusCode, 401);
  });

  it('previews the year (one day added, open deadlines that would move), then applies; the deadline moves and the merchant is told', async () => {
    s.clock.set('2026-11-22T04:00:00.000Z'); // Sunday 10:00 Dhaka
    const consumer = await consumerLogin(s);
    const filed = await fileVia(s, consumer.auth);
    assert.equal(filed.dueAt, '2026-11-25T17:59:59.999Z');
    const csv = [HEADER, ...year2026, '2026-11-24,executive_order,Holiday declared in November,নভেম্বরে ঘোষিত ছুটি,no,yes,,Cabinet Division notice,'].join('\n');

    const preview = await post(PREVIEW, hq, { csv });
    assert.equal(preview.statusCode, 200, preview.body);
    const plan = preview.json();
    assert.equal(plan.applied, false);
    assert.equal(plan.year, 2026);
    assert.deepEqual(plan.added.map((h: { date: string; nameBn: string }) => [h.date, h.nameBn]), [['2026-11-24', 'নভেম্বরে ঘোষিত ছুটি']]);
    assert.deepEqual([plan.removed.length, plan.renamed.length, plan.changed.length], [0, 0, 0]);
    assert.equal(plan.unchanged, year2026.length);
    assert.deepEqual(plan.nonWorkingDays, { added: ['2026-11-24'], removed: [] });
    assert.equal(plan.deadlinesToMove, 1);
    // The preview changed nothing.
    assert.equal((await s.deps.calendar.get()).holidays.has('2026-11-24'), false);

    // A stale fingerprint is refused.
    const stale = await post(APPLY, hq, { csv, expectedFingerprint: '0000000000000000' });
    assert.equal(stale.statusCode, 409, stale.body);
    assert.equal(stale.json().error.code, 'holiday_list_changed');

    const key = randomUUID();
    const applied = await post(APPLY, { ...hq, 'idempotency-key': key }, { csv, expectedFingerprint: plan.fingerprint });
    assert.equal(applied.statusCode, 200, applied.body);
    assert.equal(applied.json().applied, true);
    assert.equal(applied.json().deadlinesToMove, 1);
    // The same request again is answered from the first answer, and applies nothing twice.
    const again = await post(APPLY, { ...hq, 'idempotency-key': key }, { csv, expectedFingerprint: plan.fingerprint });
    assert.equal(again.statusCode, 200);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal((await s.deps.db.query("SELECT 1 FROM calendar_changes WHERE source = 'console_import'")).length, 1);

    assert.deepEqual(await processCalendarChanges(s.deps), { changes: 1, moved: 1 });
    const view = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${filed.trackingCode}`, headers: consumer.auth });
    assert.equal(view.json().dueAt, '2026-11-26T17:59:59.999Z');
    const [ev] = await s.deps.db.query<{ payload: { holidays: { nameEn: string }[] } }>(
      "SELECT e.payload FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE c.tracking_code = $1 AND e.type = 'deadline_moved'",
      [filed.trackingCode],
    );
    assert.equal(ev!.payload.holidays[0]!.nameEn, 'Holiday declared in November');
    const mail = await s.deps.db.query<{ recipient: string; body: string }>(
      "SELECT o.recipient, o.body FROM outbox o JOIN complaints c ON c.id = o.complaint_id WHERE c.tracking_code = $1 AND o.template = 'deadline_moved'",
      [filed.trackingCode],
    );
    assert.deepEqual(mail.map((m) => m.recipient), ['complaints@shopbd.test']);
    assert.match(mail[0]!.body, /নভেম্বরে ঘোষিত ছুটি/);
  });
});

describe('the non-working days in a range, with their reasons', () => {
  let s: TestService;
  before(async () => {
    s = await makeService();
  });
  after(() => s.close());

  const get = (from: string, to: string, lang: 'bn' | 'en') =>
    s.app.inject({ method: 'GET', url: `/api/v1/calendar/non-working-days?from=${from}&to=${to}`, headers: { 'accept-language': lang } });

  it('lists the 2026 Eid-ul-Fitr closure and the weekend around it, in English and in Bengali', async () => {
    const en = await get('2026-03-17', '2026-03-29', 'en');
    assert.equal(en.statusCode, 200, en.body);
    const days = en.json().days as { date: string; kind: string; reason: string }[];
    assert.deepEqual(
      days.map((d) => d.date),
      ['2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-26', '2026-03-27', '2026-03-28'],
    );
    assert.match(days.find((d) => d.date === '2026-03-20')!.reason, /Eid-ul-Fitr/);
    assert.match(days.find((d) => d.date === '2026-03-26')!.reason, /Independence/);
    assert.equal(days.find((d) => d.date === '2026-03-28')!.reason, 'Saturday, the weekly holiday');
    const bn = await get('2026-03-27', '2026-03-28', 'bn');
    assert.deepEqual(bn.json().days.map((d: { reason: string }) => d.reason), ['শুক্রবার, সাপ্তাহিক ছুটি', 'শনিবার, সাপ্তাহিক ছুটি']);
  });

  it('across the year boundary, a Saturday ordered open is a working day, and a bad range is a 400', async () => {
    const r = await get('2026-12-30', '2027-01-03', 'en');
    assert.deepEqual(r.json().days.map((d: { date: string }) => d.date), ['2027-01-01', '2027-01-02']);
    const open = await get('2025-05-17', '2025-05-17', 'en');
    assert.deepEqual(open.json().days, []);
    for (const [from, to] of [['2026-03-29', '2026-03-17'], ['2026-01-01', '2027-06-01'], ['2026-02-30', '2026-03-01']]) {
      const bad = await get(from!, to!, 'bn');
      assert.equal(bad.statusCode, 400, `${from}..${to}: ${bad.body}`);
    }
    const reversed = await get('2026-03-29', '2026-03-17', 'bn');
    assert.equal(reversed.json().error.code, 'date_range_invalid');
    assert.match(reversed.json().error.message, /৪০০/);
  });
});
