// Webhook signatures, in the manner of Stripe's: the header
//   Nalish-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
// The key is the whole secret string (whsec_…). While a rotated-out secret is still valid the
// header carries a second v1=, so a receiver holding either secret accepts the delivery.
// verifyWebhook is the receiver's side, the same code docs/INTEGRATION-webhooks.md shows.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Nalish-Signature';
export const SECRET_PREFIX = 'whsec_';
/** Receivers should refuse deliveries signed longer ago than this (replay protection). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function newSigningSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString('base64url')}`;
}

/** What lists show of a secret, so a person can tell which one is in use. */
export function secretHint(secret: string): string {
  return `${secret.slice(0, SECRET_PREFIX.length + 4)}…`;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header value for a delivery sent at `at`, signed with each of the secrets given. */
export function signatureHeader(secrets: readonly string[], at: Date, body: string): string {
  const t = Math.floor(at.getTime() / 1000);
  return [`t=${t}`, ...secrets.map((s) => `v1=${sign(s, t, body)}`)].join(',');
}

export type Verification = { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'signature' | 'timestamp' };

/**
 * Check a delivery as a receiver would: the signature over the raw body (before any JSON
 * parsing), and a timestamp within the tolerance of the receiver's clock. Remember the Nalish-Event-Id of
 * accepted deliveries as well: a replay inside the tolerance is caught by its id.
 */
export function verifyWebhook(opts: {
  body: string | Buffer;
  header: string | undefined;
  secret: string;
  toleranceSeconds?: number;
  now?: Date;
}): Verification {
  const parts = (opts.header ?? '').split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const given = parts.filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => Buffer.from(v!, 'hex'));
  if (!Number.isInteger(t) || given.length === 0) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(opts.secret, t, opts.body.toString()), 'hex');
  if (!given.some((g) => timingSafeEqual(g, expected))) return { ok: false, reason: 'signature' };
  const age = Math.floor((opts.now ?? new Date()).getTime() / 1000) - t;
  // Too old is a replay; far in the future is a forged or badly skewed clock.
  if (Math.abs(age) > (opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: 'timestamp' };
  return { ok: true, timestamp: t };
}
