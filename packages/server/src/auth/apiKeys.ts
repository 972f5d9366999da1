// Merchant API keys: "nlk_" + 32 random bytes, shown once, stored as a keyed hash, each with
// the scopes it was created with (packages/domain/src/merchant/apiKeys.ts).
import { randomUUID } from 'node:crypto';
import type { ApiKeyScope } from '@nalish/domain';
import type { ApiKeyView } from '@nalish/domain/responses';
import type { Queryable } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { keyedHash, randomToken } from './secrets.ts';

export interface CreatedApiKey {
  id: string;
  key: string;
  prefix: string;
  label: string;
  scopes: ApiKeyScope[];
}

export async function createApiKey(deps: Deps, merchantId: string, label: string, scopes: readonly ApiKeyScope[]): Promise<CreatedApiKey> {
  const key = `nlk_${randomToken(32)}`;
  const id = randomUUID();
  const prefix = key.slice(0, 10);
  await deps.db.query('INSERT INTO api_keys (id, merchant_id, prefix, key_hash, label, scopes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    id,
    merchantId,
    prefix,
    keyedHash(deps.secret, `apikey:${key}`),
    label,
    [...scopes],
    deps.now(),
  ]);
  return { id, key, prefix, label, scopes: [...scopes] };
}

export interface FoundApiKey {
  id: string;
  merchantId: string;
  scopes: ApiKeyScope[];
}

export async function findApiKey(deps: Deps, key: string): Promise<FoundApiKey | null> {
  const [row] = await deps.db.query<{ id: string; merchant_id: string; scopes: ApiKeyScope[] }>(
    `UPDATE api_keys SET last_used_at = $2 WHERE key_hash = $1 AND revoked_at IS NULL RETURNING id, merchant_id, scopes`,
    [keyedHash(deps.secret, `apikey:${key}`), deps.now()],
  );
  return row ? { id: row.id, merchantId: row.merchant_id, scopes: row.scopes } : null;
}

export async function revokeApiKey(deps: Deps, merchantId: string, id: string): Promise<boolean> {
  const rows = await deps.db.query('UPDATE api_keys SET revoked_at = $3 WHERE id = $1 AND merchant_id = $2 AND revoked_at IS NULL RETURNING id', [
    id,
    merchantId,
    deps.now(),
  ]);
  return rows.length > 0;
}

interface ApiKeyRow {
  id: string;
  prefix: string;
  label: string;
  scopes: ApiKeyScope[];
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The merchant's keys, newest first (never the key itself, which is stored only as a hash). */
export async function listApiKeys(db: Queryable, merchantId: string): Promise<ApiKeyView[]> {
  const rows = await db.query<ApiKeyRow>(
    'SELECT id, prefix, label, scopes, created_at, revoked_at, last_used_at FROM api_keys WHERE merchant_id = $1 ORDER BY created_at DESC, id',
    [merchantId],
  );
  return rows.map((r) => ({
    id: r.id,
    prefix: r.prefix,
    label: r.label,
    scopes: r.scopes,
    createdAt: iso(r.created_at)!,
    revokedAt: iso(r.revoked_at),
    lastUsedAt: iso(r.last_used_at),
  }));
}
