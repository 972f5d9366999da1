// Staff sign-in limits in the database: per account and per address, shared by every server
// process and kept across restarts; locks that grow and end; an e-mail to the owner when the
// account locks; unknown e-mails checked like known ones; a missing TOTP code answered like a
// wrong password.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { FIRST_LOCK_MS, LONGEST_LOCK_MS, staffSignIn } from '../src/auth/staffSignIn.ts';
import { verifyPassword } from '../src/auth/passwords.ts';
import { totpAt, totpStep } from '../src/auth/totp.ts';
import { type TestService, type World, makeService, makeWorld } from './harness.ts';

const MIN = 60_000;

describe('staff sign-in limits', () => {
  let s: TestService;
  let w: World;
  let ipSeq = 0;
  /** Each test signs in from addresses of its own, so only the account counters meet. */
  const freshIp = () => `198.51.100.${++ipSeq}`;

  before(async () => {
    s = await makeService({ env: { SIGN_IN_TRIES_PER_ACCOUNT: '5', SIGN_IN_TRIES_PER_ADDRESS: '8' } });
    w = await makeWorld(s.deps.db);
  });
  after(() => s.close());
  beforeEach(async () => {
    await s.deps.db.query('DELETE FROM sign_in_throttle');
    await s.deps.db.query('DELETE FROM outbox');
  });

  const merchant = (app: FastifyInstance, password: string, ip = freshIp(), email = w.merchantUser.email) =>
    app.inject({ method: 'POST', url: '/api/v1/merchant/login', remoteAddress: ip, payload: { email, password } });
  const lockMails = () => s.deps.db.query<{ recipient: string; subject: string; body: string }>(`SELECT recipient, subject, body FROM outbox WHERE template = 'sign_in_locked'`);

  it('5 wrong passwords lock the account from every address, even for the right password; the owner is e-mailed; the lock ends', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await merchant(s.app, 'wrong-password');
      assert.equal(r.statusCode, 401);
      assert.equal(r.json().error.code, 'login_failed');
    }
    const locked = await merchant(s.app, w.merchantUser.password);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'sign_in_locked');
    assert.equal(locked.headers['retry-after'], String(FIRST_LOCK_MS / 1000));
    const bn = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/login', remoteAddress: freshIp(), headers: { 'accept-language': 'bn' }, payload: w.merchantUser });
    assert.equal(bn.json().error.message, 'অনেকবার সাইন-ইনের চেষ্টা হয়েছে। ৫ মিনিট পরে আবার চেষ্টা করুন।');

    const mails = await lockMails();
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.recipient, w.merchantUser.email);
    assert.match(mails[0]!.body, /৫ বার ব্যর্থ সাইন-ইনের চেষ্টা/);

    s.clock.advance(FIRST_LOCK_MS);
    assert.equal((await merchant(s.app, w.merchantUser.password)).statusCode, 200);
    // A success starts the count afresh.
    for (let i = 0; i < 4; i++) assert.equal((await merchant(s.app, 'wrong-password')).statusCode, 401);
    assert.equal((await merchant(s.app, w.merchantUser.password)).statusCode, 200);
  });

  it('each lock in a run lasts twice as long as the one before, up to an hour; a quiet day starts afresh', async () => {
    const lockFor = async () => {
      for (let i = 0; i < 5; i++) assert.equal((await merchant(s.app, 'wrong-password')).statusCode, 401);
      const r = await merchant(s.app, w.merchantUser.password);
      assert.equal(r.statusCode, 429);
      return Number(r.headers['retry-after']) * 1000;
    };
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      const ms = await lockFor();
      seen.push(ms / MIN);
      s.clock.advance(ms);
    }
    assert.deepEqual(seen, [5, 10, 20, 40, 60, 60]);
    assert.equal(LONGEST_LOCK_MS, 60 * MIN);
    // The owner can always get back in once a lock ends.
    assert.equal((await merchant(s.app, w.merchantUser.password)).statusCode, 200);
    for (let i = 0; i < 5; i++) await merchant(s.app, 'wrong-password');
    s.clock.advance(25 * 60 * MIN);
    assert.equal((await lockFor()) / MIN, 5, 'after a quiet day the first lock is 5 minutes again');
    s.clock.advance(FIRST_LOCK_MS);
  });

  it('the counters are shared by every server process and survive a restart', async () => {
    const second = await buildApp(s.deps);
    try {
      for (let i = 0; i < 5; i++) assert.equal((await merchant(i % 2 ? second : s.app, 'wrong-password')).statusCode, 401);
      assert.equal((await merchant(second, w.merchantUser.password)).statusCode, 429);
    } finally {
      await second.close();
    }
    // A "restarted" server: a new app on the same database still refuses.
    const restarted = await buildApp(s.deps);
    try {
      assert.equal((await merchant(restarted, w.merchantUser.password)).statusCode, 429);
    } finally {
      await restarted.close();
    }
    s.clock.advance(FIRST_LOCK_MS);
  });

  it('per address: guesses at many accounts lock the address, not the other addresses; a success takes back only its own try', async () => {
    const ip = freshIp();
    for (let i = 0; i < 7; i++) assert.equal((await merchant(s.app, 'wrong-password', ip, `nobody${i}@shop.test`)).statusCode, 401);
    // The address's 8th try is its last; signing in to one's own account gives back only that try.
    assert.equal((await merchant(s.app, w.otherMerchantUser.password, ip, w.otherMerchantUser.email)).statusCode, 200);
    assert.equal((await merchant(s.app, 'wrong-password', ip, 'nobody9@shop.test')).statusCode, 401);
    const r = await merchant(s.app, w.merchantUser.password, ip);
    assert.equal(r.statusCode, 429);
    assert.equal(r.json().error.code, 'sign_in_locked');
    assert.equal((await merchant(s.app, w.merchantUser.password)).statusCode, 200, 'another address is not shut out');
    // Unknown e-mails have no owner to tell; nothing was e-mailed for them.
    assert.deepEqual(await lockMails(), []);
    s.clock.advance(FIRST_LOCK_MS);
  });

  it('an unknown e-mail gets the same answer, is locked the same way, and costs the same argon2 check', async () => {
    const checked: string[] = [];
    const verify = async (hash: string, password: string) => {
      checked.push(hash);
      return verifyPassword(hash, password);
    };
    const attempt = { kind: 'merchant' as const, email: 'nobody@shop.test', password: 'whatever-1', ip: freshIp() };
    for (let i = 0; i < 5; i++) {
      await assert.rejects(staffSignIn(s.deps, attempt, { verify }), (e: { code?: string }) => e.code === 'login_failed');
    }
    assert.equal(checked.length, 5, 'every try ran a password check');
    assert.ok(checked.every((h) => h.startsWith('$argon2id$')), 'against an argon2id hash like a real account');
    await assert.rejects(staffSignIn(s.deps, attempt, { verify }), (e: { code?: string }) => e.code === 'sign_in_locked');
    assert.equal(checked.length, 5, 'nothing is checked while locked');
    // A switched-off account is checked the same way.
    await s.deps.db.query('UPDATE merchant_users SET active = false WHERE email = $1', [w.otherMerchantUser.email]);
    try {
      await assert.rejects(staffSignIn(s.deps, { ...attempt, email: w.otherMerchantUser.email, password: w.otherMerchantUser.password, ip: freshIp() }, { verify }), (e: { code?: string }) => e.code === 'login_failed');
      assert.equal(checked.length, 6);
    } finally {
      await s.deps.db.query('UPDATE merchant_users SET active = true WHERE email = $1', [w.otherMerchantUser.email]);
    }
    s.clock.advance(FIRST_LOCK_MS);
  });

  it('many tries at once cannot get past the limit: each is counted before its check', async () => {
    let checks = 0;
    const verify = async (hash: string, password: string) => {
      checks += 1;
      return verifyPassword(hash, password);
    };
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => staffSignIn(s.deps, { kind: 'merchant', email: w.merchantUser.email, password: 'wrong-password', ip: freshIp() }, { verify })),
    );
    assert.equal(checks, 5);
    assert.equal(results.filter((r) => r.status === 'rejected' && (r.reason as { code: string }).code === 'sign_in_locked').length, 15);
    s.clock.advance(FIRST_LOCK_MS);
  });

  it('an officer: a missing code is answered like a wrong password (and counted); a right password with a wrong code too', async () => {
    const officer = (body: Record<string, string>) =>
      s.app.inject({ method: 'POST', url: '/api/v1/regulator/login', remoteAddress: freshIp(), payload: { email: w.officer.email, ...body } });
    const wrongPassword = await officer({ password: 'not-the-password', totp: '123456' });
    const noCode = await officer({ password: w.officer.password });
    assert.equal(noCode.statusCode, wrongPassword.statusCode);
    assert.deepEqual(noCode.json(), wrongPassword.json());
    assert.equal(noCode.json().error.code, 'login_failed');
    s.clock.advance(31_000);
    const good = totpAt(w.officer.totpSecret, totpStep(s.clock.now()));
    const wrongCode = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    assert.deepEqual((await officer({ password: w.officer.password, totp: wrongCode })).json(), wrongPassword.json());
    assert.equal((await officer({ password: w.officer.password })).statusCode, 401);
    assert.equal((await officer({ password: w.officer.password, totp: '' + wrongCode })).statusCode, 401);
    // That was the 5th try: locked, though the password was right in four of them.
    const locked = await officer({ password: w.officer.password, totp: good });
    assert.equal(locked.statusCode, 429);
    const mails = await lockMails();
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.recipient, w.officer.email);
    s.clock.advance(FIRST_LOCK_MS);
    const ok = await officer({ password: w.officer.password, totp: totpAt(w.officer.totpSecret, totpStep(s.clock.now())) });
    assert.equal(ok.statusCode, 200, ok.body);
  });
});
