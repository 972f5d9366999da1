// The order context token on its own: what signs, what verifies, and each way it can fail.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { CLOCK_SKEW_SECONDS, MAX_LIFETIME_SECONDS, type OrderContextClaims, orderMismatches, readOrderContext, signOrderContext, verifyOrderContext } from '../src/widget/orderContext.ts';
import { openSecret, sealSecret } from '../src/widget/signingSecrets.ts';

const SECRET = 'nss_test-secret-for-the-shop';
const NOW = new Date('2026-11-22T04:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);
const claims = (over: Partial<OrderContextClaims> = {}): OrderContextClaims => ({
  merchantId: '6f1c1f0e-8d4b-4a49-9a55-3f9f1b2c7d10',
  orderNumber: 'SBD-10021',
  orderDate: '2026-11-10',
  amountBdt: 2500,
  paymentChannel: 'bkash',
  buyerPhone: '01712345678',
  iat: T - 60,
  exp: T + 7 * 86_400,
  ...over,
});

describe('order context tokens', () => {
  it('is base64url(JSON) "." base64url(HMAC-SHA256(secret, that first part)), as the docs say', () => {
    const token = signOrderContext(SECRET, claims());
    const [payload, sig] = token.split('.');
    assert.deepEqual(JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')), claims());
    assert.equal(sig, createHmac('sha256', SECRET).update(payload!).digest('base64url'));
    assert.doesNotMatch(token, /[=+/]/);
  });

  it('verifies a token a shop made itself, with its own key order and spacing', () => {
    const json = JSON.stringify({ exp: T + 3600, iat: T, buyerPhone: '+8801712345678', paymentChannel: 'cod', amountBdt: 0, orderDate: '2026-11-21', orderNumber: 'A-1', merchantId: claims().merchantId }, null, 2);
    const payload = Buffer.from(json).toString('base64url');
    const token = `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`;
    const r = verifyOrderContext(token, SECRET, NOW);
    assert.equal(r.ok, true);
    assert.equal(r.ok && r.claims.orderNumber, 'A-1');
  });

  it('refuses a changed payload, a changed signature and another secret', () => {
    const token = signOrderContext(SECRET, claims());
    const [, sig] = token.split('.');
    const richer = Buffer.from(JSON.stringify(claims({ amountBdt: 99_000 }))).toString('base64url');
    assert.deepEqual(verifyOrderContext(`${richer}.${sig}`, SECRET, NOW), { ok: false, problem: 'signature' });
    assert.deepEqual(verifyOrderContext(`${token.slice(0, -2)}AA`, SECRET, NOW), { ok: false, problem: 'signature' });
    assert.deepEqual(verifyOrderContext(signOrderContext('nss_another-shop', claims()), SECRET, NOW), { ok: false, problem: 'signature' });
  });

  it('refuses what cannot be read', () => {
    for (const bad of ['', 'abc', 'a.b.c', '!!.sig', `${Buffer.from('not json').toString('base64url')}.x`, `${Buffer.from('{"merchantId":"x"}').toString('base64url')}.x`]) {
      assert.equal(readOrderContext(bad), null, bad);
      assert.deepEqual(verifyOrderContext(bad, SECRET, NOW), { ok: false, problem: 'malformed' }, bad);
    }
  });

  it('holds until exp, with 5 minutes of clock skew either way, and no longer than 30 days', () => {
    const at = (c: Partial<OrderContextClaims>, now = NOW) => verifyOrderContext(signOrderContext(SECRET, claims(c)), SECRET, now);
    assert.equal(at({ iat: T - 10 * 86_400, exp: T - CLOCK_SKEW_SECONDS + 1 }).ok, true);
    assert.deepEqual(at({ iat: T - 10 * 86_400, exp: T - CLOCK_SKEW_SECONDS - 1 }), { ok: false, problem: 'expired' });
    assert.equal(at({ iat: T + CLOCK_SKEW_SECONDS - 1 }).ok, true);
    assert.deepEqual(at({ iat: T + CLOCK_SKEW_SECONDS + 60 }), { ok: false, problem: 'not_yet_valid' });
    assert.equal(at({ iat: T, exp: T + MAX_LIFETIME_SECONDS }).ok, true);
    assert.deepEqual(at({ iat: T, exp: T + MAX_LIFETIME_SECONDS + 1 }), { ok: false, problem: 'too_long' });
    assert.deepEqual(at({ iat: T, exp: T }), { ok: false, problem: 'too_long' });
  });

  it('names the order fields that differ from the signed ones', () => {
    const order = { number: 'SBD-10021', date: '2026-11-10', amountBdt: 2500, paymentChannel: 'bkash' as const };
    assert.deepEqual(orderMismatches(claims(), order), []);
    assert.deepEqual(orderMismatches(claims(), { ...order, number: ' SBD-10021 ' }), []);
    assert.deepEqual(orderMismatches(claims(), { number: 'SBD-1', date: '2026-11-11', amountBdt: 1, paymentChannel: 'cod' }), ['orderNumber', 'orderDate', 'amountBdt', 'paymentChannel']);
  });
});

describe('stored signing secrets', () => {
  it('open only with the same server secret and for the same merchant', () => {
    const sealed = sealSecret('server-secret-1', 'merchant-a', SECRET);
    assert.ok(!sealed.includes(SECRET));
    assert.equal(openSecret('server-secret-1', 'merchant-a', sealed), SECRET);
    assert.equal(openSecret('server-secret-2', 'merchant-a', sealed), null);
    assert.equal(openSecret('server-secret-1', 'merchant-b', sealed), null);
    assert.equal(openSecret('server-secret-1', 'merchant-a', 'v1.garbage'), null);
  });
});

describe('the documented test vector (docs/INTEGRATION.md)', () => {
  it('the Python example’s token for the example claims verifies, and ends as the docs say', () => {
    const token =
      'eyJtZXJjaGFudElkIjoiNmYxYzFmMGUtOGQ0Yi00YTQ5LTlhNTUtM2Y5ZjFiMmM3ZDEwIiwib3JkZXJOdW1iZXIiOiJTQkQtMTAwMjEiLCJvcmRlckRhdGUiOiIyMDI2LTExLTIwIiwiYW1vdW50QmR0IjoyNDUwLCJwYXltZW50Q2hhbm5lbCI6ImJrYXNoIiwiYnV5ZXJQaG9uZSI6IjAxNzEyMzQ1Njc4IiwiaWF0IjoxNzk1MzIwMDAwLCJleHAiOjE3OTU5MjQ4MDB9.QYDiccIUqOtcVLtFZXs0X1aLl-Vu8yBH7aC2yXqg6HU';
    const r = verifyOrderContext(token, 'nss_test-secret', new Date(1_795_320_060_000));
    assert.ok(r.ok);
    // Node's JSON.stringify of the same claims in the same order gives the same token.
    assert.equal(signOrderContext('nss_test-secret', r.ok ? r.claims : claims()), token);
  });
});
