// The holiday table: seeded from the shipped data, kept up to date by later releases without
// undoing administrators' edits, migrated from the old one-day list, imported a year at a time
// from CSV (preview, apply, errors per line in Bengali and English), and followed by deadlines.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { isWorkingDay } from '@nalish/domain';
import type { ShippedHoliday } from '@nalish/domain/calendar';
import { type Db, pgliteDb, postgresDb } from '../src/db/db.ts';
import { migrationFiles } from '../src/db/migrate.ts';
import { applyHolidayImport, importErrorText, parseHolidayCsv, planHolidayImport, ImportChangedError } from '../src/holidays/importCsv.ts';
import { loadShippedHolidays, syncShippedHolidays } from '../src/holidays/seed.ts';
import { readHolidays, readYear, updateHoliday, deleteHoliday } from '../src/holidays/table.ts';
import { type TestService, complaintInput, consumerLogin, fileVia, makeClock, makeService, makeWorld } from './harness.ts';

const HEADER = 'date,kind,name_en,name_bn,lunar,confirmed,applies_to,source,note';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

describe('seeding the holiday table from the shipped data', () => {
  let s: TestService;
  let shipped: ShippedHoliday[];
  before(async () => {
    s = await makeService();
    shipped = await loadShippedHolidays();
  });
  after(() => s.close());

  it('a fresh database holds every shipped entry, and the calendar closes offices for the 2026 Eid week', async () => {
    const rows = await readHolidays(s.deps.db);
    assert.equal(rows.length, shipped.length);
    assert.deepEqual(new Set(rows.map((r) => r.shippedKey)), new Set(shipped.map((e) => e.key)));
    const cal = await s.deps.calendar.get();
    for (const d of ['2026-03-17', '2026-03-18', '2026-03-19', '2026-03-22', '2026-03-23']) assert.equal(isWorkingDay(d, cal), false, d);
    assert.equal(isWorkingDay('2026-03-24', cal), true);
    assert.equal(isWorkingDay('2025-05-17', cal), true, 'a Saturday ordered open');
    // Starting again changes nothing.
    assert.deepEqual(await syncShippedHolidays(s.deps.db, shipped), { added: [], updated: [], removed: [], kept: [] });
  });

  it('a later release adds and corrects entries but keeps what an administrator edited or deleted', async () => {
    const db = s.deps.db;
    const byKey = async (key: string) => (await readHolidays(db)).find((r) => r.shippedKey === key);
    // An administrator corrects Ashura 2026 by hand and deletes Chaitra Sankranti 2026.
    const ashura = (await byKey('2026/ashura'))!;
    await updateHoliday(db, ashura.id, { ...ashura, from: '2026-06-27', to: '2026-06-27', note: 'Moved by the moon-sighting committee' });
    await deleteHoliday(db, (await byKey('2026/chaitra-sankranti'))!.id);
    // An edited row that the next release drops stays, as the administrator's own.
    const meraj = (await byKey('2025/shab-e-meraj'))!;
    await updateHoliday(db, meraj.id, { ...meraj, confirmed: true });

    const change = (key: string, over: Partial<ShippedHoliday>) => shipped.map((e) => (e.key === key ? { ...e, ...over } : e));
    let next = change('2026/ashura', { from: '2026-06-25', to: '2026-06-25' }); // the release disagrees: the edit wins
    next = next.map((e) => (e.key === '2026/chaitra-sankranti' ? { ...e, note: 'corrected' } : e)); // deleted here: stays deleted
    next = next.map((e) => (e.key === '2026/janmashtami' ? { ...e, confirmed: false, note: 'checked again' } : e)); // untouched: follows
    next = next.filter((e) => e.key !== '2027/christmas' && e.key !== '2025/shab-e-meraj'); // dropped
    next.push({ ...shipped.find((e) => e.key === '2026/victory-day')!, key: '2026/extra-day', from: '2026-12-17', to: '2026-12-17', nameEn: 'An extra day', nameBn: 'বাড়তি দিন' });

    const report = await syncShippedHolidays(db, next);
    assert.deepEqual(report.added, ['2026/extra-day']);
    assert.deepEqual(report.updated, ['2026/janmashtami']);
    assert.deepEqual(report.removed, ['2027/christmas']);
    assert.deepEqual(report.kept.sort(), ['2025/shab-e-meraj', '2026/ashura', '2026/chaitra-sankranti']);

    assert.equal((await byKey('2026/ashura'))?.from, '2026-06-27');
    assert.equal(await byKey('2026/chaitra-sankranti'), undefined);
    assert.equal((await byKey('2026/janmashtami'))?.note, 'checked again');
    assert.equal(await byKey('2027/christmas'), undefined);
    assert.ok((await readHolidays(db)).some((r) => r.nameEn === 'Shab-e-Meraj' && r.from === '2025-01-28' && r.shippedKey === null));
    // And the release after that changes nothing more.
    assert.deepEqual(await syncShippedHolidays(db, next), { added: [], updated: [], removed: [], kept: [] });
  });
});

/** An empty database on the same server kind as the tests, with no migration applied. */
async function bareDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await pgliteDb(undefined);
    return { db, drop: () => db.close() };
  }
  const name = `nalish_h_${process.pid}_${randomUUID().slice(0, 8)}`;
  const admin = postgresDb(url, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = postgresDb(u.toString(), 2);
  return {
    db,
    drop: async () => {
      await db.close();
      const a = postgresDb(url, 1);
      await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.close();
    },
  };
}

describe('migration 009 on a database with the old one-day list', () => {
  it('drops the untouched old rows, keeps the ones an administrator added or edited, and seeds the new data', async () => {
    const { db, drop } = await bareDb();
    try {
      const dir = new URL('../src/db/migrations/', import.meta.url);
      const files = await migrationFiles();
      const before009 = files.filter((f) => f < '009');
      for (const f of before009) await db.exec(await readFile(new URL(f, dir), 'utf8'));
      await db.exec(`CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      for (const f of before009) await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [f]);
      await db.exec(`INSERT INTO holidays (date, name_en, name_bn, confirmed) VALUES
        ('2026-03-20', 'Eid-ul-Fitr', 'ঈদুল ফিতর', false),
        ('2026-03-26', 'Independence Day', 'স্বাধীনতা দিবস', true),
        ('2026-05-27', 'Eid-ul-Azha (moved)', 'ঈদুল আজহা', false),
        ('2026-11-30', 'Office closure', 'অফিস বন্ধ', true)`);

      const { prepareDatabase } = await import('../src/service.ts');
      await prepareDatabase(db);
      const rows = await readHolidays(db);
      const kept = rows.filter((r) => r.shippedKey === null);
      assert.deepEqual(kept.map((r) => [r.from, r.nameEn, r.kind]).sort(), [
        ['2026-05-27', 'Eid-ul-Azha (moved)', 'general'],
        ['2026-11-30', 'Office closure', 'general'],
      ]);
      assert.equal(rows.filter((r) => r.shippedKey !== null).length, (await loadShippedHolidays()).length);
      assert.equal(rows.some((r) => r.nameEn === 'Independence Day' && r.shippedKey === null), false, 'an untouched old row is gone');
      // The database refuses what the calendar cannot use.
      await assert.rejects(db.query(`INSERT INTO holidays (first_day, last_day, kind, name_en, name_bn) VALUES ('2026-03-23', '2026-03-19', 'general', 'x', 'x')`));
      await assert.rejects(db.query(`INSERT INTO holidays (first_day, last_day, kind, name_en, name_bn) VALUES ('2026-03-02', '2026-03-02', 'working_weekend', 'x', 'x')`));
      await assert.rejects(db.query(`INSERT INTO holidays (first_day, last_day, kind, applies_to, name_en, name_bn) VALUES ('2026-03-02', '2026-03-02', 'general', 'hindu', 'x', 'x')`));
      await assert.rejects(db.query(`INSERT INTO holidays (first_day, last_day, kind, name_en, name_bn) VALUES ('2026-03-02', '2026-03-02', 'general', ' ', 'x')`));
      await db.query(`INSERT INTO holidays (first_day, last_day, kind, name_en, name_bn) VALUES ('2026-03-07', '2026-03-07', 'working_weekend', 'Open', 'খোলা')`);
    } finally {
      await drop();
    }
  });
});

describe('importing a year’s list from CSV', () => {
  let s: TestService;
  before(async () => {
    s = await makeService();
  });
  after(() => s.close());

  it('names each bad line, in English and in Bengali, and imports nothing', () => {
    const r = parseHolidayCsv(
      csv(
        '2027-03-10,general,Eid-ul-Fitr,ঈদুল ফিতর,yes,no,,,',
        '2027-02-30,general,Bad date,ভুল তারিখ,,,,,',
        '2027-03-12..2027-03-11,executive_order,Backwards,উল্টো,,,,,',
        '2027-05-01,holiday,May Day,মে দিবস,,,,,',
        '2027-08-05,general,July Mass Uprising Day,,,,,,',
        '2027-04-14,general,Pohela Boishakh,পহেলা বৈশাখ,maybe,,,,',
        '2027-12-16,general,Victory Day,বিজয় দিবস',
        '2026-12-25,general,Christmas Day,বড়দিন,,,,,',
        '2027-03-10,general,Eid-ul-Fitr,ঈদুল ফিতর,yes,yes,,,',
        '2027-03-28,general,Easter,ইস্টার,,,christian,,',
      ),
      { year: 2027 },
    );
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(
      r.errors.map((e) => importErrorText('en', e)),
      [
        'Line 3: not a real date',
        'Line 4: the range ends before it starts',
        'Line 5: the kind must be one of general, executive_order, optional, working_weekend, not “holiday”',
        'Line 6: the Bengali name is missing',
        'Line 7: lunar must be yes or no, not “maybe”',
        'Line 8: the line cannot be read as CSV (check the quotes and the number of fields)',
        'Line 9: the holiday starts in 2026, but this list is for 2027',
        'Line 10: the same holiday is on line 2 too',
        'Line 11: only an optional holiday is for one group (applies_to)',
      ],
    );
    assert.equal(importErrorText('bn', r.errors[0]!), 'লাইন ৩: তারিখটি সঠিক নয়');
    assert.equal(importErrorText('bn', r.errors[6]!), 'লাইন ৯: ছুটিটি শুরু ২০২৬ সালে, কিন্তু এই তালিকা ২০২৭ সালের');
  });

  it('refuses a file without the required columns, an unknown column, an empty file, unreadable CSV and mixed years', () => {
    const errors = (text: string) => {
      const r = parseHolidayCsv(text);
      return r.ok ? [] : r.errors.map((e) => importErrorText('en', e));
    };
    assert.deepEqual(errors('date,name_en\n2027-01-01,x'), ['Line 1: The first line must name the columns; missing: kind, name_bn.']);
    assert.match(errors('date,kind,name_en,name_bn,colour\n2027-01-01,general,x,y,red')[0]!, /^Line 1: Unknown column “colour”/);
    assert.deepEqual(errors(''), ['The file has no holidays.']);
    assert.deepEqual(errors(HEADER), ['The file has no holidays.']);
    assert.deepEqual(errors(csv('2027-01-01,general,"unclosed,y,,,,,')), ['Line 2: the line cannot be read as CSV (check the quotes and the number of fields)']);
    assert.deepEqual(errors(csv('2026-12-16,general,Victory Day,বিজয় দিবস,,,,,', '2027-12-16,general,Victory Day,বিজয় দিবস,,,,,')), [
      'The file has holidays of several years (2026, 2027); import one year at a time.',
    ]);
  });

  it('reads quoted fields, Bengali digits, a BOM and yes/no in both languages', () => {
    const r = parseHolidayCsv(`\uFEFF${csv('২০২৭-০৩-০৮..২০২৭-০৩-০৯,executive_order,"Eid-ul-Fitr holiday, days before",ঈদুল ফিতরের ছুটি,হ্যাঁ,না,,"MoPA ""list"" 2027",')}`);
    assert.ok(r.ok);
    assert.deepEqual(r.lines[0]!.holiday, {
      from: '2027-03-08',
      to: '2027-03-09',
      kind: 'executive_order',
      appliesTo: null,
      nameEn: 'Eid-ul-Fitr holiday, days before',
      nameBn: 'ঈদুল ফিতরের ছুটি',
      lunar: true,
      confirmed: false,
      source: 'MoPA "list" 2027',
      note: null,
    });
    assert.equal(r.year, 2027);
  });

  it('previews added, removed, renamed and changed entries and the days that stop being working days, then applies', async () => {
    const db = s.deps.db;
    const before2027 = await readYear(db, 2027);
    // The official list: Eid-ul-Fitr a day later than expected, Shab-e-Barat renamed, one
    // more closure, and Chaitra Sankranti not in the list.
    const keep = before2027.filter((r) => !['2027/eid-ul-fitr', '2027/eid-ul-fitr-before', '2027/eid-ul-fitr-after', '2027/shab-e-barat', '2027/chaitra-sankranti'].includes(r.shippedKey!));
    const line = (r: { from: string; to: string; kind: string; nameEn: string; nameBn: string; lunar: boolean; confirmed: boolean; appliesTo: string | null; source: string | null; note: string | null }) =>
      [r.from === r.to ? r.from : `${r.from}..${r.to}`, r.kind, r.nameEn, r.nameBn, r.lunar ? 'yes' : 'no', r.confirmed ? 'yes' : 'no', r.appliesTo ?? '', `"${r.source ?? ''}"`, `"${r.note ?? ''}"`].join(',');
    const text = csv(
      ...keep.map(line),
      '2027-01-24,executive_order,Shab-e-Barat (Lailatul Barat),শবেবরাত,yes,no,,"MoPA 2027",',
      '2027-03-09..2027-03-10,executive_order,Eid-ul-Fitr holiday (days before Eid),ঈদুল ফিতরের ছুটি (ঈদের আগের দিন),yes,no,,"MoPA 2027",',
      '2027-03-11,general,Eid-ul-Fitr,ঈদুল ফিতর,yes,no,,"MoPA 2027",',
      '2027-03-12..2027-03-14,executive_order,Eid-ul-Fitr holiday (days after Eid),ঈদুল ফিতরের ছুটি (ঈদের পরের দিন),yes,no,,"MoPA 2027",',
    );
    const parsed = parseHolidayCsv(text);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors.map((e) => importErrorText('en', e))));
    const plan = await planHolidayImport(db, parsed);
    assert.equal(plan.year, 2027);
    assert.deepEqual(plan.removed.map((r) => r.shippedKey).sort(), ['2027/chaitra-sankranti', '2027/eid-ul-fitr', '2027/eid-ul-fitr-after', '2027/eid-ul-fitr-before']);
    assert.deepEqual(plan.renamed.map((r) => [r.before.nameEn, r.after.nameEn]), [['Shab-e-Barat', 'Shab-e-Barat (Lailatul Barat)']]);
    assert.deepEqual(plan.changed.length, 0);
    assert.deepEqual(plan.added.map((h) => `${h.from}..${h.to} ${h.nameEn}`).sort(), [
      '2027-03-09..2027-03-10 Eid-ul-Fitr holiday (days before Eid)',
      '2027-03-11..2027-03-11 Eid-ul-Fitr',
      '2027-03-12..2027-03-14 Eid-ul-Fitr holiday (days after Eid)',
    ]);
    // Mon 8 March reopens; Sun 14 March closes; Chaitra Sankranti (Tue 13 April) reopens.
    assert.deepEqual(plan.nonWorkingDays, { added: ['2027-03-14'], removed: ['2027-03-08', '2027-04-13'] });
    assert.equal((await readYear(db, 2027)).length, before2027.length, 'a preview changes nothing');

    // Someone edits the table between the preview and the apply: refused.
    const edited = (await readYear(db, 2027)).find((r) => r.shippedKey === '2027/victory-day')!;
    await updateHoliday(db, edited.id, { ...edited, note: 'edited meanwhile' });
    await assert.rejects(applyHolidayImport(db, parsed, { expectedFingerprint: plan.fingerprint }), ImportChangedError);
    await updateHoliday(db, edited.id, edited);

    const applied = await applyHolidayImport(db, parsed, { expectedFingerprint: plan.fingerprint });
    assert.equal(applied.fingerprint, plan.fingerprint);
    s.deps.calendar.invalidate();
    const cal = await s.deps.calendar.get();
    assert.equal(isWorkingDay('2027-03-08', cal), true);
    assert.equal(isWorkingDay('2027-03-14', cal), false);
    assert.equal(isWorkingDay('2027-04-13', cal), true);
    // Importing the same file again changes nothing.
    const again = await planHolidayImport(db, parsed);
    assert.deepEqual([again.added.length, again.removed.length, again.renamed.length, again.changed.length, again.unchanged], [0, 0, 0, 0, parsed.lines.length]);

    // From now on 2027 belongs to the administrators: a release's 2027 entries are not added back.
    const shipped = await loadShippedHolidays();
    const report = await syncShippedHolidays(db, [...shipped, { ...shipped.find((e) => e.key === '2027/victory-day')!, key: '2027/new-in-release', from: '2027-12-19', to: '2027-12-19', nameEn: 'New', nameBn: 'নতুন' }]);
    assert.deepEqual(report.added, []);
    assert.equal((await readYear(db, 2027)).some((r) => r.nameEn === 'New'), false);
  });
});

describe('deadlines follow the seeded calendar', () => {
  let s: TestService;
  before(async () => {
    // Tuesday 17 March 2026, 11:00 in Dhaka: Shab-e-Qadr, the first day of the Eid closure.
    s = await makeService({ clock: makeClock('2026-03-17T05:00:00Z') });
    await makeWorld(s.deps.db);
  });
  after(() => s.close());

  it('a complaint filed on Tuesday 17 March 2026 is due at the end of Sunday 29 March', async () => {
    const { auth } = await consumerLogin(s);
    const filed = await fileVia(
      s,
      auth,
      complaintInput({
        order: { number: 'ORD-EID-2026', date: '2026-03-05', amountBdt: 2500, paymentChannel: 'bkash' },
        preChecks: { contactedMerchant: true, contactedOn: '2026-03-15', remedyReceived: 'none', problemDate: '2026-03-12' },
      }),
    );
    assert.equal(filed.state, 'with_merchant');
    assert.equal(filed.dueAt, '2026-03-29T17:59:59.999Z');
  });
});
