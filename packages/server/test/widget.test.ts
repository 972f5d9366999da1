// The widget through the HTTP app: the merchant's signing secret, filing with a signed order
// context (confirmed, or refused with a clear 400 and nothing stored), the trust badge bound
// to the merchant's websites, the loader script, the embed page's framing and the demo shop.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { createMerchantUser } from '../src/admin/ops.ts';
import { DEMO, addDemoShopHosts, loadDemoData } from '../src/demo/demo.ts';
import { type PageFallback, installErrorHandling } from '../src/http/errors.ts';
import { installWebApp } from '../src/http/webApp.ts';
import { embedFrameAncestors } from '../src/widget/embed.ts';
import { type OrderContextClaims, signOrderContext, verifyOrderContext } from '../src/widget/orderContext.ts';
import { signingSecretFor } from '../src/widget/signingSecrets.ts';
import { type TestService, type World, complaintInput, consumerLogin, fileVia, makeService, makeWorld, merchantLogin, officerLogin, step } from './harness.ts';

const LOADER_BUDGET_GZIP = 15 * 1024;

describe('signed order context and the widget', () => {
  let s: TestService;
  let w: World;
  let owner: Record<string, string>;
  let secret: string;

  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '100' } });
    w = await makeWorld(s.deps.db);
    owner = await merchantLogin(s, w.merchantUser);
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/signing-secret', headers: owner });
    assert.equal(r.statusCode, 201, r.body);
    secret = r.json().secret;
  });
  after(() => s.close());

  const nowS = () => Math.floor(s.clock.now().getTime() / 1000);
  function context(phone: string, over: Partial<OrderContextClaims> = {}, key = secret) {
    const claims: OrderContextClaims = {
      merchantId: w.merchant,
      orderNumber: `SBD-${Math.random().toString(36).slice(2, 8)}`,
      orderDate: '2026-11-10',
      amountBdt: 2500,
      paymentChannel: 'bkash',
      buyerPhone: phone,
      iat: nowS(),
      exp: nowS() + 7 * 86_400,
      ...over,
    };
    return { claims, token: signOrderContext(key, claims) };
  }
  const input = (c: OrderContextClaims, token: string) =>
    complaintInput({
      merchantId: c.merchantId,
      order: { number: c.orderNumber, date: c.orderDate, amountBdt: c.amountBdt, paymentChannel: c.paymentChannel },
      orderContext: token,
    });
  async function counts() {
    const [r] = await s.deps.db.query<{ complaints: number; events: number; outbox: number }>(
      `SELECT (SELECT count(*)::int FROM complaints) AS complaints, (SELECT count(*)::int FROM events) AS events,
              (SELECT count(*)::int FROM outbox WHERE template <> 'otp') AS outbox`,
    );
    return r!;
  }

  it('the signing secret: an owner creates it (shown once, stored encrypted); agents, API keys and others may not', async () => {
    const info = await s.app.inject({ method: 'GET', url: '/api/v1/merchant/signing-secret', headers: owner });
    assert.equal(info.statusCode, 200);
    assert.deepEqual(Object.keys(info.json()).sort(), ['createdAt', 'exists', 'prefix']);
    assert.equal(info.json().exists, true);
    assert.equal(info.json().prefix, secret.slice(0, 10));
    assert.match(secret, /^nss_[A-Za-z0-9_-]{43}$/);
    const [row] = await s.deps.db.query<{ secret_enc: string }>('SELECT secret_enc FROM merchant_signing_secrets WHERE merchant_id = $1', [w.merchant]);
    assert.ok(row && !row.secret_enc.includes(secret.slice(4)));
    assert.equal(await signingSecretFor(s.deps.db, s.deps.secret, w.merchant), secret);

    await createMerchantUser(s.deps.db, { merchantId: w.merchant, email: 'agent@shopbd.test', name: 'Agent', password: 'agent-password-1', role: 'agent' });
    const agent = await merchantLogin(s, { email: 'agent@shopbd.test', password: 'agent-password-1' });
    const key = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/api-keys', headers: owner, payload: { label: 'shop', scopes: ['complaints:read'] } });
    assert.equal(key.statusCode, 201, key.body);
    const apiKey = { authorization: `Bearer ${key.json().key}` };
    const consumer = await consumerLogin(s);
    const post = (headers: Record<string, string>) => s.app.inject({ method: 'POST', url: '/api/v1/merchant/signing-secret', headers });
    assert.equal((await post({})).statusCode, 401);
    assert.equal((await post(agent)).statusCode, 403);
    assert.equal((await post(apiKey)).statusCode, 403);
    assert.equal((await post(consumer.auth)).statusCode, 403);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/signing-secret', headers: agent })).statusCode, 200);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/merchant/signing-secret', headers: apiKey })).statusCode, 403);
    // Another merchant's owner makes its own secret, which does not touch ShopBD's.
    const other = await merchantLogin(s, w.otherMerchantUser);
    assert.equal((await post(other)).statusCode, 201);
    assert.equal(await signingSecretFor(s.deps.db, s.deps.secret, w.merchant), secret);
  });

  it('a valid context: filed "order confirmed by the merchant", seen so by the merchant, the consumer and the regulator', async () => {
    const consumer = await consumerLogin(s);
    const { claims, token } = context(`0${consumer.phone.slice(4)}`);
    const filed = await fileVia(s, consumer.auth, input(claims, token));
    assert.equal(filed.orderConfirmed, true);
    const code = filed.trackingCode;
    const [row] = await s.deps.db.query<{ order_confirmed: boolean; order_context: OrderContextClaims }>('SELECT order_confirmed, order_context FROM complaints WHERE tracking_code = $1', [code]);
    assert.equal(row?.order_confirmed, true);
    assert.equal(row?.order_context.orderNumber, claims.orderNumber);
    assert.equal(row?.order_context.merchantId, w.merchant);
    // The history records what the merchant confirmed, not the token.
    const [ev] = await s.deps.db.query<{ payload: Record<string, unknown> }>(
      `SELECT e.payload FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE c.tracking_code = $1 AND e.type = 'filed'`,
      [code],
    );
    assert.equal(ev?.payload.orderContext, undefined);
    assert.equal((ev?.payload.orderConfirmedByMerchant as OrderContextClaims).amountBdt, 2500);

    const inbox = await s.app.inject({ method: 'GET', url: '/api/v1/merchant/complaints?limit=100', headers: owner });
    const item = inbox.json().items.find((i: { trackingCode: string }) => i.trackingCode === code);
    assert.equal(item.orderConfirmed, true);
    const mine = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: consumer.auth });
    assert.equal(mine.json().orderConfirmed, true);
    // Taken to the regulator: the officer's case shows it too.
    assert.equal((await step(s, owner, code, 'respond', { kind: 'defence', message: 'We delivered it on time.' })).statusCode, 200);
    assert.equal((await step(s, consumer.auth, code, 'reject', { reason: 'It never arrived at all.' })).statusCode, 200);
    const officer = await officerLogin(s, w.officer);
    const cases = await s.app.inject({ method: 'GET', url: '/api/v1/regulator/cases?limit=100', headers: officer });
    assert.equal(cases.json().items.find((i: { trackingCode: string }) => i.trackingCode === code).orderConfirmed, true);
    const view = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: officer });
    assert.equal(view.json().orderConfirmed, true);

    // Without a context, the same filing is simply not confirmed.
    const plain = await fileVia(s, consumer.auth, complaintInput({ merchantId: w.merchant }));
    assert.equal(plain.orderConfirmed, false);
  });

  it('forged, expired, another merchant’s, another number’s or another order’s context: 400 in the reader’s language, nothing stored', async () => {
    const consumer = await consumerLogin(s);
    const phone = consumer.phone;
    const otherSecret = (await s.app.inject({ method: 'POST', url: '/api/v1/merchant/signing-secret', headers: await merchantLogin(s, w.otherMerchantUser) })).json().secret as string;
    const cases: { name: string; make: () => { claims: OrderContextClaims; token: string }; tweak?: (i: ReturnType<typeof input>) => void; code: string }[] = [
      { name: 'forged (another secret)', make: () => context(phone, {}, 'nss_guessed-by-an-attacker'), code: 'order_context_invalid' },
      {
        name: 'forged (amount raised after signing)',
        make: () => {
          const c = context(phone);
          const richer = { ...c.claims, amountBdt: 250_000 };
          return { claims: richer, token: `${Buffer.from(JSON.stringify(richer)).toString('base64url')}.${c.token.split('.')[1]}` };
        },
        code: 'order_context_invalid',
      },
      { name: 'expired', make: () => context(phone, { iat: nowS() - 20 * 86_400, exp: nowS() - 3600 }), code: 'order_context_expired' },
      { name: 'valid for longer than 30 days', make: () => context(phone, { exp: nowS() + 31 * 86_400 }), code: 'order_context_invalid' },
      { name: 'another merchant’s (signed with its real secret)', make: () => context(phone, { merchantId: w.otherMerchant }, otherSecret), code: 'order_context_merchant' },
      { name: 'another number', make: () => context('01812345678'), code: 'order_context_phone' },
      { name: 'another amount filed', make: () => context(phone), tweak: (i) => (i.order.amountBdt = 9_999), code: 'order_context_mismatch' },
      { name: 'another order number filed', make: () => context(phone), tweak: (i) => (i.order.number = 'SBD-OTHER'), code: 'order_context_mismatch' },
    ];
    for (const c of cases) {
      const before = await counts();
      const { claims, token } = c.make();
      const body = input({ ...claims, merchantId: w.merchant }, token);
      c.tweak?.(body);
      for (const [lang, words] of [['en', /nothing was filed/], ['bn', /কিছুই জমা হয়নি/]] as const) {
        const r = await s.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: { ...consumer.auth, 'accept-language': lang }, payload: body });
        assert.equal(r.statusCode, 400, `${c.name}: ${r.body}`);
        assert.equal(r.json().error.code, c.code, c.name);
        assert.match(r.json().error.message, words, `${c.name} (${lang})`);
      }
      assert.deepEqual(await counts(), before, `${c.name}: nothing stored`);
    }
    // A token that is not even shaped like one fails the schema.
    const bad = await s.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: consumer.auth, payload: { ...complaintInput({ merchantId: w.merchant }), orderContext: 'not a token' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'validation');
  });

  it('a rotated secret stops confirming what the old one signed', async () => {
    const consumer = await consumerLogin(s);
    const old = context(consumer.phone);
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/signing-secret', headers: owner });
    assert.equal(r.statusCode, 201);
    assert.notEqual(r.json().secret, secret);
    const refused = await s.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: consumer.auth, payload: input(old.claims, old.token) });
    assert.equal(refused.json().error.code, 'order_context_invalid');
    secret = r.json().secret;
    const fresh = context(consumer.phone);
    assert.equal((await fileVia(s, consumer.auth, input(fresh.claims, fresh.token))).orderConfirmed, true);
  });

  describe('the trust badge', () => {
    const badge = (headers: Record<string, string>, lang = 'en', id = w.merchant) => s.app.inject({ method: 'GET', url: `/api/v1/badge/${id}?lang=${lang}`, headers });

    it('on the merchant’s own website (or a subdomain): registered, licence, DBID and the 12-month record', async () => {
      for (const origin of ['https://shopbd.test', 'https://www.shopbd.test', 'http://checkout.shopbd.test:8080']) {
        const r = await badge({ origin });
        assert.equal(r.statusCode, 200, r.body);
        const b = r.json();
        assert.equal(b.site.verified, true, origin);
        assert.equal(b.registered, true);
        assert.equal(b.tradeLicence, true);
        assert.equal(b.dbid, true);
        assert.ok(b.record.complaints >= 3, JSON.stringify(b.record));
        assert.match(b.text.site, /^Verified for .*shopbd\.test$/);
        assert.equal(b.profileUrl, `https://nalish.test/sellers/${w.merchant}`);
      }
    });

    it('on another site, or with no origin at all: "not verified for this site" and no record; never cached', async () => {
      for (const headers of <Record<string, string>[]>[{ origin: 'https://evil-shopbd.test' }, { origin: 'https://shopbd.test.evil.example' }, { referer: 'https://copycat.example/page' }, {}, { origin: 'null' }]) {
        const r = await badge(headers);
        assert.equal(r.statusCode, 200);
        assert.equal(r.json().site.verified, false, JSON.stringify(headers));
        assert.equal(r.json().record, null);
        assert.equal(r.json().text.status, 'Not verified for this site');
        assert.equal(r.json().text.papers, '');
        assert.equal(r.headers['cache-control'], 'no-store');
        assert.match(String(r.headers.vary), /Origin/);
        assert.match(String(r.headers.vary), /Referer/);
        assert.equal(r.headers['access-control-allow-origin'], '*');
      }
    });

    it('the record: answered on time and resolved, in Bengali digits for Bengali', async () => {
      const consumer = await consumerLogin(s);
      const a = await fileVia(s, consumer.auth, complaintInput({ merchantId: w.merchant }));
      assert.equal((await step(s, owner, a.trackingCode, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 2500, message: 'We refund.' })).statusCode, 200);
      assert.equal((await step(s, consumer.auth, a.trackingCode, 'accept', {})).statusCode, 200);
      // Resolved is the consumer's own word that the remedy was carried out (an accepted offer
      // is not yet resolved: stats/figures.ts).
      assert.equal((await step(s, consumer.auth, a.trackingCode, 'confirm_fulfilled', {})).statusCode, 200);
      s.clock.advance(61_000); // past the figures' one-minute cache
      const b = (await badge({ origin: 'https://shopbd.test' })).json();
      assert.ok(b.record.answeredOnTimePct > 0 && b.record.answeredOnTimePct <= 100);
      assert.ok(b.record.resolvedPct > 0 && b.record.resolvedPct <= 100);
      const bn = (await badge({ origin: 'https://shopbd.test' }, 'bn')).json();
      assert.match(bn.text.lines[0], /^গত ১২ মাসে [০-৯]+টি অভিযোগ$/);
      assert.match(bn.text.lines[1], /^[০-৯]+% সময়মতো উত্তর · [০-৯]+% নিষ্পত্তি$/);
      assert.doesNotMatch(bn.text.lines.join(' '), /[0-9]/);
    });

    it('the SVG image checks the Referer the same way, and says who it is', async () => {
      const svg = (referer?: string) =>
        s.app.inject({ method: 'GET', url: `/badge/${w.merchant}.svg?lang=en`, headers: referer ? { referer } : {} });
      const good = await svg('https://shopbd.test/checkout');
      assert.equal(good.statusCode, 200);
      assert.match(String(good.headers['content-type']), /^image\/svg\+xml/);
      assert.equal(good.headers['cache-control'], 'no-store');
      assert.match(good.body, /Verified for shopbd\.test/);
      assert.match(good.body, /complaints in the last 12 months/);
      const copied = await svg('https://copycat.example/');
      assert.match(copied.body, /Not verified for this site/);
      assert.doesNotMatch(copied.body, /complaints in the last 12 months|Registered seller|Trade licence/);
      assert.match((await svg()).body, /Not verified for this site/);
      const unknown = await s.app.inject({ method: 'GET', url: '/badge/00000000-0000-4000-8000-000000000000.svg?lang=en' });
      assert.equal(unknown.statusCode, 404);
      assert.match(unknown.body, /Unknown seller/);
    });

    it('an unknown merchant is 404; a bad id is 400', async () => {
      assert.equal((await badge({}, 'en', '00000000-0000-4000-8000-000000000000')).statusCode, 404);
      assert.equal((await badge({}, 'en', 'nope')).statusCode, 400);
    });
  });

  // (The loader's budget on a fresh build is tested in packages/widget/test/size.test.ts.)
  describe('the loader script', () => {
    it('is served compressed, revalidated by ETag, and cached for a year only under its version', async () => {
      const r = await s.app.inject({ method: 'GET', url: '/widget.js', headers: { 'accept-encoding': 'gzip' } });
      if (r.statusCode === 404) assert.fail('packages/widget/dist/widget.js is missing: run `npm run build` first');
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-encoding'], 'gzip');
      assert.match(String(r.headers['content-type']), /^text\/javascript/);
      assert.ok(r.rawPayload.length <= LOADER_BUDGET_GZIP);
      assert.match(gunzipSync(r.rawPayload).toString(), /Nalish/);
      assert.match(String(r.headers['cache-control']), /max-age=300/);
      const etag = String(r.headers.etag);
      const again = await s.app.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      const version = etag.replaceAll('"', '');
      const pinned = await s.app.inject({ method: 'GET', url: `/widget.js?v=${version}` });
      assert.equal(pinned.headers['cache-control'], 'public, max-age=31536000, immutable');
      const stale = await s.app.inject({ method: 'GET', url: '/widget.js?v=old' });
      assert.match(String(stale.headers['cache-control']), /max-age=300/);
      const badgeJs = await s.app.inject({ method: 'GET', url: '/badge.js' });
      assert.equal(badgeJs.statusCode, 200);
      assert.equal(badgeJs.headers.etag, etag);
    });
  });

  describe('the embed page may be framed by the merchant’s sites only; other pages by none', () => {
    let dist: string;
    let app: ReturnType<typeof Fastify>;
    before(async () => {
      dist = await mkdtemp(join(tmpdir(), 'nalish-dist-'));
      await writeFile(join(dist, 'index.html'), '<!doctype html><title>app</title>');
      app = Fastify();
      let pages: PageFallback | null = null;
      installErrorHandling(app, () => pages);
      pages = await installWebApp(app, dist, { embedFrameAncestors: (url) => embedFrameAncestors(s.deps.db, url) });
      await app.ready();
    });
    after(async () => {
      await app.close();
      await rm(dist, { recursive: true, force: true });
    });
    const csp = async (url: string) => String((await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })).headers['content-security-policy']);

    it('frame-ancestors', async () => {
      const embed = await csp(`/embed/file?merchant=${w.merchant}&lang=bn`);
      assert.match(embed, /frame-ancestors 'self' http:\/\/shopbd\.test:\* https:\/\/shopbd\.test:\* http:\/\/\*\.shopbd\.test:\* https:\/\/\*\.shopbd\.test:\*(;|$)/);
      assert.doesNotMatch(embed, /other\.test/);
      assert.match(await csp('/embed/file?merchant=not-a-uuid'), /frame-ancestors 'self'(;|$)/);
      for (const page of ['/', '/file', '/merchant', `/sellers/${w.merchant}`, `/x/embed/file?merchant=${w.merchant}`]) {
        assert.match(await csp(page), /frame-ancestors 'none'/, page);
      }
    });
  });
});

describe('the demo shop', () => {
  let s: TestService;
  before(async () => {
    // The harness's PUBLIC_URL is a public address: demo data only when forced.
    s = await makeService({ env: { DEMO_DATA: 'force' } });
    await loadDemoData(s.deps);
    await addDemoShopHosts(s.deps, ['127.0.0.1', 'localhost']);
  });
  after(() => s.close());

  it('signs its order with the demo merchant’s secret, for the buyer’s number, and embeds the widget and badge', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/demo-shop?lang=en&phone=01812000111' });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<html lang="en">/);
    const token = /data-order="([^"]+)"/.exec(r.body)?.[1];
    const merchant = /data-merchant="([^"]+)"/.exec(r.body)?.[1];
    assert.ok(token && merchant);
    const [m] = await s.deps.db.query<{ merchant_id: string }>('SELECT merchant_id FROM merchant_users WHERE email = $1', [DEMO.merchant.email]);
    assert.equal(merchant, m?.merchant_id);
    const checked = verifyOrderContext(token, (await signingSecretFor(s.deps.db, s.deps.secret, merchant))!, s.clock.now());
    assert.ok(checked.ok);
    assert.equal(checked.ok && checked.claims.buyerPhone, '+8801812000111');
    assert.match(r.body, /<script src="\/widget\.js[^"]*" data-merchant="[^"]+" data-target="#complain"/);
    assert.match(r.body, /<script src="\/badge\.js/);
    assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/);
    // Its badge verifies on the host the demo is served from.
    const b = await s.app.inject({ method: 'GET', url: `/api/v1/badge/${merchant}`, headers: { origin: 'http://127.0.0.1:3000' } });
    assert.equal(b.json().site.verified, true);
  });

  it('is not served when demo data is off', async () => {
    const off = await makeService({ env: { DEMO_DATA: 'false' } });
    try {
      const r = await off.app.inject({ method: 'GET', url: '/demo-shop' });
      assert.equal(r.statusCode, 404);
    } finally {
      await off.close();
    }
  });
});
