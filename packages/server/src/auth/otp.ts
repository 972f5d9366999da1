// One-time codes for consumers: 6 digits, stored hashed, valid 5 minutes, 5 tries, a new one
// only after 60 seconds, and hourly limits per number and per address.
import { randomInt, randomUUID } from 'node:crypto';
import { type Locale, t } from '@nalish/domain';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { enqueueOutbox } from '../records/outbox.ts';
import { keyedHash, safeEqualHex } from './secrets.ts';

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_TRIES = 5;
export const OTP_RESEND_MS = 60_000;

export interface OtpIssued {
  challengeId: string;
  code: string;
  expiresAt: Date;
}

function codeHash(deps: Deps, challengeId: string, code: string): string {
  // The challenge id salts the hash, so equal codes never hash equal.
  return keyedHash(deps.secret, `otp:${challengeId}:${code}`);
}

export async function issueOtp(deps: Deps, phone: string, ip: string, locale: Locale = 'bn'): Promise<OtpIssued> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    // Serialise requests for one number so two parallel requests cannot both pass the limits.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`otp:${phone}`]);
    const hourAgo = new Date(now.getTime() - 3600_000);
    const [last] = await tx.query<{ created_at: Date }>(
      'SELECT created_at FROM otp_challenges WHERE phone = $1 ORDER BY created_at DESC LIMIT 1',
      [phone],
    );
    if (last) {
      const wait = OTP_RESEND_MS - (now.getTime() - new Date(last.created_at).getTime());
      if (wait > 0) throw new AppError('otp_resend_wait', { seconds: Math.ceil(wait / 1000) }, { retryAfterSeconds: Math.ceil(wait / 1000) });
    }
    const [{ byPhone = 0, byIp = 0 } = {}] = await tx.query<{ byPhone: number; byIp: number }>(
      `SELECT (SELECT count(*)::int FROM otp_challenges WHERE phone = $1 AND created_at > $3) AS "byPhone",
              (SELECT count(*)::int FROM otp_challenges WHERE ip = $2 AND created_at > $3) AS "byIp"`,
      [phone, ip, hourAgo],
    );
    if (byPhone >= deps.config.limits.otpPerPhonePerHour || byIp >= deps.config.limits.otpPerIpPerHour) {
      throw new AppError('rate_limited', {}, { retryAfterSeconds: 3600 });
    }
    const id = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + OTP_TTL_MS);
    await tx.query(
      `INSERT INTO otp_challenges (id, phone, code_hash, ip, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, phone, codeHash(deps, id, code), ip, now, expiresAt],
    );
    // The code goes out through the outbox like every other message; the worker blanks the
    // body once it is sent, so codes do not linger in the database.
    // Due from the service clock, not the database's now() (see NotifyTarget.now).
    await enqueueOutbox(tx, [{ channel: 'sms', recipient: phone, subject: null, body: t(locale, 'notify.consumer.otp.sms', { otp: code }), template: 'otp' }], { record: null, now });
    return { challengeId: id, code, expiresAt };
  });
}

/** Checks a code against the newest challenge for the number; a code works once. */
export async function verifyOtp(deps: Deps, phone: string, code: string): Promise<void> {
  const now = deps.now();
  const failure = await deps.db.transaction(async (tx) => {
    const [c] = await tx.query<{ id: string; code_hash: string; attempts: number; expires_at: Date; used_at: Date | null }>(
      `SELECT id, code_hash, attempts, expires_at, used_at FROM otp_challenges
       WHERE phone = $1 ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [phone],
    );
    if (!c || c.used_at) return new AppError('otp_expired');
    if (new Date(c.expires_at).getTime() <= now.getTime()) return new AppError('otp_expired');
    if (c.attempts >= OTP_MAX_TRIES) return new AppError('otp_exhausted');
    if (safeEqualHex(c.code_hash, codeHash(deps, c.id, code))) {
      await tx.query('UPDATE otp_challenges SET used_at = $2 WHERE id = $1', [c.id, now]);
      return null;
    }
    // A wrong try is counted even though the request fails: commit it, then report.
    await tx.query('UPDATE otp_challenges SET attempts = attempts + 1 WHERE id = $1', [c.id]);
    const left = OTP_MAX_TRIES - c.attempts - 1;
    return left > 0 ? new AppError('otp_invalid', { left }, { triesLeft: left }) : new AppError('otp_exhausted');
  });
  if (failure) throw failure;
}
