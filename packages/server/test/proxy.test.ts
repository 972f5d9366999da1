// Behind a reverse proxy (TRUST_PROXY): every per-address limit counts the real client, not the
// proxy; a client cannot pick its address with its own X-Forwarded-For; and the cross-site check
// compares scheme, host and port with what the proxy says the request came in on.
import assert from 'node:assert/strict';
import { type IncomingHttpHeaders, type Server, createServer, request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { StartupRefused } from '../src/startup.ts';
import { parseConfig, parseTrustProxy } from '../src/config.ts';
import { type TestService, consumerLogin, makeService, newPhone } from './harness.ts';

/** A reverse proxy as nginx is set up in the README: it appends the address the request came
 *  from to X-Forwarded-For and says the request arrived over https. */
function startProxy(targetPort: number): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const forwarded = req.headers['x-forwarded-for'];
    const headers: IncomingHttpHeaders = {
      ...req.headers,
      'x-forwarded-for': `${forwarded ? `${String(forwarded)}, ` : ''}${req.socket.remoteAddress}`,
      'x-forwarded-proto': 'https',
      'x-forwarded-host': req.headers.host,
    };
    const up = request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as { port: number }).port, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

/** One HTTP request to the proxy from a given loopback address (each is another "client"). */
function send(port: number, from: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      { host: '127.0.0.1', port, localAddress: from, method, path, headers: { ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}), ...headers } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('TRUST_PROXY', () => {
  it('takes a hop count or proxy addresses and ranges; refuses "true" and anything else', () => {
    assert.equal(parseConfig({}).trustProxy, false);
    assert.equal(parseConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.deepEqual(parseConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).trustProxy, ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
    for (const bad of ['true', 'nginx', '10.0.0.0/33', '10.0.0.1/8/2', '300.1.1.1']) {
      assert.throws(() => parseTrustProxy(bad), (e: unknown) => e instanceof StartupRefused && /is not a proxy address/.test(e.message), bad);
    }
  });

  describe('through a proxy hop', () => {
    let s: TestService;
    let proxy: { port: number; close: () => Promise<void> };
    before(async () => {
      s = await makeService({ env: { TRUST_PROXY: '127.0.0.1', OTP_PER_IP_PER_HOUR: '3' } });
      await s.app.listen({ port: 0, host: '127.0.0.1' });
      proxy = await startProxy((s.app.server.address() as { port: number }).port);
    });
    after(async () => {
      await proxy.close();
      await s.close();
    });

    const otp = (from: string, headers: Record<string, string> = {}) => send(proxy.port, from, 'POST', '/api/v1/otp', headers, { phone: newPhone() });

    it('the per-address OTP limit counts each client, not the proxy; a forged X-Forwarded-For changes nothing', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await otp('127.0.0.2')).status, 202);
      const fourth = await otp('127.0.0.2');
      assert.equal(fourth.status, 429);
      assert.equal(fourth.json.error.code, 'rate_limited');
      // The client claims to be someone else: the proxy appends its real address, which counts.
      assert.equal((await otp('127.0.0.2', { 'x-forwarded-for': '203.0.113.9' })).status, 429);
      // Another client behind the same proxy is not shut out.
      assert.equal((await otp('127.0.0.3')).status, 202);
      const ips = await s.deps.db.query<{ ip: string }>('SELECT DISTINCT ip FROM otp_challenges ORDER BY ip');
      assert.deepEqual(ips.map((r) => r.ip), ['127.0.0.2', '127.0.0.3']);
    });

    it('a cookie POST must come from our origin as the proxy received it: scheme, host and port', async () => {
      const login = await consumerLogin(s);
      const cookie = `nalish_session=${login.auth.authorization!.slice('Bearer '.length)}`;
      const post = (host: string, origin: string) => send(proxy.port, '127.0.0.4', 'POST', '/api/v1/complaints', { cookie, host, origin }, {});
      // Past the origin check, the empty body is refused as invalid (400); before it, 403 csrf.
      assert.equal((await post('alt.nalish.test', 'https://alt.nalish.test')).status, 400);
      assert.equal((await post('nalish.test', 'https://nalish.test')).status, 400);
      for (const [host, origin] of [
        ['alt.nalish.test', 'http://alt.nalish.test'],
        ['nalish.test', 'http://nalish.test'],
        ['alt.nalish.test', 'https://alt.nalish.test:8443'],
        ['alt.nalish.test:8443', 'http://alt.nalish.test:8443'],
      ] as const) {
        const r = await post(host, origin);
        assert.equal(r.status, 403, `${host} ← ${origin}`);
        assert.equal(r.json.error.code, 'csrf');
      }
    });
  });

  it('without TRUST_PROXY a client’s X-Forwarded-For is not believed', async () => {
    const s = await makeService({ env: { OTP_PER_IP_PER_HOUR: '1' } });
    try {
      const r1 = await s.app.inject({ method: 'POST', url: '/api/v1/otp', remoteAddress: '198.51.100.7', headers: { 'x-forwarded-for': '203.0.113.1' }, payload: { phone: newPhone() } });
      assert.equal(r1.statusCode, 202);
      const r2 = await s.app.inject({ method: 'POST', url: '/api/v1/otp', remoteAddress: '198.51.100.7', headers: { 'x-forwarded-for': '203.0.113.2' }, payload: { phone: newPhone() } });
      assert.equal(r2.statusCode, 429);
    } finally {
      await s.close();
    }
  });
});
