// Reading a command's arguments and reporting what was typed wrong; the helpers every command shares.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { API_KEY_SCOPES, type ApiKeyScope, ApiKeyScopeSchema, type Locale } from '@nalish/domain';
import { HOLIDAY_LIMITS } from '@nalish/domain/calendar';
import type { Db, Queryable, Row } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { type CliOut, CliError } from './io.ts';

type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function parse(args: string[], options: Options, positionals = 0): { values: Values; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  if (parsed.positionals.length > positionals) throw new CliError(`unexpected argument: ${parsed.positionals[positionals]}`);
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

export function str(v: Values, name: string): string | undefined {
  const x = v[name];
  if (x === undefined) return undefined;
  if (typeof x !== 'string') throw new CliError(`--${name} needs a value`);
  const t = x.trim();
  if (t === '') throw new CliError(`--${name} must not be empty`);
  return t;
}

export function req(v: Values, name: string): string {
  const x = str(v, name);
  if (x === undefined) throw new CliError(`--${name} is required`);
  return x;
}

export const list = (v: Values, name: string): string[] => ((v[name] as string[] | undefined) ?? []).map((s) => s.trim()).filter(Boolean);

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function uuid(v: Values, name: string): string {
  const x = req(v, name);
  if (!UUID.test(x)) throw new CliError(`--${name} must be an id (a UUID), not "${x}"`);
  return x.toLowerCase();
}

export function scopeList(text: string): ApiKeyScope[] {
  const scopes = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
  const bad = scopes.filter((s) => !ApiKeyScopeSchema.safeParse(s).success);
  if (scopes.length === 0 || bad.length > 0) throw new CliError(`--scopes must name one or more of ${API_KEY_SCOPES.join(', ')}${bad.length ? `, not "${bad.join(', ')}"` : ''}`);
  return scopes as ApiKeyScope[];
}

export const EmailSchema = z.email();
export function email(v: Values, name: string, required: true): string;
export function email(v: Values, name: string, required: false): string | undefined;
export function email(v: Values, name: string, required: boolean): string | undefined {
  const x = required ? req(v, name) : str(v, name);
  if (x !== undefined && !EmailSchema.safeParse(x).success) throw new CliError(`--${name} is not an e-mail address: ${x}`);
  return x?.toLowerCase();
}

export function isoDate(v: Values, name: string): string {
  const x = req(v, name);
  const d = /^\d{4}-\d{2}-\d{2}$/.test(x) ? new Date(`${x}T00:00:00Z`) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== x) throw new CliError(`--${name} must be a date as yyyy-mm-dd, not "${x}"`);
  return x;
}

export function password(v: Values): { password: string; generated: boolean } {
  const given = v.password;
  if (given !== undefined) {
    if (typeof given !== 'string' || given.length < 10) throw new CliError('--password needs at least 10 characters');
    return { password: given, generated: false };
  }
  // 18 random bytes: 24 characters of base64url, 144 bits.
  return { password: randomBytes(18).toString('base64url'), generated: true };
}

/** Deps whose database is one open transaction, for the functions that take Deps. */
export function inTransaction(deps: Deps, tx: Queryable): Deps {
  const db: Db = {
    kind: deps.db.kind,
    query: <R extends Row>(sql: string, params?: readonly unknown[]) => tx.query<R>(sql, params),
    exec: (sql: string) => tx.exec(sql),
    transaction: () => Promise.reject(new Error('already in a transaction')),
    close: () => Promise.reject(new Error('cannot close a transaction')),
  };
  return { ...deps, db };
}

export async function mustExist(db: Queryable, table: 'offices' | 'merchants', id: string, what: string): Promise<void> {
  const rows = await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  if (rows.length === 0) throw new CliError(`no ${what} with id ${id}`);
}

export const json = (out: CliOut, value: unknown) => out.out(JSON.stringify(value, null, 2));

/** Database errors turned into sentences a person can act on. */
export function explainDbError(e: unknown): string | null {
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

export function oneOf<T extends string>(v: Values, name: string, allowed: readonly T[]): T | undefined {
  const x = str(v, name);
  if (x !== undefined && !(allowed as readonly string[]).includes(x)) throw new CliError(`--${name} must be one of ${allowed.join(', ')}, not "${x}"`);
  return x as T | undefined;
}

export function lang(v: Values): Locale {
  return oneOf(v, 'lang', ['bn', 'en'] as const) ?? 'en';
}

export const limitOf = (p: string) =>
  p === 'range_too_long' ? HOLIDAY_LIMITS.maxSpanDays : p === 'name_too_long' ? HOLIDAY_LIMITS.maxNameLength : HOLIDAY_LIMITS.maxTextLength;
