// Test harness: a fresh database per test file (PGlite in memory by default; a new database
// on the PostgreSQL server when DATABASE_URL is set), the real app, a clock tests can move,
// and small factories for the data each test needs.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { FileComplaintInput } from '@nalish/domain';
import { buildApp } from '../src/app.ts';
import { parseConfig } from '../src/config.ts';
import { type Db, pgliteDb, postgresDb } from '../src/db/db.ts';
import type { Deps } from '../src/deps.ts';
import { createDeps } from '../src/service.ts';
import { migrate } from '../src/db/migrate.ts';
import { createMerchant, createMerchantUser, createOffice, createOfficer } from '../src/admin/ops.ts';
import { totpAt, totpStep } from '../src/auth/totp.ts';

let template: Blob | null = null;

/** A migrated, empty database of its own. */
export async function makeTestDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `nalish_t_${process.pid}_${randomUUID().slice(0, 8)}`;
    const admin = postgresDb(url, 1);
    await admin.exec(`CREATE DATABASE ${name}`);
    await admin.close();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = postgresDb(u.toString(), 10);
    await migrate(db);
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
  // PGlite takes seconds to initialise; cloning a migrated template takes a fraction of that.
  if (!template) {
    const { PGlite } = await import('@electric-sql/pglite');
    const seed = new PGlite();
    const { wrapPglite } = await import('../src/db/db.ts');
    await migrate(wrapPglite(seed));
    template = (await seed.dumpDataDir('none')) as Blob;
    await seed.close();
  }
  const db = await pgliteDb(undefined, template);
  return { db, drop: () => db.close() };
}

export interface Clock {
  now: () => Date;
  set(d: Date | string): void;
  advance(ms: number): void;
}

export function makeClock(start: Date | string = '2026-11-22T04:00:00Z'): Clock {
  // Sunday 22 Nov 2026, 10:00 in Dhaka: a working day.
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = new Date(d).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface TestService {
  deps: Deps;
  app: FastifyInstance;
  clock: Clock;
  dataDir: string;
  close(): Promise<void>;
}

export async function makeService(opts: { env?: Record<string, string>; clock?: Clock } = {}): Promise<TestService> {
  const { db, drop } = await makeTestDb();
  const dataDir = await mkdtemp(join(tmpdir(), 'nalish-test-'));
  const clock = opts.clock ?? makeClock();
  const config = parseConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://nalish.test', LOG_LEVEL: 'silent', ...opts.env });
  const deps = await createDeps(config, { db, now: clock.now });
  const app = await buildApp(deps);
  await app.ready();
  return {
    deps,
    app,
    clock,
    dataDir,
    async close() {
      await app.close();
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface World {
  hq: string;
  dhakaOffice: string;
  ctgOffice: string;
  officer: { id: string; email: string; password: string; totpSecret: string };
  otherOfficer: { id: string; email: string; password: string; totpSecret: string };
  ctgOfficer: { id: string; email: string; password: string; totpSecret: string };
  merchant: string;
  merchantUser: { email: string; password: string };
  otherMerchant: string;
  otherMerchantUser: { email: string; password: string };
}

/** Offices, officers and two registered merchants with staff. */
export async function makeWorld(db: Db): Promise<World> {
  const hq = await createOffice(db, { nameEn: 'HQ', nameBn: 'প্রধান কার্যালয়', level: 'national', email: 'hq@dncrp.test' });
  const dhakaOffice = await createOffice(db, { nameEn: 'Dhaka', nameBn: 'ঢাকা', level: 'division', area: 'dhaka', email: 'dhaka@dncrp.test' });
  const ctgOffice = await createOffice(db, { nameEn: 'Chattogram', nameBn: 'চট্টগ্রাম', level: 'division', area: 'chattogram' });
  const pw = 'officer-password-1';
  const mk = async (officeId: string, email: string) => {
    const o = await createOfficer(db, { officeId, name: email.split('@')[0]!, email, password: pw });
    return { id: o.id, email, password: pw, totpSecret: o.totpSecret };
  };
  const officer = await mk(dhakaOffice, 'officer1@dncrp.test');
  const otherOfficer = await mk(dhakaOffice, 'officer2@dncrp.test');
  const ctgOfficer = await mk(ctgOffice, 'ctg@dncrp.test');
  const merchant = await createMerchant(db, {
    name: 'ShopBD',
    contactEmail: 'complaints@shopbd.test',
    websites: ['shopbd.test'],
    facebookPages: ['facebook.com/shopbd'],
    tradeLicence: 'TL-1',
    dbid: 'DBID-1',
  });
  const merchantUser = { email: 'owner@shopbd.test', password: 'merchant-password-1' };
  await createMerchantUser(db, { merchantId: merchant, name: 'Owner', ...merchantUser });
  const otherMerchant = await createMerchant(db, { name: 'Other Shop', contactEmail: 'care@other.test', websites: ['other.test'] });
  const otherMerchantUser = { email: 'owner@other.test', password: 'merchant-password-2' };
  await createMerchantUser(db, { merchantId: otherMerchant, name: 'Other', ...otherMerchantUser });
  return { hq, dhakaOffice, ctgOffice, officer, otherOfficer, ctgOfficer, merchant, merchantUser, otherMerchant, otherMerchantUser };
}

let phoneCounter = 0;
/** A fresh valid mobile number each call. */
export function newPhone(): string {
  phoneCounter += 1;
  return `0171${String(process.pid % 1000).padStart(3, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

/** The OTP text as it sits in the outbox, read the way the SMS gateway would receive it. */
export async function lastOtp(db: Db, phoneE164: string): Promise<string> {
  const [row] = await db.query<{ body: string }>(`SELECT body FROM outbox WHERE template = 'otp' AND recipient = $1 ORDER BY id DESC LIMIT 1`, [phoneE164]);
  const m = row?.body.match(/\d{6}/);
  if (!m) throw new Error(`no OTP for ${phoneE164}`);
  return m[0];
}

export const e164 = (local: string) => `+88${local}`;

/** Sign a consumer in through the real OTP endpoints; returns the bearer header. */
export async function consumerLogin(s: TestService, phone = newPhone()): Promise<{ phone: string; auth: Record<string, string> }> {
  const r1 = await s.app.inject({ method: 'POST', url: '/api/v1/otp', payload: { phone } });
  if (r1.statusCode !== 202) throw new Error(`otp: ${r1.statusCode} ${r1.body}`);
  const code = await lastOtp(s.deps.db, e164(phone));
  const r2 = await s.app.inject({ method: 'POST', url: '/api/v1/otp/verify', payload: { phone, code } });
  if (r2.statusCode !== 200) throw new Error(`verify: ${r2.statusCode} ${r2.body}`);
  return { phone: e164(phone), auth: { authorization: `Bearer ${r2.json().token}` } };
}

export async function merchantLogin(s: TestService, user: { email: string; password: string }): Promise<Record<string, string>> {
  const r = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/login', payload: user });
  if (r.statusCode !== 200) throw new Error(`merchant login: ${r.statusCode} ${r.body}`);
  return { authorization: `Bearer ${r.json().token}` };
}

export async function officerLogin(s: TestService, o: { email: string; password: string; totpSecret: string }): Promise<Record<string, string>> {
  // Each login needs a fresh TOTP step (codes are single-use), so move the clock on.
  s.clock.advance(31_000);
  const totp = totpAt(o.totpSecret, totpStep(s.clock.now()));
  const r = await s.app.inject({ method: 'POST', url: '/api/v1/regulator/login', payload: { email: o.email, password: o.password, totp } });
  if (r.statusCode !== 200) throw new Error(`officer login: ${r.statusCode} ${r.body}`);
  return { authorization: `Bearer ${r.json().token}` };
}

export function complaintInput(overrides: Partial<FileComplaintInput> & { merchantId?: string } = {}): FileComplaintInput {
  const { merchantId, ...rest } = overrides;
  return {
    merchant: merchantId ? { id: merchantId } : { website: 'shopbd.test' },
    order: { number: `ORD-${randomUUID().slice(0, 8)}`, date: '2026-11-10', amountBdt: 2500, paymentChannel: 'bkash' },
    category: 'not_delivered',
    description: 'Paid in advance by bKash, the parcel never came and the seller stopped answering.',
    wantedRemedy: 'refund',
    preChecks: { contactedMerchant: true, contactedOn: '2026-11-18', remedyReceived: 'none', problemDate: '2026-11-17' },
    consumer: { name: 'Rahim Uddin', district: 'dhaka', locale: 'bn' },
    ...rest,
  };
}

/** File a complaint through the API as a signed-in consumer; returns the complaint view. */
export async function fileVia(s: TestService, auth: Record<string, string>, input = complaintInput()) {
  const r = await s.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: auth, payload: input });
  if (r.statusCode !== 201) throw new Error(`file: ${r.statusCode} ${r.body}`);
  return r.json() as { trackingCode: string; state: string; version: number; dueAt: string } & Record<string, unknown>;
}

export async function step(s: TestService, auth: Record<string, string>, code: string, action: string, body: Record<string, unknown> = {}) {
  return s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/${action.replaceAll('_', '-')}`, headers: auth, payload: body });
}

/** A valid 1×1 PNG: the smallest real image evidence. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A multipart/form-data body with one file field, built by hand (for app.inject). */
export function multipart(filename: string, data: Buffer, contentType = 'application/octet-stream', field = 'file') {
  const boundary = `----nalish${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
