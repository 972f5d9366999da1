// The admin command line: offices, officers, merchants, API keys, holidays, history checks.
// Everything goes through the same functions the service uses (admin/ops.ts, auth/apiKeys.ts,
// history/chain.ts), so the CLI applies the same checks as the demo data and the API.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { API_KEY_SCOPES, type ApiKeyScope, ApiKeyScopeSchema, DISTRICTS, DIVISIONS, type Locale } from '@nalish/domain';
import {
  HOLIDAY_GROUPS,
  HOLIDAY_KINDS,
  HOLIDAY_LIMITS,
  type Holiday,
  calendarText,
  describeNonWorkingDay,
  holidayProblems,
} from '@nalish/domain/calendar';
import { createMerchant, createMerchantUser, createOffice, createOfficer } from '../admin/ops.ts';
import { createApiKey, revokeApiKey } from '../auth/apiKeys.ts';
import { otpauthUrl, totpAt, totpStep } from '../auth/totp.ts';
import type { Db, Queryable, Row } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { disableDemoLogins } from '../demo.ts';
import { MISSING_COMPLAINT, eventsWithoutComplaint, verifyChain } from '../history/chain.ts';
import { ImportChangedError, applyHolidayImport, importErrorText, parseHolidayCsv, planHolidayImport } from '../holidays/importCsv.ts';
import { withCalendarChange } from '../holidays/changes.ts';
import { presentPlan, presentRow } from '../holidays/present.ts';
import { countDeadlinesThatWouldMove } from '../deadlines/recompute.ts';
import { type HolidayRow, deleteHoliday, insertHoliday, readHolidays, readYear } from '../holidays/table.ts';

export interface CliOut {
  /** Results, on stdout. */
  out(text: string): void;
  /** Errors and notes, on stderr. */
  err(text: string): void;
}

export const consoleOut: CliOut = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

/** A mistake in what was typed: reported as "error: ..." with exit code 1. */
export class CliError extends Error {}

export const USAGE = `Nalish admin command line

Usage: npm run nalish -- <command> [options]

It opens the database the server uses, from the same settings (DATA_DIR, DATABASE_URL, ...).
The embedded database (PGlite, in DATA_DIR/pglite) can be opened by one process only:
stop the server before using this tool, or run both against PostgreSQL (DATABASE_URL).

Offices and officers
  office create --name-en <text> --name-bn <text> --level district|division|national
                [--area <district or division id, e.g. dhaka>] [--email <address>]
  office list
  officer create --office <office id> --name <text> --email <address> [--password <text>]
                 (a strong password is made if none is given; the password, the TOTP secret
                  and an otpauth:// URL for an authenticator app are shown once)
  officer list

Merchants and API keys
  merchant create --name <text> [--trade-licence <no>] [--dbid <id>] [--email <address>]
                  [--website <domain>]... [--facebook <page>]... [--phone <mobile>]...
  merchant list
  merchant user --merchant <merchant id> --email <address> --name <text>
                [--password <text>] [--role owner|agent]
  apikey create --merchant <merchant id> --label <text> [--scopes <scope,scope>]
                (the key is shown once; scopes: ${API_KEY_SCOPES.join(', ')};
                 default complaints:read,complaints:respond)
  apikey list   --merchant <merchant id>
  apikey revoke --merchant <merchant id> --id <key id>
  apikey rotate --merchant <merchant id> --id <key id>
                (a new key with the same label and scopes; the old one is revoked in the same
                 transaction)

Complaint history
  verify-chain [--complaint <tracking code>]
                (checks the hash chain of one complaint's history, or of all, and that no
                 history has lost its complaint; exit code 1 if any is broken)

Demo data
  demo disable-logins
                (switches off the demo officers and merchant, whose passwords are in the
                 README, and ends their sessions; a public install refuses to start while
                 they work)

Public holidays (the working-day calendar for deadlines)
  holidays list [--year <yyyy>]
  holidays add --date <yyyy-mm-dd> [--to <yyyy-mm-dd>] --name-en <text> --name-bn <text>
               [--kind general|executive_order|optional|working_weekend] [--applies-to <group>]
               [--lunar] [--unconfirmed] [--source <text>] [--note <text>]
               (default kind general; general and executive_order close offices, optional
                does not, working_weekend opens offices on one Friday or Saturday)
  holidays remove --date <yyyy-mm-dd> | --id <holiday id>
  holidays why --date <yyyy-mm-dd> [--lang bn|en]
               (is the date a working day, and if not, why)
  holidays import <file.csv> [--year <yyyy>] [--lang bn|en] [--apply [--expect <fingerprint>]]
               (a year's list from the Ministry of Public Administration, as CSV with the
                columns date,kind,name_en,name_bn[,lunar,confirmed,applies_to,source,note];
                date is a day or a range 2026-03-19..2026-03-23. Without --apply it shows
                what would be added, removed, renamed or changed and which days stop or start
                being working days, and changes nothing; --expect takes the preview's
                fingerprint and refuses if the table changed since. Errors name their line.)
                (a running server re-reads holidays within a minute. Adding, removing and
                 importing record the change of working days; the server's deadline worker
                 then moves every open deadline that counted a newly closed day, never earlier,
                 with an event in the complaint's history and a message to the party who owes
                 the step)

Other
  totp <base32 secret>   the current authenticator code (e.g. for the demo officer)
  help                   this text

Output is JSON for records and plain text for checks. Exit code 0 on success, 1 on error.
`;

type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function parse(args: string[], options: Options, positionals = 0): { values: Values; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  if (parsed.positionals.length > positionals) throw new CliError(`unexpected argument: ${parsed.positionals[positionals]}`);
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

function str(v: Values, name: string): string | undefined {
  const x = v[name];
  if (x === undefined) return undefined;
  if (typeof x !== 'string') throw new CliError(`--${name} needs a value`);
  const t = x.trim();
  if (t === '') throw new CliError(`--${name} must not be empty`);
  return t;
}

function req(v: Values, name: string): string {
  const x = str(v, name);
  if (x === undefined) throw new CliError(`--${name} is required`);
  return x;
}

const list = (v: Values, name: string): string[] => ((v[name] as string[] | undefined) ?? []).map((s) => s.trim()).filter(Boolean);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function uuid(v: Values, name: string): string {
  const x = req(v, name);
  if (!UUID.test(x)) throw new CliError(`--${name} must be an id (a UUID), not "${x}"`);
  return x.toLowerCase();
}

function scopeList(text: string): ApiKeyScope[] {
  const scopes = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
  const bad = scopes.filter((s) => !ApiKeyScopeSchema.safeParse(s).success);
  if (scopes.length === 0 || bad.length > 0) throw new CliError(`--scopes must name one or more of ${API_KEY_SCOPES.join(', ')}${bad.length ? `, not "${bad.join(', ')}"` : ''}`);
  return scopes as ApiKeyScope[];
}

const EmailSchema = z.email();
function email(v: Values, name: string, required: true): string;
function email(v: Values, name: string, required: false): string | undefined;
function email(v: Values, name: string, required: boolean): string | undefined {
  const x = required ? req(v, name) : str(v, name);
  if (x !== undefined && !EmailSchema.safeParse(x).success) throw new CliError(`--${name} is not an e-mail address: ${x}`);
  return x?.toLowerCase();
}

function isoDate(v: Values, name: string): string {
  const x = req(v, name);
  const d = /^\d{4}-\d{2}-\d{2}$/.test(x) ? new Date(`${x}T00:00:00Z`) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== x) throw new CliError(`--${name} must be a date as yyyy-mm-dd, not "${x}"`);
  return x;
}

function password(v: Values): { password: string; generated: boolean } {
  const given = v.password;
  if (given !== undefined) {
    if (typeof given !== 'string' || given.length < 10) throw new CliError('--password needs at least 10 characters');
    return { password: given, generated: false };
  }
  // 18 random bytes: 24 characters of base64url, 144 bits.
  return { password: randomBytes(18).toString('base64url'), generated: true };
}

/** Deps whose database is one open transaction, for the functions that take Deps. */
function inTransaction(deps: Deps, tx: Queryable): Deps {
  const db: Db = {
    kind: deps.db.kind,
    query: <R extends Row>(sql: string, params?: readonly unknown[]) => tx.query<R>(sql, params),
    exec: (sql: string) => tx.exec(sql),
    transaction: () => Promise.reject(new Error('already in a transaction')),
    close: () => Promise.reject(new Error('cannot close a transaction')),
  };
  return { ...deps, db };
}

async function mustExist(db: Queryable, table: 'offices' | 'merchants', id: string, what: string): Promise<void> {
  const rows = await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  if (rows.length === 0) throw new CliError(`no ${what} with id ${id}`);
}

const json = (out: CliOut, value: unknown) => out.out(JSON.stringify(value, null, 2));

/** Database errors turned into sentences a person can act on. */
function explainDbError(e: unknown): string | null {
  const err = e as { code?: string; constraint?: string; detail?: string };
  if (err?.code === '23505') {
    const known: Record<string, string> = {
      offices_area: 'there is already an office for that level and area',
      officers_email_key: 'an officer with that e-mail address already exists',
      merchant_users_email_key: 'a merchant user with that e-mail address already exists',
      merchant_identifiers_pkey: 'that website, Facebook page or phone number already belongs to a merchant',
      holidays_unique: 'there is already a holiday on that date with that kind and name',
    };
    return (err.constraint && known[err.constraint]) ?? `already exists${err.detail ? `: ${err.detail}` : ''}`;
  }
  if (err?.code === '23503') return `refers to something that does not exist${err.detail ? `: ${err.detail}` : ''}`;
  return null;
}

function oneOf<T extends string>(v: Values, name: string, allowed: readonly T[]): T | undefined {
  const x = str(v, name);
  if (x !== undefined && !(allowed as readonly string[]).includes(x)) throw new CliError(`--${name} must be one of ${allowed.join(', ')}, not "${x}"`);
  return x as T | undefined;
}

function lang(v: Values): Locale {
  return oneOf(v, 'lang', ['bn', 'en'] as const) ?? 'en';
}

const limitOf = (p: string) =>
  p === 'range_too_long' ? HOLIDAY_LIMITS.maxSpanDays : p === 'name_too_long' ? HOLIDAY_LIMITS.maxNameLength : HOLIDAY_LIMITS.maxTextLength;

const MOVES_FOLLOW =
  'The open deadlines that counted a newly closed day are moved by the server\'s deadline worker within seconds (each with an event and a message to the party who owes the step).';

type Handler = (args: string[], deps: () => Promise<Deps>, out: CliOut) => Promise<number>;

const commands: Record<string, Handler> = {
  async 'office create'(args, getDeps, out) {
    const { values: v } = parse(args, { 'name-en': { type: 'string' }, 'name-bn': { type: 'string' }, level: { type: 'string' }, area: { type: 'string' }, email: { type: 'string' } });
    const level = req(v, 'level');
    if (level !== 'district' && level !== 'division' && level !== 'national') throw new CliError(`--level must be district, division or national, not "${level}"`);
    const area = str(v, 'area')?.toLowerCase();
    if (level !== 'national' && !area) {
      const ids = Object.keys(level === 'district' ? DISTRICTS : DIVISIONS);
      throw new CliError(`--area is required for a ${level} office (one of: ${ids.join(', ')})`);
    }
    const input = { nameEn: req(v, 'name-en'), nameBn: req(v, 'name-bn'), level, area, email: email(v, 'email', false) } as const;
    const deps = await getDeps();
    let id: string;
    try {
      id = await createOffice(deps.db, input);
    } catch (e) {
      if (e instanceof Error && /^unknown (district|division)|national office has no area/.test(e.message)) throw new CliError(e.message);
      throw e;
    }
    json(out, { id, nameEn: input.nameEn, nameBn: input.nameBn, level, area: input.area ?? null, email: input.email ?? null });
    return 0;
  },

  async 'office list'(args, getDeps, out) {
    parse(args, {});
    const rows = await (await getDeps()).db.query<{ id: string; name_en: string; name_bn: string; level: string; area: string | null; email: string | null; officers: number }>(
      `SELECT o.id, o.name_en, o.name_bn, o.level, o.area, o.email,
              (SELECT count(*)::int FROM officers f WHERE f.office_id = o.id) AS officers
         FROM offices o ORDER BY CASE o.level WHEN 'national' THEN 0 WHEN 'division' THEN 1 ELSE 2 END, o.area`,
    );
    json(out, rows.map((r) => ({ id: r.id, nameEn: r.name_en, nameBn: r.name_bn, level: r.level, area: r.area, email: r.email, officers: r.officers })));
    return 0;
  },

  async 'officer create'(args, getDeps, out) {
    const { values: v } = parse(args, { office: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } });
    const officeId = uuid(v, 'office');
    const name = req(v, 'name');
    const mail = email(v, 'email', true);
    const pw = password(v);
    const deps = await getDeps();
    await mustExist(deps.db, 'offices', officeId, 'office');
    const created = await createOfficer(deps.db, { officeId, name, email: mail, password: pw.password });
    json(out, {
      id: created.id,
      officeId,
      name,
      email: mail,
      ...(pw.generated ? { password: pw.password } : {}),
      totpSecret: created.totpSecret,
      otpauthUrl: otpauthUrl(created.totpSecret, mail),
    });
    out.err(
      pw.generated
        ? 'The password and the TOTP secret are shown only now: give them to the officer through a safe channel.'
        : 'The TOTP secret is shown only now: the officer adds it (or the otpauth:// URL, as a QR code) to an authenticator app.',
    );
    return 0;
  },

  async 'officer list'(args, getDeps, out) {
    parse(args, {});
    const rows = await (await getDeps()).db.query<{ id: string; office_id: string; office: string; name: string; email: string; active: boolean; created_at: Date }>(
      `SELECT f.id, f.office_id, o.name_en AS office, f.name, f.email, f.active, f.created_at
         FROM officers f JOIN offices o ON o.id = f.office_id ORDER BY o.name_en, f.email`,
    );
    json(out, rows.map((r) => ({ id: r.id, officeId: r.office_id, office: r.office, name: r.name, email: r.email, active: r.active, createdAt: new Date(r.created_at).toISOString() })));
    return 0;
  },

  async 'merchant create'(args, getDeps, out) {
    const { values: v } = parse(args, {
      name: { type: 'string' },
      'trade-licence': { type: 'string' },
      dbid: { type: 'string' },
      email: { type: 'string' },
      website: { type: 'string', multiple: true },
      facebook: { type: 'string', multiple: true },
      phone: { type: 'string', multiple: true },
    });
    const input = {
      name: req(v, 'name'),
      tradeLicence: str(v, 'trade-licence'),
      dbid: str(v, 'dbid'),
      contactEmail: email(v, 'email', false),
      websites: list(v, 'website'),
      facebookPages: list(v, 'facebook'),
      phones: list(v, 'phone'),
    };
    const deps = await getDeps();
    let id: string;
    try {
      // One transaction: a bad identifier leaves no half-made merchant behind.
      id = await deps.db.transaction((tx) => createMerchant(tx, input));
    } catch (e) {
      if (e instanceof Error && /^not a valid /.test(e.message)) throw new CliError(e.message);
      throw e;
    }
    const ids = await deps.db.query<{ kind: string; value: string }>('SELECT kind, value FROM merchant_identifiers WHERE merchant_id = $1 ORDER BY kind, value', [id]);
    json(out, { id, name: input.name, tradeLicence: input.tradeLicence ?? null, dbid: input.dbid ?? null, contactEmail: input.contactEmail ?? null, identifiers: ids });
    return 0;
  },

  async 'merchant list'(args, getDeps, out) {
    parse(args, {});
    const rows = await (await getDeps()).db.query<{ id: string; name: string; status: string; contact_email: string | null; identifiers: { kind: string; value: string }[] | null }>(
      `SELECT m.id, m.name, m.status, m.contact_email,
              (SELECT json_agg(json_build_object('kind', i.kind, 'value', i.value) ORDER BY i.kind, i.value)
                 FROM merchant_identifiers i WHERE i.merchant_id = m.id) AS identifiers
         FROM merchants m ORDER BY lower(m.name), m.id`,
    );
    json(out, rows.map((r) => ({ id: r.id, name: r.name, status: r.status, contactEmail: r.contact_email, identifiers: r.identifiers ?? [] })));
    return 0;
  },

  async 'merchant user'(args, getDeps, out) {
    const { values: v } = parse(args, { merchant: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' } });
    const merchantId = uuid(v, 'merchant');
    const mail = email(v, 'email', true);
    const name = req(v, 'name');
    const role = str(v, 'role') ?? 'owner';
    if (role !== 'owner' && role !== 'agent') throw new CliError(`--role must be owner or agent, not "${role}"`);
    const pw = password(v);
    const deps = await getDeps();
    await mustExist(deps.db, 'merchants', merchantId, 'merchant');
    const id = await createMerchantUser(deps.db, { merchantId, email: mail, name, password: pw.password, role });
    json(out, { id, merchantId, email: mail, name, role, ...(pw.generated ? { password: pw.password } : {}) });
    if (pw.generated) out.err('The password is shown only now.');
    return 0;
  },

  async 'apikey create'(args, getDeps, out) {
    const { values: v } = parse(args, { merchant: { type: 'string' }, label: { type: 'string' }, scopes: { type: 'string' } });
    const merchantId = uuid(v, 'merchant');
    const label = req(v, 'label');
    const scopes = scopeList(str(v, 'scopes') ?? 'complaints:read,complaints:respond');
    const deps = await getDeps();
    await mustExist(deps.db, 'merchants', merchantId, 'merchant');
    const k = await createApiKey(deps, merchantId, label, scopes);
    json(out, { id: k.id, merchantId, label, scopes, prefix: k.prefix, key: k.key });
    out.err('The key is shown only now; it is stored as a hash.');
    return 0;
  },

  async 'apikey list'(args, getDeps, out) {
    const { values: v } = parse(args, { merchant: { type: 'string' } });
    const merchantId = uuid(v, 'merchant');
    const deps = await getDeps();
    await mustExist(deps.db, 'merchants', merchantId, 'merchant');
    const rows = await deps.db.query<{ id: string; prefix: string; label: string; scopes: string[]; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }>(
      'SELECT id, prefix, label, scopes, created_at, revoked_at, last_used_at FROM api_keys WHERE merchant_id = $1 ORDER BY created_at DESC, id',
      [merchantId],
    );
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    json(
      out,
      rows.map((r) => ({ id: r.id, prefix: r.prefix, label: r.label, scopes: r.scopes, createdAt: iso(r.created_at), revokedAt: iso(r.revoked_at), lastUsedAt: iso(r.last_used_at) })),
    );
    return 0;
  },

  async 'apikey revoke'(args, getDeps, out) {
    const { values: v } = parse(args, { merchant: { type: 'string' }, id: { type: 'string' } });
    const merchantId = uuid(v, 'merchant');
    const id = uuid(v, 'id');
    const deps = await getDeps();
    if (!(await revokeApiKey(deps, merchantId, id))) throw new CliError(`no active API key ${id} for merchant ${merchantId}`);
    json(out, { id, merchantId, revoked: true });
    return 0;
  },

  async 'apikey rotate'(args, getDeps, out) {
    const { values: v } = parse(args, { merchant: { type: 'string' }, id: { type: 'string' } });
    const merchantId = uuid(v, 'merchant');
    const id = uuid(v, 'id');
    const deps = await getDeps();
    const created = await deps.db.transaction(async (tx) => {
      const [old] = await tx.query<{ label: string; scopes: ApiKeyScope[] }>(
        'SELECT label, scopes FROM api_keys WHERE id = $1 AND merchant_id = $2 AND revoked_at IS NULL FOR UPDATE',
        [id, merchantId],
      );
      if (!old) throw new CliError(`no active API key ${id} for merchant ${merchantId}`);
      const txDeps = inTransaction(deps, tx);
      const k = await createApiKey(txDeps, merchantId, old.label, old.scopes);
      if (!(await revokeApiKey(txDeps, merchantId, id))) throw new Error('the old key could not be revoked');
      return { ...k, label: old.label };
    });
    json(out, { id: created.id, merchantId, label: created.label, scopes: created.scopes, prefix: created.prefix, key: created.key, revoked: id });
    out.err('The new key is shown only now; the old key no longer works.');
    return 0;
  },

  async 'verify-chain'(args, getDeps, out) {
    const { values: v } = parse(args, { complaint: { type: 'string' } });
    const code = str(v, 'complaint');
    const db = (await getDeps()).db;
    const complaints = code
      ? await db.query<{ id: string; tracking_code: string }>('SELECT id, tracking_code FROM complaints WHERE tracking_code = $1', [code])
      : await db.query<{ id: string; tracking_code: string }>('SELECT id, tracking_code FROM complaints ORDER BY filed_at, id');
    if (code && complaints.length === 0) throw new CliError(`no complaint with tracking code ${code}`);
    let broken = 0;
    let events = 0;
    for (const c of complaints) {
      const r = await verifyChain(db, c.id);
      events += r.events;
      if (r.ok) {
        if (code) out.out(`ok ${c.tracking_code}: ${r.events} events, chain intact`);
      } else {
        broken += 1;
        out.out(`BROKEN ${c.tracking_code} at seq ${r.brokenAtSeq}: ${r.reason}`);
      }
    }
    // Events whose complaint row is gone: no chain above covers them.
    const orphans = code ? [] : await eventsWithoutComplaint(db);
    for (const o of orphans) {
      events += o.events;
      out.out(`BROKEN complaint ${o.complaintId}: ${o.events} events, but ${MISSING_COMPLAINT}`);
    }
    broken += orphans.length;
    if (!code) out.out(`${complaints.length} complaints, ${events} events checked: ${broken === 0 ? 'all chains intact' : `${broken} broken`}`);
    return broken === 0 ? 0 : 1;
  },

  async 'demo disable-logins'(args, getDeps, out) {
    parse(args, {});
    const off = await disableDemoLogins((await getDeps()).db);
    out.out(off.length === 0 ? 'no demo login was active' : `switched off: ${off.join(', ')}`);
    return 0;
  },

  async 'holidays list'(args, getDeps, out) {
    const { values: v } = parse(args, { year: { type: 'string' } });
    const year = str(v, 'year');
    if (year !== undefined && !/^\d{4}$/.test(year)) throw new CliError(`--year must be a year like 2026, not "${year}"`);
    const db = (await getDeps()).db;
    const rows = year === undefined ? await readHolidays(db) : await readYear(db, Number(year));
    json(out, rows.map(presentRow));
    return 0;
  },

  async 'holidays add'(args, getDeps, out) {
    const { values: v } = parse(args, {
      date: { type: 'string' },
      to: { type: 'string' },
      'name-en': { type: 'string' },
      'name-bn': { type: 'string' },
      kind: { type: 'string' },
      'applies-to': { type: 'string' },
      lunar: { type: 'boolean' },
      unconfirmed: { type: 'boolean' },
      source: { type: 'string' },
      note: { type: 'string' },
    });
    const from = isoDate(v, 'date');
    const kind = oneOf(v, 'kind', HOLIDAY_KINDS) ?? 'general';
    const h: Holiday = {
      from,
      to: v.to === undefined ? from : isoDate(v, 'to'),
      kind,
      appliesTo: oneOf(v, 'applies-to', HOLIDAY_GROUPS) ?? null,
      nameEn: req(v, 'name-en'),
      nameBn: req(v, 'name-bn'),
      lunar: v.lunar === true,
      confirmed: v.unconfirmed !== true,
      source: str(v, 'source') ?? null,
      note: str(v, 'note') ?? null,
    };
    const problems = holidayProblems(h);
    if (problems.length > 0) throw new CliError(problems.map((p) => calendarText('en', `holidays.problem.${p}`, { max: limitOf(p) })).join('; '));
    const deps = await getDeps();
    // One holiday per days and kind from here; a second one on the same days (1 May 2026 is May
    // Day and Buddha Purnima) comes with the year's list (holidays import).
    const same = (await readHolidays(deps.db)).find((r) => r.from === h.from && r.to === h.to && r.kind === h.kind);
    if (same) throw new CliError(`there is already a holiday on that date: ${same.nameEn} (id ${same.id})`);
    const { result: id, change } = await deps.db.transaction((tx) => withCalendarChange(tx, 'cli_add', () => insertHoliday(tx, h)));
    deps.calendar.invalidate();
    json(out, { ...presentRow({ ...h, id, shippedKey: null }), calendarChange: change });
    if (change !== null) out.err(MOVES_FOLLOW);
    return 0;
  },

  async 'holidays remove'(args, getDeps, out) {
    const { values: v } = parse(args, { date: { type: 'string' }, id: { type: 'string' } });
    const deps = await getDeps();
    const rows = await readHolidays(deps.db);
    let target: HolidayRow | undefined;
    if (v.id !== undefined) {
      const id = req(v, 'id');
      if (!/^\d{1,18}$/.test(id)) throw new CliError(`--id must be a holiday id (a number from holidays list), not "${id}"`);
      target = rows.find((r) => r.id === Number(id));
      if (!target) throw new CliError(`no holiday with id ${id}`);
    } else {
      const date = isoDate(v, 'date');
      const onDay = rows.filter((r) => r.from === date && r.to === date);
      if (onDay.length > 1) throw new CliError(`there are ${onDay.length} holidays on ${date}: name one with --id (${onDay.map((r) => `${r.id} ${r.nameEn}`).join(', ')})`);
      target = onDay[0];
      if (!target) {
        const inside = rows.find((r) => r.from <= date && date <= r.to);
        throw new CliError(inside ? `${date} is part of ${inside.nameEn} (${inside.from}..${inside.to}): remove it with --id ${inside.id}` : `no holiday on ${date}`);
      }
    }
    const { change } = await deps.db.transaction((tx) => withCalendarChange(tx, 'cli_remove', () => deleteHoliday(tx, target.id)));
    deps.calendar.invalidate();
    // Days that become working days again never bring a deadline forward.
    json(out, { ...presentRow(target), removed: true, calendarChange: change });
    return 0;
  },

  async 'holidays why'(args, getDeps, out) {
    const { values: v } = parse(args, { date: { type: 'string' }, lang: { type: 'string' } });
    const date = isoDate(v, 'date');
    const locale = lang(v);
    const cal = await (await getDeps()).calendar.get();
    const reason = describeNonWorkingDay(locale, date, cal);
    json(out, { date, workingDay: reason === null, reason });
    return 0;
  },

  async 'holidays import'(args, getDeps, out) {
    const { values: v, positionals } = parse(args, { year: { type: 'string' }, lang: { type: 'string' }, apply: { type: 'boolean' }, expect: { type: 'string' } }, 1);
    const file = positionals[0];
    if (!file) throw new CliError('usage: holidays import <file.csv> [--year <yyyy>] [--lang bn|en] [--apply [--expect <fingerprint>]]');
    const year = str(v, 'year');
    if (year !== undefined && !/^\d{4}$/.test(year)) throw new CliError(`--year must be a year like 2026, not "${year}"`);
    if (v.expect !== undefined && v.apply !== true) throw new CliError('--expect goes with --apply');
    const locale = lang(v);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const parsed = parseHolidayCsv(text, year === undefined ? {} : { year: Number(year) });
    if (!parsed.ok) throw new CliError(parsed.errors.map((e) => importErrorText(locale, e)).join('\n'));
    const deps = await getDeps();
    if (v.apply !== true) {
      const plan = await planHolidayImport(deps.db, parsed);
      json(out, presentPlan(plan, false, await countDeadlinesThatWouldMove(deps.db, plan.nonWorkingDays.added, plan.calendarAfter, deps.settings)));
      out.err(`Preview only: nothing was changed. To apply: holidays import ${file} --apply --expect ${plan.fingerprint}`);
      return 0;
    }
    let plan: Awaited<ReturnType<typeof applyHolidayImport>>;
    try {
      plan = await applyHolidayImport(deps.db, parsed, str(v, 'expect') === undefined ? {} : { expectedFingerprint: str(v, 'expect')! });
    } catch (e) {
      if (e instanceof ImportChangedError) throw new CliError(calendarText(locale, e.key));
      throw e;
    }
    deps.calendar.invalidate();
    json(out, presentPlan(plan, true, await countDeadlinesThatWouldMove(deps.db, plan.nonWorkingDays.added, plan.calendarAfter, deps.settings)));
    if (plan.calendarChange !== null) out.err(MOVES_FOLLOW);
    return 0;
  },

  async totp(args, _getDeps, out) {
    const { positionals } = parse(args, {}, 1);
    const secret = positionals[0]?.replace(/\s/g, '');
    if (!secret) throw new CliError('usage: totp <base32 secret>');
    if (!/^[A-Za-z2-7]+=*$/.test(secret) || secret.replace(/=+$/, '').length < 16) throw new CliError('the secret must be base32 (A-Z, 2-7), at least 16 characters');
    const now = new Date();
    const code = totpAt(secret, totpStep(now));
    out.out(code);
    out.err(`valid for ${30 - (Math.floor(now.getTime() / 1000) % 30)} more seconds`);
    return 0;
  },
};

/** Commands that never touch the database. */
const NO_DATABASE = new Set(['totp', 'help']);

/** The command name (one or two words) and the arguments after it, or null. */
export function commandOf(argv: readonly string[]): { name: string; args: string[] } | null {
  const [a, b] = argv;
  if (a === undefined) return null;
  if (a === 'help' || a === '--help' || a === '-h') return { name: 'help', args: [] };
  if (b !== undefined && Object.hasOwn(commands, `${a} ${b}`)) return { name: `${a} ${b}`, args: argv.slice(2) };
  if (Object.hasOwn(commands, a)) return { name: a, args: argv.slice(1) };
  return null;
}

export const needsDatabase = (argv: readonly string[]): boolean => {
  const c = commandOf(argv);
  return c !== null && !NO_DATABASE.has(c.name) && !c.args.includes('--help');
};

/**
 * Runs one command. `deps` is the service's dependencies, or a function that opens them
 * (so `help` and `totp` need no database). Returns the exit code.
 */
export async function runCli(argv: readonly string[], deps: Deps | (() => Promise<Deps>), out: CliOut = consoleOut): Promise<number> {
  const cmd = commandOf(argv);
  if (!cmd) {
    if (argv.length > 0) out.err(`error: unknown command: ${argv.slice(0, 2).join(' ')}\n`);
    out.err(USAGE);
    return 1;
  }
  if (cmd.name === 'help' || cmd.args.includes('--help') || cmd.args.includes('-h')) {
    out.out(USAGE);
    return 0;
  }
  const getDeps = typeof deps === 'function' ? deps : () => Promise.resolve(deps);
  try {
    return await commands[cmd.name]!(cmd.args, getDeps, out);
  } catch (e) {
    if (e instanceof CliError) {
      out.err(`error: ${e.message}`);
      return 1;
    }
    const explained = explainDbError(e);
    if (explained) {
      out.err(`error: ${explained}`);
      return 1;
    }
    // ops.ts reports bad input as plain errors (e.g. a short password): show the message.
    out.err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
