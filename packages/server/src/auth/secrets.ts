// Hashing of short-lived secrets. OTPs and session tokens are HMAC-SHA256'd with the server
// secret (a leaked table is useless without it); API keys are long random strings, so a
// keyed hash is enough and lets us look them up by hash.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
