// The app shell in a real browser: Bengali by default, English on request and remembered,
// served by the API server itself, accessible, and installable (it opens offline).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BrowserWorld, newContext, screenshot, seriousA11yViolations, startBrowserWorld } from './browser.ts';
import { BN, EN, heading } from './consumerSupport.ts';

describe('web app shell', () => {
  let w: BrowserWorld;
  before(async () => {
    w = await startBrowserWorld();
  });
  after(() => w.close());

  it('opens in Bengali, switches to English and remembers it', async () => {
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'অনলাইন অর্ডারে সমস্যা হয়েছে?' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'bn');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await screenshot(page, 'home-bn-phone');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Had a problem with an online order?' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Had a problem with an online order?' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await ctx.close();
  });

  it('the help page, linked from the header: how Nalish works, the regulator, the hotline 16121, and how to spot a scam (Bengali and English)', async () => {
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto('/');
    await page.getByRole('banner').getByRole('link', { name: BN['nav.help'], exact: true }).click();
    await heading(page, BN['consumer.help.title']);
    await page.getByRole('heading', { level: 2, name: BN['consumer.help.regulator'] }).waitFor();
    const call = page.getByRole('link', { name: BN['consumer.help.call'].replace('{number}', '১৬১২১') });
    assert.equal(await call.getAttribute('href'), 'tel:16121');
    await page.getByText(BN['consumer.help.scam1']).waitFor();
    await page.getByText(BN['consumer.help.scam2']).waitFor();
    // The numbers are the flow's own: the seller's working days and the 30-day limit.
    await page.getByText(BN['consumer.help.how2'].replace('{days}', '৩')).waitFor();
    await page.getByText(BN['consumer.help.cannot1'].replace('{days}', '৩০')).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await screenshot(page, 'help-bn-phone');
    await page.getByRole('button', { name: 'English' }).click();
    await heading(page, EN['consumer.help.title']);
    assert.equal(await page.getByRole('link', { name: EN['consumer.help.call'].replace('{number}', '16121') }).getAttribute('href'), 'tel:16121');
    await page.getByText(EN['consumer.help.scam1']).waitFor();
    await ctx.close();
  });

  it('serves app pages at their own address (the SMS tracking link) and JSON 404s under /api', async () => {
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    const res = await page.goto('/t/482-193-5706');
    assert.equal(res?.status(), 200);
    assert.match((await res?.headerValue('content-type')) ?? '', /text\/html/);
    const api = await page.request.get('/api/v1/nothing-here');
    assert.equal(api.status(), 404);
    assert.equal((await api.json()).error.code, 'not_found');
    await ctx.close();
  });

  it('installable: the service worker keeps the shell, so the app opens offline', async () => {
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto('/');
    await heading(page, 'অনলাইন অর্ডারে সমস্যা হয়েছে?');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const manifest = await page.request.get('/manifest.webmanifest');
    assert.equal(manifest.status(), 200);
    await ctx.setOffline(true);
    await page.goto('/file');
    await heading(page, BN['consumer.step.phone']);
    await page.getByLabel(BN['consumer.otp.phone'], { exact: true }).waitFor();
    await ctx.setOffline(false);
    await ctx.close();
  });
});
