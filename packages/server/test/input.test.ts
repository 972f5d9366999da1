// What the API does with bad or awkward input: malformed bodies, wrong types, schema
// failures, localisation of messages, duplicates, the daily filing limit and unknown merchants.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { t } from '@nalish/domain';
import { type TestService, type World, complaintInput, consumerLogin, fileVia, makeService, makeWorld } from './harness.ts';

describe('input handling', () => {
  let s: TestService;
  let w: World;
  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '2' } });
    w = await makeWorld(s.deps.db);
  });
  after(() => s.close());

  // Filing is also rate-limited per address (20 an hour); each call here comes from its own
  // address so that limit stays out of the way of the ones under test.
  let address = 0;
  const file = (auth: Record<string, string>, payload: unknown, headers: Record<string, string> = {}) =>
    s.app.inject({ method: 'POST', url: '/api/v1/complaints', remoteAddress: `10.0.0.${++address}`, headers: { ...auth, ...headers }, payload: payload as object });

  it('malformed JSON → 400 malformed_json', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/otp', headers: { 'content-type': 'application/json' }, payload: '{"phone": "0171' });
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().error.code, 'malformed_json');
    const { auth } = await consumerLogin(s);
    const r2 = await file(auth, '{,}', { 'content-type': 'application/json' });
    assert.equal(r2.statusCode, 400);
    assert.equal(r2.json().error.code, 'malformed_json');
  });

  it('a body over 256 KB → 413 payload_too_large', async () => {
    const { auth } = await consumerLogin(s);
    const big = JSON.stringify({ ...complaintInput(), description: 'x'.repeat(300 * 1024) });
    const r = await file(auth, big, { 'content-type': 'application/json' });
    assert.equal(r.statusCode, 413);
    assert.equal(r.json().error.code, 'payload_too_large');
    const [{ n }] = (await s.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM complaints')) as [{ n: number }];
    assert.equal(n, 0);
  });

  it('a content type the route does not take → 415 unsupported_media_type', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/otp', headers: { 'content-type': 'text/plain' }, payload: 'phone=01711111111' });
    assert.equal(r.statusCode, 415);
    assert.equal(r.json().error.code, 'unsupported_media_type');
    const form = await s.app.inject({ method: 'POST', url: '/api/v1/otp', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'phone=01711111111' });
    assert.equal(form.statusCode, 415);
    assert.equal(form.json().error.code, 'unsupported_media_type');
    // Evidence must be multipart; JSON there is the wrong type too.
    const { auth } = await consumerLogin(s);
    const c = await fileVia(s, auth);
    const ev = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.trackingCode}/evidence`, headers: auth, payload: { file: 'x' } });
    assert.equal(ev.statusCode, 415);
    assert.equal(ev.json().error.code, 'unsupported_media_type');
  });

  it('schema failures → 400 validation with the failing fields’ paths', async () => {
    const { auth } = await consumerLogin(s);
    const input = complaintInput();
    const r = await file(auth, { ...input, order: { ...input.order, amountBdt: -5 }, category: 'no_such_category', consumer: { ...input.consumer, district: 'atlantis' } });
    assert.equal(r.statusCode, 400);
    const body = r.json();
    assert.equal(body.error.code, 'validation');
    const paths: string[] = body.error.details.fields.map((f: { path: string }) => f.path);
    for (const p of ['order.amountBdt', 'category', 'consumer.district']) assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
    for (const f of body.error.details.fields) assert.equal(typeof f.message, 'string');

    const missing = await file(auth, { ...input, description: undefined });
    assert.equal(missing.statusCode, 400);
    assert.ok(missing.json().error.details.fields.some((f: { path: string }) => f.path === 'description'));

    // A lifecycle body is checked the same way (a dismissed complaint carries no fine).
    const refined = await s.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${(await fileVia(s, auth)).trackingCode}/decide`,
      headers: auth,
      payload: { outcome: 'dismissed', reasons: 'No evidence of payment at all.', fineBdt: 500 },
    });
    assert.equal(refined.statusCode, 400);
    assert.equal(refined.json().error.code, 'validation');
    assert.ok(refined.json().error.details.fields.some((f: { path: string }) => f.path === 'fineBdt'), refined.body);
  });

  it('messages follow Accept-Language: English on request, Bengali by default', async () => {
    const url = '/api/v1/complaints/123-456-7890';
    const { auth } = await consumerLogin(s);
    const en = await s.app.inject({ method: 'GET', url, headers: { ...auth, 'accept-language': 'en-GB,en;q=0.9' } });
    const bn = await s.app.inject({ method: 'GET', url, headers: auth });
    const bnAsked = await s.app.inject({ method: 'GET', url, headers: { ...auth, 'accept-language': 'bn-BD' } });
    assert.equal(en.statusCode, 404);
    assert.equal(en.json().error.code, 'not_found');
    assert.equal(en.json().error.message, t('en', 'error.not_found'));
    assert.equal(en.json().error.message, 'Not found.');
    assert.equal(bn.json().error.message, t('bn', 'error.not_found'));
    assert.notEqual(bn.json().error.message, en.json().error.message);
    assert.equal(bnAsked.json().error.message, bn.json().error.message);
    // Schema failures and framework errors are localised too.
    const v = await s.app.inject({ method: 'POST', url: '/api/v1/otp', headers: { 'accept-language': 'en' }, payload: {} });
    assert.equal(v.json().error.message, t('en', 'error.validation'));
    const j = await s.app.inject({ method: 'POST', url: '/api/v1/otp', headers: { 'content-type': 'application/json' }, payload: '{' });
    assert.equal(j.json().error.message, t('bn', 'error.malformed_json'));
  });

  it('a tracking code that is not valid → 404 not_found', async () => {
    const { auth } = await consumerLogin(s);
    const c = await fileVia(s, auth);
    // One digit changed: the check digit catches it.
    const last = c.trackingCode.at(-1)!;
    const wrong = `${c.trackingCode.slice(0, -1)}${(Number(last) + 1) % 10}`;
    for (const code of [wrong, 'ABC-DEF-GHIJ', '123-456-78901234']) {
      const r = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: auth });
      assert.equal(r.statusCode, 404, `${code}: ${r.body}`);
      assert.equal(r.json().error.code, 'not_found');
      const st = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/withdraw`, headers: auth, payload: {} });
      assert.equal(st.statusCode, 404, `${code}: ${st.body}`);
    }
    // The same code typed with spaces or in Bengali digits is found.
    const bengali = c.trackingCode.replace(/\d/g, (d) => String.fromCharCode(0x09e6 + Number(d)));
    const found = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${encodeURIComponent(bengali)}`, headers: auth });
    assert.equal(found.statusCode, 200, found.body);
  });

  it('a cursor the list did not hand out → 400 validation on cursor', async () => {
    const { auth } = await consumerLogin(s);
    const bad = [
      'not-a-cursor',
      Buffer.from(JSON.stringify({ d: 'yesterday', i: '00000000-0000-0000-0000-000000000000' })).toString('base64url'),
      Buffer.from(JSON.stringify({ d: '2026-01-01T00:00:00Z', i: "x' OR 1=1" })).toString('base64url'),
    ];
    for (const cursor of bad) {
      const r = await s.app.inject({ method: 'GET', url: `/api/v1/complaints?cursor=${encodeURIComponent(cursor)}`, headers: auth });
      assert.equal(r.statusCode, 400, `${cursor}: ${r.body}`);
      assert.equal(r.json().error.code, 'validation');
      assert.equal(r.json().error.details.fields[0].path, 'cursor');
    }
  });

  it('the same phone, merchant and order number while open → 409 duplicate_complaint naming the first', async () => {
    const { auth } = await consumerLogin(s);
    const input = complaintInput();
    const first = await fileVia(s, auth, input);
    const again = await file(auth, { ...input, order: { ...input.order, number: input.order.number.toLowerCase() } });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().error.code, 'duplicate_complaint');
    assert.equal(again.json().error.details.trackingCode, first.trackingCode);
    // Once withdrawn, the same order can be complained about again.
    const w1 = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${first.trackingCode}/withdraw`, headers: auth, payload: {} });
    assert.equal(w1.statusCode, 200, w1.body);
    const third = await file(auth, input);
    assert.equal(third.statusCode, 201, third.body);
  });

  it('a complaint against an unregistered website creates an unclaimed merchant and goes straight to the regulator', async () => {
    const { auth } = await consumerLogin(s);
    const c = await fileVia(s, auth, complaintInput({ merchant: { website: 'https://www.Fly-By-Night.test/shop' } }));
    assert.equal(c.state, 'escalated');
    const merchant = c.merchant as { id: string; status: string };
    assert.equal(merchant.status, 'unclaimed');
    assert.notEqual(merchant.id, w.merchant);
    const profile = await s.app.inject({ method: 'GET', url: `/api/v1/merchants/${merchant.id}` });
    assert.equal(profile.statusCode, 200);
    assert.equal(profile.json().registered, false);
    assert.equal(profile.json().complaints.escalated, 1);
  });

  it('an unknown merchant id → 404 merchant_not_found, and nothing is filed', async () => {
    const { auth, phone } = await consumerLogin(s);
    const r = await file(auth, complaintInput({ merchantId: '00000000-0000-4000-8000-000000000000' }));
    assert.equal(r.statusCode, 404, r.body);
    assert.equal(r.json().error.code, 'merchant_not_found');
    const rows = await s.deps.db.query('SELECT 1 FROM complaints WHERE consumer_phone = $1', [phone]);
    assert.equal(rows.length, 0);
  });

  it(`the filing limit per number per day (FILINGS_PER_DAY=2) → 429 filing_limit, reset at Dhaka midnight`, async () => {
    // Runs last: it moves the clock. Start: Sunday 22 Nov 2026, 10:00 Dhaka.
    s.clock.set('2026-11-22T04:00:00Z');
    const { auth } = await consumerLogin(s);
    await fileVia(s, auth);
    await fileVia(s, auth);
    const third = await file(auth, complaintInput());
    assert.equal(third.statusCode, 429, third.body);
    assert.equal(third.json().error.code, 'filing_limit');
    // 23:59 Dhaka (17:59 UTC) is still the same Dhaka day.
    s.clock.set('2026-11-22T17:59:00Z');
    assert.equal((await file(auth, complaintInput())).statusCode, 429);
    // 00:00 Dhaka (18:00 UTC) is a new day, though it is still the 22nd in UTC.
    s.clock.set('2026-11-22T18:00:30Z');
    const next = await file(auth, complaintInput());
    assert.equal(next.statusCode, 201, next.body);
    // Another number is not affected by this one's limit.
    const other = await consumerLogin(s);
    assert.equal((await file(other.auth, complaintInput())).statusCode, 201);
  });
});
