// The admin command line, run in process against a test database: each command's effect,
// and its refusal of bad input with exit code 1 and a message.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { matchTotp, totpAt, totpStep } from '../src/auth/totp.ts';
import { runCli } from '../src/cli/main.ts';
import { type TestService, consumerLogin, fileVia, makeService, makeWorld, merchantLogin } from './harness.ts';

interface CliResult {
  code: number;
  out: string;
  err: string;
  json: <T = any>() => T;
}

function cliFor(s: TestService) {
  return async (...argv: string[]): Promise<CliResult> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, s.deps, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n'), json: () => JSON.parse(out.join('\n')) };
  };
}

function assertFails(r: CliResult, message: RegExp) {
  assert.equal(r.code, 1, `expected exit 1, got ${r.code}: ${r.out}`);
  assert.match(r.err, /^error: /);
  assert.match(r.err, message);
}

describe('nalish CLI: general', () => {
  let s: TestService;
  let cli: ReturnType<typeof cliFor>;
  before(async () => {
    s = await makeService();
    cli = cliFor(s);
  });
  after(() => s.close());

  it('prints help, and refuses unknown commands and options', async () => {
    const help = await cli('help');
    assert.equal(help.code, 0);
    assert.match(help.out, /office create/);
    assert.match(help.out, /PGlite.*one process/s);
    assert.equal((await cli('--help')).code, 0);
    assert.equal((await cli('office', 'create', '--help')).code, 0);

    const none = await cli();
    assert.equal(none.code, 1);
    assert.match(none.err, /Usage/);
    const unknown = await cli('frobnicate');
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /unknown command: frobnicate/);
    assertFails(await cli('office', 'list', '--bogus'), /Unknown option '--bogus'/);
    assertFails(await cli('office', 'create', '--name-en', 'X', '--level', 'national'), /--name-bn is required/);
  });

  it('totp prints the current code of a secret', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DP';
    const r = await cli('totp', secret);
    assert.equal(r.code, 0);
    assert.match(r.out, /^\d{6}$/);
    // Accepted the way the login checks it (the current step, one either side).
    assert.notEqual(matchTotp(secret, r.out, new Date()), null);
    assertFails(await cli('totp', 'not-base32!'), /base32/);
    assertFails(await cli('totp'), /usage: totp/);
  });
});

describe('nalish CLI: offices and officers', () => {
  let s: TestService;
  let cli: ReturnType<typeof cliFor>;
  before(async () => {
    s = await makeService();
    cli = cliFor(s);
  });
  after(() => s.close());

  it('creates and lists offices', async () => {
    const hq = await cli('office', 'create', '--name-en', 'Head office', '--name-bn', 'প্রধান কার্যালয়', '--level', 'national', '--email', 'HQ@dncrp.test');
    assert.equal(hq.code, 0, hq.err);
    assert.equal(hq.json().level, 'national');
    assert.equal(hq.json().email, 'hq@dncrp.test');
    const gz = await cli('office', 'create', '--name-en', 'Gazipur', '--name-bn', 'গাজীপুর', '--level', 'district', '--area', 'Gazipur');
    assert.equal(gz.code, 0, gz.err);
    assert.equal(gz.json().area, 'gazipur');
    const [row] = await s.deps.db.query<{ level: string; area: string }>('SELECT level, area FROM offices WHERE id = $1', [gz.json().id]);
    assert.deepEqual(row, { level: 'district', area: 'gazipur' });

    const list = await cli('office', 'list');
    assert.equal(list.code, 0);
    assert.deepEqual(
      list.json<{ id: string; level: string }[]>().map((o) => [o.id, o.level]),
      [
        [hq.json().id, 'national'],
        [gz.json().id, 'district'],
      ],
    );
  });

  it('refuses a bad level, an unknown district or division, and a second office for one area', async () => {
    const base = ['office', 'create', '--name-en', 'X', '--name-bn', 'X'];
    assertFails(await cli(...base, '--level', 'upazila', '--area', 'savar'), /--level must be district, division or national/);
    assertFails(await cli(...base, '--level', 'district', '--area', 'atlantis'), /unknown district: atlantis/);
    // Not an own property of the district table, though `in` would say it is.
    assertFails(await cli(...base, '--level', 'district', '--area', 'constructor'), /unknown district: constructor/);
    assertFails(await cli(...base, '--level', 'division', '--area', 'gazipur'), /unknown division: gazipur/);
    assertFails(await cli(...base, '--level', 'district'), /--area is required/);
    assertFails(await cli(...base, '--level', 'national', '--area', 'dhaka'), /national office has no area/);
    assertFails(await cli(...base, '--level', 'district', '--area', 'gazipur'), /already an office for that level and area/);
    assertFails(await cli(...base, '--level', 'division', '--area', 'dhaka', '--email', 'not-an-address'), /not an e-mail address/);
    const [{ n }] = (await s.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM offices')) as [{ n: number }];
    assert.equal(n, 2);
  });

  it('creates an officer with a generated password and a TOTP secret that log in', async () => {
    const [office] = await s.deps.db.query<{ id: string }>(`SELECT id FROM offices WHERE area = 'gazipur'`);
    const r = await cli('officer', 'create', '--office', office!.id, '--name', 'Nasrin Akter', '--email', 'Nasrin@dncrp.test');
    assert.equal(r.code, 0, r.err);
    const o = r.json<{ id: string; email: string; password: string; totpSecret: string; otpauthUrl: string }>();
    assert.equal(o.email, 'nasrin@dncrp.test');
    assert.ok(o.password.length >= 20, o.password);
    assert.match(o.totpSecret, /^[A-Z2-7]{32}$/);
    assert.equal(o.otpauthUrl, `otpauth://totp/Nalish:nasrin%40dncrp.test?secret=${o.totpSecret}&issuer=Nalish`);
    assert.match(r.err, /shown only now/);

    const totp = totpAt(o.totpSecret, totpStep(s.clock.now()));
    const login = await s.app.inject({ method: 'POST', url: '/api/v1/regulator/login', payload: { email: o.email, password: o.password, totp } });
    assert.equal(login.statusCode, 200, login.body);

    const given = await cli('officer', 'create', '--office', office!.id, '--name', 'Second', '--email', 'second@dncrp.test', '--password', 'a-chosen-password');
    assert.equal(given.code, 0, given.err);
    assert.equal(given.json().password, undefined, 'a password the admin typed is not echoed');

    const list = await cli('officer', 'list');
    assert.equal(list.code, 0);
    const officers = list.json<Record<string, unknown>[]>();
    assert.deepEqual(officers.map((x) => x.email), ['nasrin@dncrp.test', 'second@dncrp.test']);
    assert.equal(officers[0]!.office, 'Gazipur');
    assert.ok(officers.every((x) => !('password' in x) && !('totpSecret' in x)));
  });

  it('refuses an officer for a missing office, a short password or a taken e-mail', async () => {
    const [office] = await s.deps.db.query<{ id: string }>(`SELECT id FROM offices WHERE area = 'gazipur'`);
    const args = ['officer', 'create', '--name', 'N'];
    assertFails(await cli(...args, '--office', 'gazipur', '--email', 'n@dncrp.test'), /--office must be an id/);
    assertFails(await cli(...args, '--office', '00000000-0000-4000-8000-000000000000', '--email', 'n@dncrp.test'), /no office with id/);
    assertFails(await cli(...args, '--office', office!.id, '--email', 'n@dncrp.test', '--password', 'short'), /at least 10 characters/);
    assertFails(await cli(...args, '--office', office!.id, '--email', 'NASRIN@dncrp.test'), /officer with that e-mail address already exists/);
    assertFails(await cli(...args, '--office', office!.id), /--email is required/);
  });
});

describe('nalish CLI: merchants, users and API keys', () => {
  let s: TestService;
  let cli: ReturnType<typeof cliFor>;
  let merchantId: string;
  before(async () => {
    s = await makeService();
    cli = cliFor(s);
  });
  after(() => s.close());

  it('creates a merchant with its websites, pages and phones', async () => {
    const r = await cli(
      'merchant', 'create', '--name', 'Daraz Test', '--trade-licence', 'TRAD/DNCC/1234', '--dbid', 'DBID-77', '--email', 'care@daraz.test',
      '--website', 'https://www.daraz.test/', '--website', 'daraz-shop.test', '--facebook', 'https://facebook.com/daraztest', '--phone', '01711000111',
    );
    assert.equal(r.code, 0, r.err);
    const m = r.json<{ id: string; identifiers: { kind: string; value: string }[] }>();
    merchantId = m.id;
    assert.equal(m.identifiers.length, 4);
    assert.deepEqual(
      m.identifiers.map((i) => i.kind),
      ['facebook', 'phone', 'website', 'website'],
    );
    assert.ok(m.identifiers.some((i) => i.kind === 'phone' && i.value === '+8801711000111'));
    const list = await cli('merchant', 'list');
    assert.deepEqual(list.json<{ id: string }[]>().map((x) => x.id), [merchantId]);
  });

  it('refuses a bad identifier and leaves no half-made merchant', async () => {
    assertFails(await cli('merchant', 'create', '--name', 'Bad', '--website', 'ok-shop.test', '--phone', '12345'), /not a valid phone/);
    assertFails(await cli('merchant', 'create', '--name', 'Dup', '--website', 'daraz-shop.test'), /already belongs to a merchant/);
    assertFails(await cli('merchant', 'create', '--website', 'x.test'), /--name is required/);
    const names = await s.deps.db.query<{ name: string }>('SELECT name FROM merchants');
    assert.deepEqual(names.map((x) => x.name), ['Daraz Test']);
  });

  it('adds a merchant user who can sign in', async () => {
    const r = await cli('merchant', 'user', '--merchant', merchantId, '--email', 'Agent@daraz.test', '--name', 'Agent', '--role', 'agent');
    assert.equal(r.code, 0, r.err);
    const u = r.json<{ email: string; role: string; password: string }>();
    assert.equal(u.role, 'agent');
    assert.equal(u.email, 'agent@daraz.test');
    await merchantLogin(s, { email: u.email, password: u.password });

    assertFails(await cli('merchant', 'user', '--merchant', merchantId, '--email', 'x@daraz.test', '--name', 'X', '--role', 'boss'), /--role must be owner or agent/);
    assertFails(await cli('merchant', 'user', '--merchant', '00000000-0000-4000-8000-000000000000', '--email', 'x@daraz.test', '--name', 'X'), /no merchant with id/);
    assertFails(await cli('merchant', 'user', '--merchant', merchantId, '--email', 'agent@daraz.test', '--name', 'Again'), /already exists/);
  });

  it('creates, rotates and revokes API keys', async () => {
    const inbox = (key: string) => s.app.inject({ method: 'GET', url: '/api/v1/merchant/complaints', headers: { authorization: `Bearer ${key}` } });

    const created = await cli('apikey', 'create', '--merchant', merchantId, '--label', 'shop backend');
    assert.equal(created.code, 0, created.err);
    const k1 = created.json<{ id: string; key: string; prefix: string; label: string }>();
    assert.match(k1.key, /^nlk_/);
    assert.equal(k1.prefix, k1.key.slice(0, 10));
    assert.equal((await inbox(k1.key)).statusCode, 200);

    const rotated = await cli('apikey', 'rotate', '--merchant', merchantId, '--id', k1.id);
    assert.equal(rotated.code, 0, rotated.err);
    const k2 = rotated.json<{ id: string; key: string; label: string; revoked: string }>();
    assert.notEqual(k2.id, k1.id);
    assert.notEqual(k2.key, k1.key);
    assert.equal(k2.label, 'shop backend');
    assert.equal(k2.revoked, k1.id);
    assert.equal((await inbox(k1.key)).statusCode, 401);
    assert.equal((await inbox(k2.key)).statusCode, 200);

    const keys = (await cli('apikey', 'list', '--merchant', merchantId)).json<{ id: string; label: string; revokedAt: string | null }[]>();
    assert.deepEqual(
      keys.map((k) => [k.id, k.label, k.revokedAt !== null]).sort(),
      [
        [k1.id, 'shop backend', true],
        [k2.id, 'shop backend', false],
      ].sort(),
    );
    assert.ok(!JSON.stringify(keys).includes(k2.key), 'a listed key never shows the key itself');

    // A revoked key cannot be rotated or revoked again; another merchant's id does not reach it.
    assertFails(await cli('apikey', 'rotate', '--merchant', merchantId, '--id', k1.id), /no active API key/);
    const other = (await cli('merchant', 'create', '--name', 'Other')).json<{ id: string }>().id;
    assertFails(await cli('apikey', 'revoke', '--merchant', other, '--id', k2.id), /no active API key/);
    assertFails(await cli('apikey', 'rotate', '--merchant', other, '--id', k2.id), /no active API key/);
    assert.equal((await inbox(k2.key)).statusCode, 200);

    const revoked = await cli('apikey', 'revoke', '--merchant', merchantId, '--id', k2.id);
    assert.equal(revoked.code, 0, revoked.err);
    assert.equal((await inbox(k2.key)).statusCode, 401);
    assertFails(await cli('apikey', 'revoke', '--merchant', merchantId, '--id', k2.id), /no active API key/);

    assertFails(await cli('apikey', 'create', '--merchant', '00000000-0000-4000-8000-000000000000', '--label', 'x'), /no merchant with id/);
    assertFails(await cli('apikey', 'create', '--merchant', merchantId), /--label is required/);
    assertFails(await cli('apikey', 'revoke', '--merchant', merchantId, '--id', 'nlk_abc'), /--id must be an id/);
  });
});

describe('nalish CLI: holidays', () => {
  let s: TestService;
  let cli: ReturnType<typeof cliFor>;
  before(async () => {
    s = await makeService();
    cli = cliFor(s);
  });
  after(() => s.close());

  it('lists, adds and removes holidays, and the calendar follows', async () => {
    const y2026 = await cli('holidays', 'list', '--year', '2026');
    assert.equal(y2026.code, 0, y2026.err);
    const dates = y2026.json<{ date: string }[]>().map((h) => h.date);
    assert.ok(dates.length > 5, 'the shipped list is seeded');
    assert.ok(dates.every((d) => d.startsWith('2026-')));
    assert.ok(!dates.includes('2026-12-01'));
    const all = (await cli('holidays', 'list')).json<unknown[]>();
    assert.ok(all.length >= dates.length);

    assert.equal((await s.deps.calendar.get()).holidays.has('2026-12-01'), false);
    const added = await cli('holidays', 'add', '--date', '2026-12-01', '--name-en', 'Extra holiday', '--name-bn', 'অতিরিক্ত ছুটি');
    assert.equal(added.code, 0, added.err);
    assert.ok((await cli('holidays', 'list', '--year', '2026')).json<{ date: string; nameBn: string }[]>().some((h) => h.date === '2026-12-01' && h.nameBn === 'অতিরিক্ত ছুটি'));
    assert.equal((await s.deps.calendar.get()).holidays.has('2026-12-01'), true);

    assertFails(await cli('holidays', 'add', '--date', '2026-12-01', '--name-en', 'Again', '--name-bn', 'আবার'), /already a holiday on that date/);
    assertFails(await cli('holidays', 'add', '--date', '2026-02-30', '--name-en', 'No', '--name-bn', 'না'), /yyyy-mm-dd/);
    assertFails(await cli('holidays', 'add', '--date', '1/12/2026', '--name-en', 'No', '--name-bn', 'না'), /yyyy-mm-dd/);
    assertFails(await cli('holidays', 'list', '--year', '26'), /--year/);

    const removed = await cli('holidays', 'remove', '--date', '2026-12-01');
    assert.equal(removed.code, 0, removed.err);
    assert.equal((await s.deps.calendar.get()).holidays.has('2026-12-01'), false);
    assertFails(await cli('holidays', 'remove', '--date', '2026-12-01'), /no holiday on 2026-12-01/);
  });
});

describe('nalish CLI: holiday ranges, kinds, reasons and the import of a year’s list', () => {
  let s: TestService;
  let cli: ReturnType<typeof cliFor>;
  before(async () => {
    s = await makeService();
    cli = cliFor(s);
  });
  after(() => s.close());

  it('lists entries with their kind and range, says why a day is not a working day', async () => {
    const y2026 = (await cli('holidays', 'list', '--year', '2026')).json<{ date: string; to: string; kind: string; closesOffices: boolean; shipped: string | null }[]>();
    const eid = y2026.find((h) => h.shipped === '2026/eid-ul-fitr-after');
    assert.deepEqual([eid?.date, eid?.to, eid?.kind, eid?.closesOffices], ['2026-03-22', '2026-03-23', 'executive_order', true]);
    assert.ok(y2026.some((h) => h.kind === 'optional' && !h.closesOffices));

    const why = await cli('holidays', 'why', '--date', '2026-03-18', '--lang', 'bn');
    assert.equal(why.code, 0, why.err);
    assert.deepEqual(why.json(), { date: '2026-03-18', workingDay: false, reason: 'ঈদুল ফিতরের ছুটি (বাড়তি দিন) (নির্বাহী আদেশে ছুটি)' });
    assert.deepEqual((await cli('holidays', 'why', '--date', '2026-03-27')).json().reason, 'Friday, the weekly holiday');
    assert.deepEqual((await cli('holidays', 'why', '--date', '2026-03-24')).json(), { date: '2026-03-24', workingDay: true, reason: null });
    assertFails(await cli('holidays', 'why', '--date', '2026-03-24', '--lang', 'fr'), /--lang must be one of bn, en/);
  });

  it('adds a range and an order to open on a Saturday, refuses bad ones, removes by id', async () => {
    const added = await cli('holidays', 'add', '--date', '2026-12-28', '--to', '2026-12-30', '--kind', 'executive_order', '--name-en', 'Year-end closure', '--name-bn', 'বছর শেষের ছুটি', '--source', 'Test notice');
    assert.equal(added.code, 0, added.err);
    const id = added.json<{ id: number }>().id;
    let cal = await s.deps.calendar.get();
    assert.deepEqual(['2026-12-28', '2026-12-29', '2026-12-30'].map((d) => cal.holidays.has(d)), [true, true, true]);
    assertFails(await cli('holidays', 'remove', '--date', '2026-12-29'), new RegExp(`part of Year-end closure \\(2026-12-28\\.\\.2026-12-30\\): remove it with --id ${id}`));
    const open = await cli('holidays', 'add', '--date', '2026-12-19', '--kind', 'working_weekend', '--name-en', 'Offices open', '--name-bn', 'অফিস খোলা');
    assert.equal(open.code, 0, open.err);
    cal = await s.deps.calendar.get();
    assert.equal(cal.workingWeekendDays?.has('2026-12-19'), true);

    assertFails(await cli('holidays', 'add', '--date', '2026-12-22', '--kind', 'working_weekend', '--name-en', 'Open', '--name-bn', 'খোলা'), /offices can be ordered open on one Friday or Saturday/);
    assertFails(await cli('holidays', 'add', '--date', '2026-12-22', '--to', '2026-12-21', '--name-en', 'X', '--name-bn', 'ক'), /the range ends before it starts/);
    assertFails(await cli('holidays', 'add', '--date', '2026-12-22', '--kind', 'bank', '--name-en', 'X', '--name-bn', 'ক'), /--kind must be one of general, executive_order, optional, working_weekend/);
    assertFails(await cli('holidays', 'add', '--date', '2026-12-22', '--applies-to', 'hindu', '--name-en', 'X', '--name-bn', 'ক'), /only an optional holiday is for one group/);
    assertFails(await cli('holidays', 'remove', '--id', 'abc'), /--id must be a holiday id/);

    const removed = await cli('holidays', 'remove', '--id', String(id));
    assert.equal(removed.code, 0, removed.err);
    cal = await s.deps.calendar.get();
    assert.equal(cal.holidays.has('2026-12-29'), false);
    assertFails(await cli('holidays', 'remove', '--id', String(id)), new RegExp(`no holiday with id ${id}`));
  });

  it('imports a year: a preview changes nothing; apply with the preview’s fingerprint; errors per line in Bengali', async () => {
    const file = join(s.dataDir, 'holidays-2027.csv');
    const rows2027 = (await cli('holidays', 'list', '--year', '2027')).json<{ date: string; to: string; kind: string; nameEn: string; nameBn: string; appliesTo: string | null }[]>();
    // The 2027 list as published: the expected entries, with Ashura moved a day and Chaitra Sankranti gone.
    const lines = rows2027
      .filter((h) => h.nameEn !== 'Chaitra Sankranti')
      .map((h) => [h.date === h.to ? h.date : `${h.date}..${h.to}`, h.kind, h.nameEn, h.nameBn, '', '', h.appliesTo ?? ''].join(','))
      .map((l) => (l.startsWith('2027-06-16,executive_order,Ashura') ? l.replace('2027-06-16', '2027-06-17') : l));
    await writeFile(file, ['date,kind,name_en,name_bn,lunar,confirmed,applies_to', ...lines].join('\n'));

    const preview = await cli('holidays', 'import', file);
    assert.equal(preview.code, 0, preview.err);
    const plan = preview.json<{ applied: boolean; fingerprint: string; removed: { nameEn: string }[]; added: { date: string; nameEn: string }[]; nonWorkingDays: { added: string[]; removed: string[] } }>();
    assert.equal(plan.applied, false);
    assert.deepEqual(plan.removed.map((h) => h.nameEn).sort(), ['Ashura', 'Chaitra Sankranti']);
    assert.deepEqual(plan.added.map((h) => [h.date, h.nameEn]), [['2027-06-17', 'Ashura']]);
    assert.deepEqual(plan.nonWorkingDays, { added: ['2027-06-17'], removed: ['2027-04-13', '2027-06-16'] });
    assert.match(preview.err, /Preview only: nothing was changed/);
    assert.equal((await s.deps.calendar.get()).holidays.has('2027-04-13'), true);

    assertFails(await cli('holidays', 'import', file, '--apply', '--expect', '0000000000000000'), /changed since the preview/);
    const applied = await cli('holidays', 'import', file, '--apply', '--expect', plan.fingerprint);
    assert.equal(applied.code, 0, applied.err);
    assert.equal(applied.json<{ applied: boolean }>().applied, true);
    const cal = await s.deps.calendar.get();
    assert.equal(cal.holidays.has('2027-04-13'), false);
    assert.equal(cal.holidays.has('2027-06-17'), true);

    const bad = join(s.dataDir, 'bad.csv');
    await writeFile(bad, 'date,kind,name_en,name_bn\n2027-13-01,general,Bad,খারাপ\n2027-05-01,general,May Day,');
    const r = await cli('holidays', 'import', bad, '--lang', 'bn');
    assertFails(r, /লাইন ২: তারিখটি সঠিক নয়/);
    assert.match(r.err, /লাইন ৩: বাংলা নাম নেই/);
    assertFails(await cli('holidays', 'import', bad), /Line 2: not a real date/);
    assertFails(await cli('holidays', 'import', join(s.dataDir, 'missing.csv')), /cannot read .*missing\.csv: ENOENT/);
    assertFails(await cli('holidays', 'import'), /usage: holidays import/);
    assertFails(await cli('holidays', 'import', file, '--expect', plan.fingerprint), /--expect goes with --apply/);
  });
});

describe('nalish CLI: verify-chain', () => {
  let s: TestService;
  let cli: ReturnType<typeof cliFor>;
  before(async () => {
    s = await makeService();
    cli = cliFor(s);
    await makeWorld(s.deps.db);
  });
  after(() => s.close());

  const idOf = async (code: string) => (await s.deps.db.query<{ id: string }>('SELECT id FROM complaints WHERE tracking_code = $1', [code]))[0]!.id;

  it('reports intact chains, then finds an edited payload and a deleted newest event', async () => {
    const empty = await cli('verify-chain');
    assert.equal(empty.code, 0, empty.err);
    assert.match(empty.out, /0 complaints/);

    const consumer = await consumerLogin(s);
    const a = await fileVia(s, consumer.auth);
    const b = await fileVia(s, consumer.auth);
    const c = await fileVia(s, consumer.auth);
    const [{ n: eventsPerComplaint }] = (await s.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE complaint_id = $1', [await idOf(a.trackingCode)])) as [{ n: number }];
    assert.ok(eventsPerComplaint >= 2, 'filing writes more than one event');

    const ok = await cli('verify-chain');
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /3 complaints, \d+ events checked: all chains intact/);
    const one = await cli('verify-chain', '--complaint', a.trackingCode);
    assert.equal(one.code, 0);
    assert.match(one.out, new RegExp(`^ok ${a.trackingCode}: ${eventsPerComplaint} events`));
    assertFails(await cli('verify-chain', '--complaint', '000-000-0000'), /no complaint with tracking code 000-000-0000/);

    // The history is append-only; a tamperer with database rights would first switch that off.
    await s.deps.db.exec('ALTER TABLE events DISABLE TRIGGER events_no_update');
    try {
      await s.deps.db.query(`UPDATE events SET payload = payload || '{"amountBdt": 1}'::jsonb WHERE complaint_id = $1 AND seq = 1`, [await idOf(a.trackingCode)]);
      await s.deps.db.query('DELETE FROM events WHERE complaint_id = $1 AND seq = $2', [await idOf(b.trackingCode), eventsPerComplaint]);
    } finally {
      await s.deps.db.exec('ALTER TABLE events ENABLE TRIGGER events_no_update');
    }

    const bad = await cli('verify-chain');
    assert.equal(bad.code, 1);
    const lines = bad.out.split('\n');
    assert.ok(lines.includes(`BROKEN ${a.trackingCode} at seq 1: the event was changed after it was written`), bad.out);
    assert.ok(lines.includes(`BROKEN ${b.trackingCode} at seq ${eventsPerComplaint}: the newest events are missing`), bad.out);
    assert.ok(!bad.out.includes(c.trackingCode), 'the untouched complaint is not reported');
    assert.match(bad.out, /3 complaints, \d+ events checked: 2 broken/);

    const onlyA = await cli('verify-chain', '--complaint', a.trackingCode);
    assert.equal(onlyA.code, 1);
    assert.equal(onlyA.out, `BROKEN ${a.trackingCode} at seq 1: the event was changed after it was written`);
    assert.equal((await cli('verify-chain', '--complaint', c.trackingCode)).code, 0);

    // The trigger is back on: the history cannot be edited now.
    await assert.rejects(s.deps.db.query('DELETE FROM events WHERE complaint_id = $1', [await idOf(c.trackingCode)]), /append-only/);
  });

  it('reports history events whose complaint is missing (a lost write), which no chain covers', async () => {
    const consumer = await consumerLogin(s);
    const lost = await fileVia(s, consumer.auth);
    const id = await idOf(lost.trackingCode);
    const [{ n }] = (await s.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE complaint_id = $1', [id])) as [{ n: number }];
    // What two processes on one embedded data directory left behind: the complaint row gone,
    // its history still there (the foreign keys would refuse this; a lost write does not ask).
    await s.deps.db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query('DELETE FROM complaints WHERE id = $1', [id]);
    });
    const r = await cli('verify-chain');
    assert.equal(r.code, 1, r.out);
    assert.ok(r.out.split('\n').includes(`BROKEN complaint ${id}: ${n} events, but the complaint is missing`), r.out);
    assert.match(r.out, /\d+ broken$/);
  });
});
