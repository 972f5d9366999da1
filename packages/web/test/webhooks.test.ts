// Webhooks in the merchant portal, with a real receiver on 127.0.0.1 that verifies signatures
// and the outbox worker running: register an endpoint (a private address is refused at the
// field; the secret is shown once), a complaint is filed and its delivery shows in the log with
// its HTTP status, a redelivery and a test event, and an endpoint Nalish switched off is
// switched on again. English on a desktop, Bengali on a phone, axe-clean.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type World, consumerLogin, fileVia, makeWorld } from '../../server/test/harness.ts';
import { type WebhookReceiver, startWebhookReceiver } from '../../server/test/support/webhookReceiver.ts';
import { sendersFromConfig } from '../../server/src/service.ts';
import { type Workers, startWorkers } from '../../server/src/workers.ts';
import { type BrowserWorld, newContext, screenshot, seriousA11yViolations, startBrowserWorld } from './browser.ts';

async function signIn(page: Page, user: { email: string; password: string }, en: boolean) {
  await page.goto('/merchant');
  await page.getByLabel(en ? 'E-mail' : 'ই-মেইল').fill(user.email);
  await page.getByLabel(en ? 'Password' : 'পাসওয়ার্ড').fill(user.password);
  await page.getByRole('button', { name: en ? 'Sign in' : 'সাইন ইন' }).click();
  await page.getByRole('heading', { level: 1, name: en ? 'Complaints' : 'অভিযোগসমূহ' }).waitFor();
}

describe('webhooks in the merchant portal', () => {
  let w: BrowserWorld;
  let world: World;
  let rx: WebhookReceiver;
  let workers: Workers;

  before(async () => {
    w = await startBrowserWorld({ env: { WEBHOOKS_ALLOW_LOOPBACK: 'true' } });
    world = await makeWorld(w.service.deps.db);
    // The browser keeps the session cookie only until its Expires date, which the service sets
    // from its clock: run the clock from the real time.
    w.service.clock.set(new Date());
    rx = await startWebhookReceiver({ now: w.service.clock.now });
    // The outbox worker, as the server runs it, every 100 ms.
    workers = startWorkers(w.service.deps, sendersFromConfig(w.service.deps.config), { intervalMs: 100 });
  });
  after(async () => {
    await workers.stop();
    await rx.close();
    await w.close();
  });

  it('English on a desktop: register an endpoint, see a delivery and its status code, redeliver, test, switch back on', async () => {
    const ctx = await newContext(w, { phone: false, locale: 'en' });
    const page = await ctx.newPage();
    await signIn(page, world.merchantUser, true);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText('No endpoints yet.').waitFor();

    // An address inside a private network is refused, said at the field in English.
    await page.getByLabel('Address (URL)').fill('https://192.168.1.20/hooks');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.locator('#m-w-url-error').getByText('A webhook address must be on the public internet', { exact: false }).waitFor();
    assert.equal(await page.getByLabel('Address (URL)').getAttribute('aria-invalid'), 'true');

    // Every event is chosen at first; leave out "A deadline is near".
    await page.getByLabel('Address (URL)').fill(rx.url);
    await page.getByLabel('A deadline is near').uncheck();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('Its signing secret is shown only now', { exact: false }).waitFor();
    const secret = await page.getByLabel('Signing secret').inputValue();
    assert.match(secret, /^whsec_/);
    rx.setSecret(secret);
    await page.getByText(`${secret.slice(0, 10)}…`).waitFor();
    await noViolations(page, 'webhooks list');
    await screenshot(page, 'merchant-webhooks-en-desktop');

    // A complaint against the shop: complaint.created reaches the receiver, signed.
    const consumer = await consumerLogin(w.service);
    const filed = await fileVia(w.service, consumer.auth);
    await page.getByRole('link', { name: `Delivery log and settings for ${rx.url}` }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Webhook endpoint' }).waitFor();
    const log = page.getByRole('list', { name: 'Delivery log' });
    const created = log.getByRole('listitem').filter({ hasText: filed.trackingCode });
    await created.getByText(/^Attempt 1, .*: HTTP 200 \(/).waitFor();
    await created.getByText(/^Delivered /).waitFor();
    const eventId = (await created.locator('code').first().textContent())!;
    assert.match(eventId, /^evt_\d+$/);
    assert.deepEqual(
      rx.processed.map((r) => [r.eventId, r.type, r.verification.ok]),
      [[eventId, 'complaint.created', true]],
    );
    await noViolations(page, 'endpoint page');

    // Send it again: the same event id, a second attempt in the log; the receiver knows the id.
    await created.getByRole('button', { name: `Send ${eventId} again` }).click();
    await page.getByText(`${eventId} will be sent again with the same event id.`).waitFor();
    await created.getByText(/^Attempt 2, .*: HTTP 200 \(/).waitFor();
    assert.deepEqual(rx.duplicates.map((r) => r.eventId), [eventId]);

    // A test event.
    await page.getByRole('button', { name: 'Send a test event' }).click();
    const test = log.getByRole('listitem').filter({ hasText: 'Test event' });
    await test.getByText(/^Attempt 1, .*: HTTP 200 \(/).waitFor();
    assert.equal(rx.processed.at(-1)!.type, 'ping');
    await screenshot(page, 'merchant-webhook-log-en-desktop');

    // Nalish switched the endpoint off after a day of failures: the page says so and it can be
    // switched on again.
    const now = w.service.clock.now();
    await w.service.deps.db.query(
      `UPDATE webhook_endpoints SET enabled = false, disabled_at = $1, disabled_reason = 'failing', consecutive_failures = 8, failing_since = $2`,
      [now, new Date(now.getTime() - 26 * 3600_000)],
    );
    await page.reload();
    await page.getByText('Nalish switched this endpoint off on', { exact: false }).waitFor();
    assert.equal(await page.getByRole('button', { name: `Send ${eventId} again` }).count(), 0);
    await noViolations(page, 'disabled endpoint');
    await page.getByRole('button', { name: 'Switch the endpoint on again' }).click();
    await page.getByText('The endpoint is on again.').waitFor();
    await page.getByRole('button', { name: 'Send a test event' }).waitFor();
    const [row] = await w.service.deps.db.query<{ enabled: boolean; consecutive_failures: number }>('SELECT enabled, consecutive_failures FROM webhook_endpoints');
    assert.deepEqual(row, { enabled: true, consecutive_failures: 0 });
    await ctx.close();
  });

  it('Bengali on a phone: the page and its errors in Bengali, status codes in Bengali digits', async () => {
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await signIn(page, world.merchantUser, false);
    await page.getByRole('link', { name: 'ওয়েবহুক' }).click();
    await page.getByRole('heading', { level: 1, name: 'ওয়েবহুক' }).waitFor();
    await page.getByLabel('ঠিকানা (URL)').fill('http://shop.example.com/hooks');
    await page.getByRole('button', { name: 'এন্ডপয়েন্ট যোগ করুন' }).click();
    await page.locator('#m-w-url-error').getByText('ওয়েবহুকের ঠিকানা https:// দিয়ে শুরু হতে হবে', { exact: false }).waitFor();
    await noViolations(page, 'webhooks list (bn)');
    await page.getByRole('link', { name: `${rx.url} এর ডেলিভারি লগ ও সেটিংস` }).click();
    await page.getByRole('heading', { level: 1, name: 'ওয়েবহুক এন্ডপয়েন্ট' }).waitFor();
    await page.getByText(/^চেষ্টা ১, .*: HTTP ২০০ \(/).first().waitFor();
    await noViolations(page, 'endpoint page (bn)');
    await screenshot(page, 'merchant-webhook-log-bn-phone');
    await ctx.close();
  });
});

async function noViolations(page: Page, where: string) {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe: ${where}`);
}
