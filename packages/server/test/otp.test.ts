// Consumer sign-in by one-time code: hashing, tries, expiry, replay, resend and hourly limits,
// Bengali digits, the session cookie and CSRF protection of cookie-authenticated requests.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestService, complaintInput, consumerLogin, e164, fileVia, lastOtp, makeService, makeWorld, newPhone } from './harness.ts';

describe('OTP sign-in', () => {
  let s: TestService;
  let ipCounter = 0;
  /** Each test asks from its own address unless it is testing the per-address limit. */
  const freshIp = () => `10.1.0.${++ipCounter}`;

  before(async () => {
    s = await makeService();
    await makeWorld(s.deps.db);
  });
  after(() => s.close());

  const request = (phone: string, ip = freshIp()) => s.app.inject({ method: 'POST', url: '/api/v1/otp', remoteAddress: ip, payload: { phone } });
  const verify = (phone: string, code: string) => s.app.inject({ method: 'POST', url: '/api/v1/otp/verify', payload: { phone, code } });
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('an invalid mobile number → 400 phone_invalid, and no code is sent', async () => {
    for (const phone of ['01212345678', '0171234567', '+447911123456', '01712345678x']) {
      const r = await request(phone);
      assert.equal(r.statusCode, 400, `${phone}: ${r.body}`);
      assert.equal(r.json().error.code, phone.length >= 10 ? 'phone_invalid' : 'validation');
    }
    const [{ n }] = (await s.deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE template = 'otp'`)) as [{ n: number }];
    assert.equal(n, 0);
  });

  it('the code is stored only as a hash', async () => {
    const phone = newPhone();
    assert.equal((await request(phone)).statusCode, 202);
    const code = await lastOtp(s.deps.db, e164(phone));
    const rows = await s.deps.db.query<{ code_hash: string }>('SELECT code_hash FROM otp_challenges WHERE phone = $1', [e164(phone)]);
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.code_hash, code);
    assert.ok(!rows[0]!.code_hash.includes(code));
    assert.ok(rows[0]!.code_hash.length >= 32);
  });

  it('wrong codes count down triesLeft; after 5 the right code is refused too (otp_exhausted)', async () => {
    const phone = newPhone();
    await request(phone);
    const code = await lastOtp(s.deps.db, e164(phone));
    for (const left of [4, 3, 2, 1]) {
      const r = await verify(phone, wrong(code));
      assert.equal(r.statusCode, 401);
      assert.equal(r.json().error.code, 'otp_invalid');
      assert.equal(r.json().error.details.triesLeft, left);
    }
    const fifth = await verify(phone, wrong(code));
    assert.equal(fifth.statusCode, 401);
    assert.equal(fifth.json().error.code, 'otp_exhausted');
    const right = await verify(phone, code);
    assert.equal(right.statusCode, 401);
    assert.equal(right.json().error.code, 'otp_exhausted');
    assert.equal(right.headers['set-cookie'], undefined);
  });

  it('a code expires after 5 minutes (otp_expired)', async () => {
    const phone = newPhone();
    await request(phone);
    const code = await lastOtp(s.deps.db, e164(phone));
    s.clock.advance(5 * 60_000 + 1000);
    const r = await verify(phone, code);
    assert.equal(r.statusCode, 401);
    assert.equal(r.json().error.code, 'otp_expired');
    // Just inside the five minutes, a fresh code works.
    const phone2 = newPhone();
    await request(phone2);
    const code2 = await lastOtp(s.deps.db, e164(phone2));
    s.clock.advance(5 * 60_000 - 1000);
    assert.equal((await verify(phone2, code2)).statusCode, 200);
  });

  it('a code works once: replaying it → 401', async () => {
    const phone = newPhone();
    await request(phone);
    const code = await lastOtp(s.deps.db, e164(phone));
    const first = await verify(phone, code);
    assert.equal(first.statusCode, 200, first.body);
    const again = await verify(phone, code);
    assert.equal(again.statusCode, 401);
    assert.ok(['otp_expired', 'otp_invalid'].includes(again.json().error.code), again.body);
    assert.equal(again.headers['set-cookie'], undefined);
  });

  it('a new code within 60 s → 429 otp_resend_wait with Retry-After; after 60 s it is sent', async () => {
    const phone = newPhone();
    assert.equal((await request(phone)).statusCode, 202);
    s.clock.advance(20_000);
    const r = await request(phone);
    assert.equal(r.statusCode, 429);
    assert.equal(r.json().error.code, 'otp_resend_wait');
    assert.equal(r.headers['retry-after'], '40');
    s.clock.advance(40_000);
    assert.equal((await request(phone)).statusCode, 202);
    // Only the newest code counts.
    const [{ n }] = (await s.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM otp_challenges WHERE phone = $1', [e164(phone)])) as [{ n: number }];
    assert.equal(n, 2);
  });

  it('per number: at most 5 codes an hour → 429', async () => {
    const phone = newPhone();
    for (let i = 0; i < 5; i++) {
      const r = await request(phone);
      assert.equal(r.statusCode, 202, `#${i + 1}: ${r.body}`);
      s.clock.advance(61_000);
    }
    const sixth = await request(phone);
    assert.equal(sixth.statusCode, 429);
    assert.equal(sixth.json().error.code, 'rate_limited');
    assert.ok(Number(sixth.headers['retry-after']) > 0);
    s.clock.advance(3600_000);
    assert.equal((await request(phone)).statusCode, 202);
  });

  it('per address: at most 30 codes an hour → 429, other addresses unaffected', async () => {
    const ip = '10.2.0.1';
    for (let i = 0; i < 30; i++) {
      const r = await request(newPhone(), ip);
      assert.equal(r.statusCode, 202, `#${i + 1}: ${r.body}`);
    }
    const over = await request(newPhone(), ip);
    assert.equal(over.statusCode, 429);
    assert.equal(over.json().error.code, 'rate_limited');
    assert.equal((await request(newPhone(), '10.2.0.2')).statusCode, 202);
    s.clock.advance(3600_000 + 1000);
    assert.equal((await request(newPhone(), ip)).statusCode, 202);
  });

  it('a code typed in Bengali digits is accepted', async () => {
    const phone = newPhone();
    await request(phone);
    const code = await lastOtp(s.deps.db, e164(phone));
    const bengali = code.replace(/\d/g, (d) => String.fromCharCode(0x09e6 + Number(d)));
    const r = await verify(phone, bengali);
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().phone, e164(phone));
  });

  it('the session cookie is HttpOnly, SameSite=Strict and Secure (https public URL)', async () => {
    const phone = newPhone();
    await request(phone);
    const r = await verify(phone, await lastOtp(s.deps.db, e164(phone)));
    const cookie = String(r.headers['set-cookie']);
    assert.match(cookie, /^nalish_session=[^;]+;/);
    assert.match(cookie, /;\s*HttpOnly/i);
    assert.match(cookie, /;\s*SameSite=Strict/i);
    assert.match(cookie, /;\s*Secure/i);
    assert.match(cookie, /;\s*Path=\//);
    // Its life is relative (Max-Age), so a phone with a wrong clock keeps it as long as the server.
    const maxAge = Number(/;\s*Max-Age=(\d+)/.exec(cookie)?.[1]);
    const life = (new Date(r.json().expiresAt).getTime() - s.clock.now().getTime()) / 1000;
    assert.ok(maxAge > 0 && Math.abs(maxAge - life) <= 1, `Max-Age ${maxAge}, session life ${life} s`);
    // The cookie carries the same session as the token.
    assert.equal(cookie.split(';')[0], `nalish_session=${r.json().token}`);
  });

  describe('cookie-authenticated requests and CSRF', () => {
    let cookie: string;
    let code: string;
    before(async () => {
      const login = await consumerLogin(s);
      code = (await fileVia(s, login.auth)).trackingCode;
      const token = login.auth.authorization!.slice('Bearer '.length);
      cookie = `nalish_session=${token}`;
    });

    const post = (headers: Record<string, string>) =>
      s.app.inject({ method: 'POST', url: '/api/v1/complaints', remoteAddress: freshIp(), headers: { cookie, host: 'nalish.test', ...headers }, payload: complaintInput() });

    it('reads with the cookie work without any origin header', async () => {
      const r = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: { cookie } });
      assert.equal(r.statusCode, 200, r.body);
    });

    it('a POST without Origin or Sec-Fetch-Site → 403 csrf, and nothing happens', async () => {
      const before = await s.deps.db.query('SELECT 1 FROM complaints');
      const r = await post({});
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().error.code, 'csrf');
      const w = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/withdraw`, headers: { cookie }, payload: {} });
      assert.equal(w.statusCode, 403);
      assert.equal(w.json().error.code, 'csrf');
      assert.equal((await s.deps.db.query('SELECT 1 FROM complaints')).length, before.length);
    });

    it('a POST from another site → 403 csrf', async () => {
      for (const headers of <Record<string, string>[]>[{ origin: 'https://evil.test' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site', origin: 'https://nalish.test' }]) {
        const r = await post(headers);
        assert.equal(r.statusCode, 403, `${JSON.stringify(headers)}: ${r.body}`);
        assert.equal(r.json().error.code, 'csrf');
      }
    });

    it('a POST from our own origin is allowed', async () => {
      assert.equal((await post({ origin: 'https://nalish.test' })).statusCode, 201);
      assert.equal((await post({ 'sec-fetch-site': 'same-origin' })).statusCode, 201);
    });

    it('a Bearer token needs no origin check', async () => {
      const r = await s.app.inject({ method: 'GET', url: '/api/v1/complaints', headers: { authorization: `Bearer ${cookie.split('=')[1]}` } });
      assert.equal(r.statusCode, 200);
      const p = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/withdraw`, headers: { authorization: `Bearer ${cookie.split('=')[1]}`, origin: 'https://evil.test' }, payload: {} });
      assert.equal(p.statusCode, 200, p.body);
    });
  });
});
