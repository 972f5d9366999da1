// Starting up: demo data only on this computer unless forced, a public install never starts with
// the demo logins working, and the start banner names where SMS and e-mail really go.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deliveryRoutes, startBanner } from '../src/banner.ts';
import { runCli } from '../src/cli/run.ts';
import { DemoDataOnPublicUrl, parseConfig } from '../src/config.ts';
import { DEMO, activeDemoLogins, loadDemoData, refuseDemoLoginsInPublic } from '../src/demo/demo.ts';
import { StartupRefused } from '../src/startup.ts';
import { type TestService, makeService, merchantLogin } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('demo data and the public address', () => {
  it('loads by default only when PUBLIC_URL is on this computer', () => {
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://[::1]:3000', 'http://nalish.localhost']) {
      assert.equal(parseConfig({ PUBLIC_URL: url }).demoData, true, url);
    }
    for (const url of ['https://nalish.example', 'http://10.0.0.5:3000', 'https://localhost.example.com']) {
      assert.equal(parseConfig({ PUBLIC_URL: url }).demoData, false, url);
    }
    assert.equal(parseConfig({ PUBLIC_URL: 'http://localhost:3000', DEMO_DATA: 'false' }).demoData, false);
  });

  it('DEMO_DATA=true on a public address is refused with the reason; DEMO_DATA=force is the explicit way', () => {
    assert.throws(
      () => parseConfig({ PUBLIC_URL: 'https://nalish.example', DEMO_DATA: 'true' }),
      (e: unknown) => e instanceof DemoDataOnPublicUrl && e instanceof StartupRefused && /passwords .* printed in the README/.test(e.message) && /DEMO_DATA=force/.test(e.message),
    );
    const forced = parseConfig({ PUBLIC_URL: 'https://nalish.example', DEMO_DATA: 'force' });
    assert.equal(forced.demoData, true);
    assert.equal(forced.demoForced, true);
  });

  it('npm start stops at once with that message, before opening anything', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PUBLIC_URL: 'https://nalish.example', DEMO_DATA: 'true', DATA_DIR: '/nonexistent/nalish-never-created', PORT: '0' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    assert.equal(code, 1, out);
    assert.match(out, /DEMO_DATA=true with PUBLIC_URL=https:\/\/nalish\.example, a public address/);
    assert.doesNotMatch(out, /Nalish is running/);
  });

  describe('a database that already has the demo logins', () => {
    let s: TestService;
    before(async () => {
      s = await makeService({ env: { DEMO_DATA: 'force' } });
      await loadDemoData(s.deps);
    });
    after(() => s.close());

    it('a public install refuses to start while they work; forced or local it starts; `demo disable-logins` switches them off', async () => {
      const withConfig = (env: Record<string, string>) => ({ ...s.deps, config: parseConfig({ DATA_DIR: s.dataDir, ...env }) });
      const session = await merchantLogin(s, DEMO.merchant);
      await assert.rejects(refuseDemoLoginsInPublic(withConfig({ PUBLIC_URL: 'https://nalish.example' })), (e: unknown) => {
        assert.ok(e instanceof StartupRefused);
        assert.match(e.message, /still has the demo logins .*officer@dncrp\.demo/);
        assert.match(e.message, /npm run nalish -- demo disable-logins/);
        return true;
      });
      await refuseDemoLoginsInPublic(withConfig({ PUBLIC_URL: 'https://nalish.example', DEMO_DATA: 'force' }));
      await refuseDemoLoginsInPublic(withConfig({ PUBLIC_URL: 'http://localhost:3000' }));

      const lines: string[] = [];
      assert.equal(await runCli(['demo', 'disable-logins'], s.deps, { out: (t) => lines.push(t), err: (t) => lines.push(t) }), 0);
      assert.match(lines.join('\n'), /switched off: .*owner@shopbd\.demo/);
      assert.deepEqual(await activeDemoLogins(s.deps.db), []);
      await refuseDemoLoginsInPublic(withConfig({ PUBLIC_URL: 'https://nalish.example' }));
      // The demo merchant can no longer sign in, and its session has ended.
      const login = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/login', payload: DEMO.merchant });
      assert.equal(login.statusCode, 401);
      assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/session', headers: session })).statusCode, 401);
    });
  });
});

describe('the start banner', () => {
  it('names the SMS gateway when one is set (without its credentials), never the development file', () => {
    const config = parseConfig({ SMS_GATEWAY_URL: 'https://user:secret@sms.example.com/api/send?key=abc', DATA_DIR: '/srv/nalish', PUBLIC_URL: 'https://nalish.example', SMTP_URL: 'smtp://u:p@mail.example.com:587' });
    const text = startBanner(config, { base: 'http://127.0.0.1:3000', seconds: 1, demoLoadedNow: false });
    assert.match(text, /SMS: +HTTP gateway https:\/\/sms\.example\.com\/api\/send/);
    assert.match(text, /e-mail: SMTP mail\.example\.com:587/);
    assert.doesNotMatch(text, /sms\.jsonl|email\.jsonl|secret|key=abc|u:p/);
  });

  it('names the development files when nothing is set, and the worker processes when WORKERS=false', () => {
    const dev = deliveryRoutes(parseConfig({ DATA_DIR: '/srv/nalish' }));
    assert.match(dev.sms, /written to \/srv\/nalish\/outbox\/sms\.jsonl/);
    assert.match(dev.email, /written to \/srv\/nalish\/outbox\/email\.jsonl/);
    const split = deliveryRoutes(parseConfig({ SMS_GATEWAY_URL: 'https://sms.example.com/send', WORKERS: 'false' }));
    assert.match(split.sms, /by the worker processes/);
    const demo = startBanner(parseConfig({ SMS_GATEWAY_URL: 'https://sms.example.com/send', PUBLIC_URL: 'http://localhost:3000' }), { base: 'http://127.0.0.1:3000', seconds: 1, demoLoadedNow: true });
    assert.match(demo, /ask for a code; it is sent through the SMS gateway/);
  });
});
