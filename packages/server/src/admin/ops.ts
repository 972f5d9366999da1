// Administrative commands: offices, officers, merchants and their staff. Used by the CLI and
// by the demo data, so both go through the same checks.
import { randomUUID } from 'node:crypto';
import { DISTRICTS, DIVISIONS, normalizeBdMobile, normalizeFacebookPage, normalizeWebsite } from '@nalish/domain';
import type { Queryable } from '../db/db.ts';
import { hashPassword } from '../auth/passwords.ts';
import { newTotpSecret } from '../auth/totp.ts';

export interface OfficeInput {
  nameEn: string;
  nameBn: string;
  level: 'district' | 'division' | 'national';
  area?: string | undefined;
  email?: string | undefined;
}

export async function createOffice(db: Queryable, o: OfficeInput): Promise<string> {
  if (o.level === 'district' && !(o.area && Object.hasOwn(DISTRICTS, o.area))) throw new Error(`unknown district: ${o.area}`);
  if (o.level === 'division' && !(o.area && Object.hasOwn(DIVISIONS, o.area))) throw new Error(`unknown division: ${o.area}`);
  if (o.level === 'national' && o.area) throw new Error('the national office has no area');
  const id = randomUUID();
  await db.query('INSERT INTO offices (id, name_en, name_bn, level, area, email) VALUES ($1, $2, $3, $4, $5, $6)', [
    id, o.nameEn, o.nameBn, o.level, o.area ?? null, o.email ?? null,
  ]);
  return id;
}

export async function createOfficer(
  db: Queryable,
  o: { officeId: string; name: string; email: string; password: string; totpSecret?: string },
): Promise<{ id: string; totpSecret: string }> {
  if (o.password.length < 10) throw new Error('an officer password needs at least 10 characters');
  const id = randomUUID();
  const totpSecret = o.totpSecret ?? newTotpSecret();
  await db.query('INSERT INTO officers (id, office_id, name, email, password_hash, totp_secret) VALUES ($1, $2, $3, $4, $5, $6)', [
    id, o.officeId, o.name, o.email.toLowerCase(), await hashPassword(o.password), totpSecret,
  ]);
  return { id, totpSecret };
}

export interface MerchantInput {
  name: string;
  tradeLicence?: string | undefined;
  dbid?: string | undefined;
  contactEmail?: string | undefined;
  websites?: string[] | undefined;
  facebookPages?: string[] | undefined;
  phones?: string[] | undefined;
  locale?: 'bn' | 'en' | undefined;
}

export async function createMerchant(db: Queryable, m: MerchantInput): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO merchants (id, name, status, trade_licence, dbid, contact_email, locale) VALUES ($1, $2, 'registered', $3, $4, $5, $6)`,
    [id, m.name, m.tradeLicence ?? null, m.dbid ?? null, m.contactEmail ?? null, m.locale ?? 'bn'],
  );
  const ids: [string, string | null][] = [
    ...(m.websites ?? []).map((w): [string, string | null] => ['website', normalizeWebsite(w)]),
    ...(m.facebookPages ?? []).map((f): [string, string | null] => ['facebook', normalizeFacebookPage(f)]),
    ...(m.phones ?? []).map((p): [string, string | null] => ['phone', normalizeBdMobile(p)]),
  ];
  for (const [kind, value] of ids) {
    if (!value) throw new Error(`not a valid ${kind}`);
    await db.query('INSERT INTO merchant_identifiers (kind, value, merchant_id) VALUES ($1, $2, $3)', [kind, value, id]);
  }
  return id;
}

export async function createMerchantUser(
  db: Queryable,
  u: { merchantId: string; email: string; name: string; password: string; role?: 'owner' | 'agent' },
): Promise<string> {
  if (u.password.length < 10) throw new Error('a password needs at least 10 characters');
  const id = randomUUID();
  await db.query('INSERT INTO merchant_users (id, merchant_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, $5, $6)', [
    id, u.merchantId, u.email.toLowerCase(), u.name, await hashPassword(u.password), u.role ?? 'owner',
  ]);
  return id;
}
