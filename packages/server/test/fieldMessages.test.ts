// Field errors through the API: codes with messages from the catalogues in the reader's language
// (Bengali digits for Bengali), never the validator's English; a too-short mobile number gets the
// same phone_invalid answer as a wrong one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fieldMessage, t } from '@nalish/domain';
import { type TestService, complaintInput, consumerLogin, makeService, makeWorld, merchantLogin, type World } from './harness.ts';

describe('field messages', () => {
  let s: TestService;
  let w: World;
  before(async () => {
    s = await makeService();
    w = await makeWorld(s.deps.db);
  });
  after(() => s.close());

  const fields = (r: { json: () => any }) => r.json().error.details.fields as { path: string; code: string; message: string }[];
  const field = (r: { json: () => any }, path: string) => fields(r).find((f) => f.path === path);

  it('a too-short description: "লিখুন অন্তত ২০টি অক্ষর।" in Bengali, in English on request', async () => {
    const { auth } = await consumerLogin(s);
    const body = { ...complaintInput(), description: 'short' };
    const bn = await s.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: auth, payload: body });
    assert.equal(bn.statusCode, 400);
    assert.deepEqual(field(bn, 'description'), { path: 'description', code: 'too_short', message: 'লিখুন অন্তত ২০টি অক্ষর।' });
    const en = await s.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: { ...auth, 'accept-language': 'en' }, payload: body });
    assert.deepEqual(field(en, 'description'), { path: 'description', code: 'too_short', message: 'Write at least 20 characters.' });
  });

  it('each kind of mistake says what to do; none is the validator’s English', async () => {
    const { auth } = await consumerLogin(s);
    const input = complaintInput();
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { ...auth, 'accept-language': 'en' },
      payload: { ...input, order: { ...input.order, amountBdt: 'lots', date: '18/11/2026' }, category: 'angry', consumer: { ...input.consumer, name: undefined, email: 'nope' } },
    });
    assert.equal(r.statusCode, 400);
    const byPath = Object.fromEntries(fields(r).map((f) => [f.path, f]));
    assert.equal(byPath['order.amountBdt']?.message, 'Enter a number, in digits.');
    assert.equal(byPath['order.date']?.message, 'Enter the date as year-month-day, like 2026-11-18.');
    assert.equal(byPath.category?.message, 'Choose one of the options given.');
    assert.equal(byPath['consumer.name']?.message, 'Fill this in.');
    assert.equal(byPath['consumer.email']?.message, 'Enter an e-mail address, like name@example.com.');
    for (const f of fields(r)) assert.doesNotMatch(f.message, /Invalid|Too small|expected/);
  });

  it('the OTP code: "enter the 6-digit code", not a regular expression', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/otp/verify', payload: { phone: '01712345678', code: '12ab' } });
    assert.equal(r.statusCode, 400);
    assert.deepEqual(field(r, 'code'), { path: 'code', code: 'otp_code', message: 'এসএমএস-এ পাওয়া ৬ অঙ্কের কোডটি লিখুন।' });
    assert.doesNotMatch(r.body, /pattern|\^\[0-9/);
  });

  it('a too-short mobile number gets the same phone_invalid answer as a wrong one', async () => {
    const ask = (phone: string) => s.app.inject({ method: 'POST', url: '/api/v1/otp', payload: { phone } });
    const wrong = await ask('01212345678');
    const short = await ask('01712');
    const empty = await ask('');
    for (const r of [wrong, short, empty]) {
      assert.equal(r.statusCode, 400);
      assert.deepEqual(r.json(), wrong.json());
    }
    assert.equal(wrong.json().error.code, 'phone_invalid');
    assert.equal(wrong.json().error.message, t('bn', 'error.phone_invalid'));
    assert.deepEqual(wrong.json().error.details.fields, [{ path: 'phone', code: 'phone_invalid', message: t('bn', 'error.phone_invalid') }]);
  });

  it('rules of our own (a taken e-mail) come with their code and a message in the reader’s language', async () => {
    const owner = await merchantLogin(s, w.merchantUser);
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/team', headers: owner, payload: { email: w.otherMerchantUser.email, name: 'Someone', role: 'agent' } });
    assert.equal(r.statusCode, 400);
    assert.deepEqual(fields(r), [{ path: 'email', code: 'email_taken', message: fieldMessage('bn', 'email_taken') }]);
  });
});
