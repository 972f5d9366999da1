// The trust badge and the widget's page in the merchant portal in a real browser: the badge
// verifies on the merchant's site and says "not verified" on another (the image too); the
// portal shows the snippets with the merchant's id and an owner replaces the signing secret,
// shown once; the loader leaves no global but window.Nalish and its shadow roots are closed.
// (Moved here from widget.test.ts, which keeps the overlay and filing through it.) The tests
// open the loader's shadow roots to look inside, except the last, which checks they are closed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { t as domainT } from '@nalish/domain';
import type { Page } from 'playwright-core';
import { DEMO } from '../../server/src/demo/demo.ts';
import { signingSecretFor } from '../../server/src/widget/signingSecrets.ts';
import { merchantEn } from '../src/i18n/merchant.en.ts';
import { widgetEn } from '../src/i18n/widget.en.ts';
import { type BrowserWorld, screenshot } from './browser.ts';
import { type WidgetWorld, badgePage as badgePageOf, embedFrame, hostilePage as hostilePageOf, seriousViolations, startWidgetWorld, testContext } from './widgetSupport.ts';

describe('the widget’s badge, portal page and loader in the browser', () => {
  let world: WidgetWorld;
  let w: BrowserWorld;
  let merchantId: string;
  let secret: string;
  let otherPort: number;
  let copycatPort: number;
  let pages: Map<string, string>;

  before(async () => {
    world = await startWidgetWorld();
    ({ w, merchantId, secret, otherPort, copycatPort, pages } = world);
  });
  after(() => world.close());

  const hostilePage = (opts: { token?: string } = {}) => hostilePageOf(world, opts);
  const badgePage = () => badgePageOf(world);

  it('the trust badge: the record on the merchant’s site, "not verified" on another; the image too', async () => {
    pages.set('/badge', badgePage());
    const ctx = await testContext(w, { phone: false, locale: 'en' });
    const page = await ctx.newPage();
    const svgOn = (p: Page) => p.waitForResponse((r) => r.url().includes('/badge/') && r.url().includes('.svg'));

    let svg = svgOn(page);
    await page.goto(`http://127.0.0.2:${otherPort}/badge`);
    const link = page.getByRole('link', { name: /Registered seller/ });
    await link.getByText(domainT('en', 'badge.verifiedFor', { site: '127.0.0.2' })).waitFor();
    await link.getByText(/complaints in the last 12 months/).waitFor();
    assert.equal(await link.getAttribute('href'), `${w.baseUrl}/sellers/${merchantId}`);
    assert.match(await (await svg).text(), /Verified for 127\.0\.0\.2/);
    await screenshot(page, 'widget-badge-verified-en-desktop');

    // The same snippet copied onto another site (localhost is not the merchant's).
    svg = svgOn(page);
    await page.goto(`http://localhost:${copycatPort}/badge`);
    const copied = page.getByRole('link', { name: /Not verified for this site/ });
    await copied.getByText(domainT('en', 'badge.notVerifiedLead')).waitFor();
    assert.equal(await copied.getByText(/complaints in the last 12 months|Registered seller|Trade licence/).count(), 0);
    const body = await (await svg).text();
    assert.match(body, /Not verified for this site/);
    assert.doesNotMatch(body, /complaints in the last 12 months/);
    await screenshot(page, 'widget-badge-not-verified-en-desktop');
    await ctx.close();
  });

  it('on a site the merchant did not register, the overlay says so in the page’s language and opens Nalish in a new tab (no broken frame)', async () => {
    const shop = (lang: 'bn' | 'en') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Copied shop</title></head>
<body><h1>Copied shop</h1><script src="${w.baseUrl}/widget.js" data-merchant="${merchantId}" async></script></body></html>`;
    pages.set('/copied-bn', shop('bn'));
    pages.set('/copied-en', shop('en'));
    for (const lang of ['bn', 'en'] as const) {
      const ctx = await testContext(w, { locale: lang });
      const page = await ctx.newPage();
      await page.goto(`http://localhost:${copycatPort}/copied-${lang}`);
      await page.locator('nalish-button button').click();
      const dialog = page.getByRole('dialog', { name: domainT(lang, 'widget.dialog') });
      await dialog.getByText(domainT(lang, 'widget.notHere')).waitFor();
      const link = dialog.getByRole('link', { name: domainT(lang, 'widget.openNalish') });
      assert.equal(await link.getAttribute('href'), `${w.baseUrl}/file`);
      assert.equal(await link.getAttribute('target'), '_blank');
      assert.equal(await link.getAttribute('rel'), 'noopener');
      // No frame the browser would refuse (its broken-page icon), and the message is axe-clean.
      assert.equal(await dialog.locator('iframe').count(), 0);
      assert.deepEqual(await seriousViolations(page), []);
      if (lang === 'bn') await screenshot(page, 'widget-not-registered-site-bn-phone');
      // The link opens Nalish's filing page in a new tab.
      const [tab] = await Promise.all([ctx.waitForEvent('page'), link.click()]);
      await tab!.waitForURL(`${w.baseUrl}/file`);
      await ctx.close();
    }
    // On the merchant's own site the same loader still opens the form.
    pages.set('/own-bn', shop('bn'));
    const ctx = await testContext(w, { locale: 'bn' });
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.2:${otherPort}/own-bn`);
    await page.locator('nalish-button button').click();
    await embedFrame(page);
    assert.equal(await page.getByText(domainT('bn', 'widget.notHere')).count(), 0);
    await ctx.close();
  });

  // It replaces the demo merchant's signing secret (the overlay tests that sign order contexts
  // with it run in widget.test.ts, in a world of their own).
  it('the merchant portal: the snippets with the merchant’s id, and an owner replaces the signing secret, shown once', async () => {
    const ctx = await testContext(w, { phone: false, locale: 'en' });
    const page = await ctx.newPage();
    await page.goto('/merchant');
    await page.getByLabel(merchantEn['merchant.signIn.email']).fill(DEMO.merchant.email);
    await page.getByLabel('Password').fill(DEMO.merchant.password);
    await page.getByRole('button', { name: merchantEn['merchant.signIn.submit'] }).click();
    await page.getByRole('link', { name: widgetEn['merchant.nav.widget'] }).click();
    await page.getByRole('heading', { level: 1, name: widgetEn['merchant.widget.title'] }).waitFor();
    const snippet = await page.getByRole('textbox', { name: widgetEn['merchant.widget.code'].replace('{what}', widgetEn['merchant.widget.button'].toLowerCase()) }).inputValue();
    assert.equal(snippet, `<script src="${w.baseUrl}/widget.js" data-merchant="${merchantId}" async></script>`);
    await page.getByText(/127\.0\.0\.1, 127\.0\.0\.2, shopbd\.demo/).waitFor();
    await page.getByText(widgetEn['merchant.widget.secretActive'].split(':')[0]!).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe: the widget page');
    await page.getByRole('button', { name: widgetEn['merchant.widget.rotate'] }).click();
    await page.getByText(widgetEn['merchant.widget.rotateConfirm']).waitFor();
    await page.getByRole('button', { name: widgetEn['merchant.widget.rotateYes'] }).click();
    const shown = page.getByLabel(widgetEn['merchant.widget.theSecret'], { exact: true });
    await shown.waitFor();
    const fresh = await shown.inputValue();
    assert.match(fresh, /^nss_/);
    assert.notEqual(fresh, secret);
    assert.equal(await signingSecretFor(w.service.deps.db, w.service.deps.secret, merchantId), fresh);
    await page.getByText(new RegExp(`${fresh.slice(0, 10)}…`)).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe: the new secret shown');
    await screenshot(page, 'widget-merchant-portal-en-desktop');
    // Shown once: after a reload only its first characters are.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: widgetEn['merchant.widget.title'] }).waitFor();
    await page.getByText(new RegExp(`${fresh.slice(0, 10)}…`)).waitFor();
    assert.equal(await page.getByLabel(widgetEn['merchant.widget.theSecret'], { exact: true }).count(), 0);
    assert.equal(await page.evaluate((f) => document.body.innerHTML.includes(f), fresh), false);
    await ctx.close();
  });

  it('the loader adds no global but window.Nalish, and its shadow roots are closed to the page', async () => {
    const ctx = await testContext(w, { closed: true, phone: false, locale: 'en' });
    await ctx.addInitScript(() => {
      (window as unknown as { __before: string[] }).__before = Object.getOwnPropertyNames(window);
    });
    const page = await ctx.newPage();
    pages.set('/plain', hostilePage().replace(/<style>[\s\S]*<\/style>/, ''));
    await page.goto(`http://127.0.0.2:${otherPort}/plain`);
    await page.waitForFunction(() => document.querySelector('nalish-button') !== null);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('nalish-overlay')?.hasAttribute('data-open'));
    const seen = await page.evaluate(() => {
      const before = new Set((window as unknown as { __before: string[] }).__before);
      return {
        added: Object.getOwnPropertyNames(window).filter((k) => !before.has(k) && k !== '__before'),
        buttonRoot: document.querySelector('nalish-button')?.shadowRoot ?? null,
        overlayRoot: document.querySelector('nalish-overlay')?.shadowRoot ?? null,
        frames: document.querySelectorAll('iframe').length,
        api: typeof (window as unknown as { Nalish?: { open?: unknown } }).Nalish?.open,
      };
    });
    assert.deepEqual(seen, { added: ['Nalish'], buttonRoot: null, overlayRoot: null, frames: 0, api: 'function' });
    // The page can still open it for an order of its own through the one global.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('nalish-overlay')?.hasAttribute('data-open'));
    await page.evaluate(() => (window as unknown as { Nalish: { open(o: object): void } }).Nalish.open({ order: 'e30.x' }));
    await page.waitForFunction(() => document.querySelector('nalish-overlay')?.hasAttribute('data-open'));
    await embedFrame(page, 'order=e30.x');
    await ctx.close();
  });
});
