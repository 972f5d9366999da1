// Privacy and headers: the request log carries no personal data; every answer has nosniff and
// (on https) HSTS; every API answer is no-store; the API reference has a CSP and refuses frames.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { buildApp } from '../src/app.ts';
import { HSTS } from '../src/http/securityHeaders.ts';
import { signOrderContext } from '../src/widget/orderContext.ts';
import { type TestService, type World, consumerLogin, fileVia, makeService, makeWorld, merchantLogin, officerLogin } from './harness.ts';

describe('the request log', () => {
  let s: TestService;
  before(async () => {
    s = await makeService();
  });
  after(() => s.close());

  it('keeps no phone number, order context, search, code or client address', async () => {
    const lines: string[] = [];
    const deps = { ...s.deps, config: { ...s.deps.config, logLevel: 'info' as const } };
    const app = await buildApp(deps, { logger: true, logStream: { write: (l: string) => void lines.push(l) } });
    try {
      const merchant = randomUUID();
      const order = signOrderContext('shop-secret', {
        merchantId: merchant, orderNumber: 'SBD-1', orderDate: '2026-11-10', amountBdt: 1200, paymentChannel: 'bkash',
        buyerPhone: '01812000111', iat: 1_800_000_000, exp: 1_800_086_400,
      });
      await app.inject({ method: 'GET', url: `/embed/file?merchant=${merchant}&order=${order}&lang=bn`, headers: { accept: 'text/html' }, remoteAddress: '203.0.113.77' });
      await app.inject({ method: 'GET', url: '/api/v1/merchants?q=01712345678&limit=5', remoteAddress: '203.0.113.77' });
      await app.inject({ method: 'GET', url: '/demo-shop?phone=%2B8801911222333', remoteAddress: '203.0.113.77' });
      await app.inject({ method: 'GET', url: '/t/123-456-7890?code=482193&token=abc.def', remoteAddress: '203.0.113.77' });
      const log = lines.join('');
      assert.ok(lines.length >= 8, 'each request was logged');
      for (const secret of [order, order.split('.')[0]!, '01812000111', '01712345678', '8801911222333', '482193', 'abc.def', '203.0.113.77']) {
        assert.ok(!log.includes(secret), `the log holds ${secret}`);
      }
      // What helps an operator stays: the path, the harmless parameters, that something was there.
      assert.match(log, new RegExp(`/embed/file\\?merchant=${merchant}&order=\\[redacted\\]&lang=bn`));
      assert.match(log, /\/api\/v1\/merchants\?q=\[redacted\]&limit=5/);
    } finally {
      await app.close();
    }
  });
});

describe('security headers on every route', () => {
  let s: TestService;
  let w: World;
  let as: Record<string, Record<string, string>>;
  let code: string;
  before(async () => {
    s = await makeService();
    w = await makeWorld(s.deps.db);
    const consumer = await consumerLogin(s);
    code = (await fileVia(s, consumer.auth)).trackingCode;
    as = { anonymous: {}, consumer: consumer.auth, merchant: await merchantLogin(s, w.merchantUser), officer: await officerLogin(s, w.officer) };
  });
  after(() => s.close());

  it('every operation of the OpenAPI, as each role: nosniff, HSTS, and no-store on API answers', async () => {
    const spec = (await s.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const ids: Record<string, string> = { code, merchantId: w.merchant, id: w.merchant };
    let checked = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))) {
        const url = path.replace(/\{(\w+)\}/g, (_, n: string) => ids[n] ?? randomUUID());
        for (const [role, headers] of Object.entries(as)) {
          // Reads as they are; writes with an empty body (refused or not, the answer's headers count).
          const req: InjectOptions = { method: method.toUpperCase() as InjectOptions['method'], url, headers, ...(method === 'get' || method === 'delete' ? {} : { payload: {} }) };
          if (method === 'delete') continue; // a DELETE would end the session or remove what later checks use
          const r = await s.app.inject(req);
          const what = `${method.toUpperCase()} ${path} as ${role} → ${r.statusCode}`;
          assert.equal(r.headers['x-content-type-options'], 'nosniff', what);
          assert.equal(r.headers['strict-transport-security'], HSTS, what);
          if (path.startsWith('/api/')) assert.equal(r.headers['cache-control'], 'no-store', what);
          checked += 1;
        }
      }
    }
    assert.ok(checked > 200, `${checked} answers checked`);
  });

  it('the API reference has a CSP of its own and cannot be framed', async () => {
    for (const url of ['/docs', '/docs/', '/docs/static/index.html', '/docs/json']) {
      const r = await s.app.inject({ method: 'GET', url });
      const csp = String(r.headers['content-security-policy'] ?? '');
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.match(csp, /script-src 'self'/, url);
      assert.equal(r.headers['x-frame-options'], 'DENY', url);
      assert.equal(r.headers['strict-transport-security'], HSTS, url);
    }
  });

  it('web pages and static files carry HSTS and nosniff too; a plain-http install sends no HSTS', async () => {
    const page = await s.app.inject({ method: 'GET', url: '/file', headers: { accept: 'text/html' } });
    assert.equal(page.headers['strict-transport-security'], HSTS);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    const local = await makeService({ env: { PUBLIC_URL: 'http://localhost:3000' } });
    try {
      const r = await local.app.inject({ method: 'GET', url: '/health' });
      assert.equal(r.headers['strict-transport-security'], undefined);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    } finally {
      await local.close();
    }
  });
});
