// Each merchant's signing secret for order context ("nss_" + 32 random bytes), shown once when
// made. Checking an HMAC needs the secret itself, so unlike API keys it cannot be stored as a
// hash; it is stored encrypted (AES-256-GCM) with a key derived from the server secret, and
// the merchant's id is bound in as associated data, so a row copied to another merchant does
// not decrypt.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { randomToken } from '../auth/secrets.ts';

const keyCache = new Map<string, Buffer>();
function encryptionKey(serverSecret: string): Buffer {
  let key = keyCache.get(serverSecret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', Buffer.from(serverSecret, 'utf8'), Buffer.alloc(0), 'nalish/merchant-signing-secrets/v1', 32));
    keyCache.set(serverSecret, key);
  }
  return key;
}

export function sealSecret(serverSecret: string, merchantId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(serverSecret), iv);
  cipher.setAAD(Buffer.from(merchantId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), sealed.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The secret, or null when it cannot be opened (another server secret, another merchant's row). */
export function openSecret(serverSecret: string, merchantId: string, stored: string): string | null {
  const [v, iv, sealed, tag] = stored.split('.');
  if (v !== 'v1' || !iv || !sealed || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey(serverSecret), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(merchantId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export interface SigningSecretInfo {
  prefix: string;
  createdAt: string;
}

/** Make a new secret for the merchant, replacing the old one at once; returns it (the only time). */
export async function rotateSigningSecret(
  db: Queryable,
  serverSecret: string,
  merchantId: string,
  opts: { userId: string | null; now: Date },
): Promise<SigningSecretInfo & { secret: string }> {
  const secret = `nss_${randomToken(32)}`;
  const prefix = secret.slice(0, 10);
  await db.query(
    `INSERT INTO merchant_signing_secrets (merchant_id, secret_enc, prefix, created_at, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (merchant_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc, prefix = EXCLUDED.prefix,
       created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by`,
    [merchantId, sealSecret(serverSecret, merchantId, secret), prefix, opts.now, opts.userId],
  );
  return { secret, prefix, createdAt: opts.now.toISOString() };
}

export async function signingSecretInfo(db: Queryable, merchantId: string): Promise<SigningSecretInfo | null> {
  const [row] = await db.query<{ prefix: string; created_at: Date }>('SELECT prefix, created_at FROM merchant_signing_secrets WHERE merchant_id = $1', [merchantId]);
  return row ? { prefix: row.prefix, createdAt: new Date(row.created_at).toISOString() } : null;
}

/** The merchant's current secret in clear, for checking a signature; null when it has none. */
export async function signingSecretFor(db: Queryable, serverSecret: string, merchantId: string): Promise<string | null> {
  const [row] = await db.query<{ secret_enc: string }>('SELECT secret_enc FROM merchant_signing_secrets WHERE merchant_id = $1', [merchantId]);
  return row ? openSecret(serverSecret, merchantId, row.secret_enc) : null;
}
