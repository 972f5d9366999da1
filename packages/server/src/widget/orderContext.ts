// Signed order context: the shop's own server vouches for an order (number, date, amount,
// payment channel, the buyer's mobile number) with the merchant's signing secret, and a
// complaint filed with it is marked "order confirmed by the merchant".
//
// The token (docs/INTEGRATION.md shows it in Node, PHP and Python):
//   payload = base64url(UTF-8 JSON of the claims)            (no padding)
//   token   = payload + "." + base64url(HMAC-SHA256(key = the secret as UTF-8 text, message = payload))
// The HMAC covers the payload's text exactly as sent, so the JSON's key order and spacing are
// the shop's own business. This file is the only place that signs or checks a token.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type FileComplaintInput, PAYMENT_CHANNELS, normalizeBdMobile } from '@nalish/domain';
import { z } from 'zod';
import type { Queryable } from '../db/db.ts';
import { AppError } from '../errors.ts';
import { signingSecretFor } from './signingSecrets.ts';

/** A context may live at most 30 days: long enough for "it never arrived", short enough to retire. */
export const MAX_LIFETIME_SECONDS = 30 * 24 * 3600;
/** The shop's clock and ours may differ by this much either way. */
export const CLOCK_SKEW_SECONDS = 5 * 60;

export const OrderContextClaimsSchema = z.object({
  merchantId: z.uuid(),
  orderNumber: z.string().trim().min(1).max(100),
  /** YYYY-MM-DD, the date of the order in Dhaka. */
  orderDate: z.iso.date(),
  amountBdt: z.number().int().min(0).max(100_000_000),
  paymentChannel: z.enum(PAYMENT_CHANNELS),
  /** The buyer's Bangladeshi mobile number, in any form normalizeBdMobile accepts. */
  buyerPhone: z.string().trim().min(10).max(20),
  /** Issued at and expires, in seconds since 1970 (Unix time). */
  iat: z.number().int().positive(),
  exp: z.number().int().positive(),
});
export type OrderContextClaims = z.infer<typeof OrderContextClaimsSchema>;

export type ContextProblem = 'malformed' | 'signature' | 'expired' | 'not_yet_valid' | 'too_long';

const hmac = (secret: string, payload: string) => createHmac('sha256', Buffer.from(secret, 'utf8')).update(payload, 'ascii').digest();

/** Make a token (the demo shop and the tests play the shop's server with this). */
export function signOrderContext(secret: string, claims: OrderContextClaims): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${payload}.${hmac(secret, payload).toString('base64url')}`;
}

/** The claims as the token states them, not yet trusted: null when it cannot be read. */
export function readOrderContext(token: string): OrderContextClaims | null {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  try {
    const parsed = OrderContextClaimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Check the signature and the time window; the claims only when both hold. */
export function verifyOrderContext(
  token: string,
  secret: string,
  now: Date,
): { ok: true; claims: OrderContextClaims } | { ok: false; problem: ContextProblem } {
  const claims = readOrderContext(token);
  if (!claims) return { ok: false, problem: 'malformed' };
  const [payload = '', sig = ''] = token.split('.');
  const given = Buffer.from(sig, 'base64url');
  const expected = hmac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'signature' };
  const t = Math.floor(now.getTime() / 1000);
  if (claims.exp <= claims.iat || claims.exp - claims.iat > MAX_LIFETIME_SECONDS) return { ok: false, problem: 'too_long' };
  if (claims.iat > t + CLOCK_SKEW_SECONDS) return { ok: false, problem: 'not_yet_valid' };
  if (claims.exp < t - CLOCK_SKEW_SECONDS) return { ok: false, problem: 'expired' };
  return { ok: true, claims };
}

/** Which of the filed order's fields differ from the signed ones (names as in the claims). */
export function orderMismatches(claims: OrderContextClaims, order: FileComplaintInput['order']): string[] {
  const out: string[] = [];
  if (claims.orderNumber !== order.number.trim()) out.push('orderNumber');
  if (claims.orderDate !== order.date) out.push('orderDate');
  if (claims.amountBdt !== order.amountBdt) out.push('amountBdt');
  if (claims.paymentChannel !== order.paymentChannel) out.push('paymentChannel');
  return out;
}

/**
 * The verified claims of a complaint's order context, or an AppError (400) saying plainly what
 * is wrong: another merchant's, forged (or the merchant has no secret), expired, made for
 * another number than the one the consumer verified, or for another order than the one filed.
 * Runs inside the filing transaction, so a refused context stores nothing.
 */
export async function confirmOrderContext(
  tx: Queryable,
  serverSecret: string,
  token: string,
  filed: { merchantId: string; phone: string; order: FileComplaintInput['order'] },
  now: Date,
): Promise<OrderContextClaims> {
  const stated = readOrderContext(token);
  if (!stated) throw new AppError('order_context_invalid');
  if (stated.merchantId !== filed.merchantId) throw new AppError('order_context_merchant');
  const secret = await signingSecretFor(tx, serverSecret, filed.merchantId);
  if (!secret) throw new AppError('order_context_invalid');
  const checked = verifyOrderContext(token, secret, now);
  if (!checked.ok) throw new AppError(checked.problem === 'expired' ? 'order_context_expired' : 'order_context_invalid');
  const claims = checked.claims;
  if (normalizeBdMobile(claims.buyerPhone) !== filed.phone) throw new AppError('order_context_phone');
  const differ = orderMismatches(claims, filed.order);
  if (differ.length > 0) throw new AppError('order_context_mismatch', {}, { differ });
  return claims;
}
