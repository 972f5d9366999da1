// The widget in a real browser: on the demo shop a consumer files a signed-order complaint
// through the overlay and the merchant's inbox shows it "order confirmed by the merchant"; on
// a page with hostile global CSS, served from another origin, the button and the overlay are
// still visible, correctly sized, on top and usable with the keyboard alone, and the session
// works inside the third-party frame; the trust badge verifies on the merchant's site and says
// "not verified" on another; the loader leaves no global but window.Nalish and its shadow
// root is closed; axe-core finds no serious violation in the overlay.
//
// The tests open the loader's shadow roots (an init script turns attachShadow's mode to
// "open") only so Playwright and axe can look inside; styles and behaviour are the same. One
// test runs without it and checks the roots really are closed.
import assert from 'node:assert/strict';
import { type Server, createServer } from 'node:http';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { t as domainT } from '@nalish/domain';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { e164, lastOtp, newPhone } from '../../server/test/harness.ts';
import { DEMO, addDemoShopHosts, loadDemoData } from '../../server/src/demo.ts';
import { createSession } from '../../server/src/auth/sessions.ts';
import { signOrderContext } from '../../server/src/widget/orderContext.ts';
import { signingSecretFor } from '../../server/src/widget/signingSecrets.ts';
import { commonBn } from '../src/i18n/common.bn.ts';
import { commonEn } from '../src/i18n/common.en.ts';
import { consumerBn } from '../src/i18n/consumer.bn.ts';
import { consumerEn } from '../src/i18n/consumer.en.ts';
import { merchantEn } from '../src/i18n/merchant.en.ts';
import { widgetBn } from '../src/i18n/widget.bn.ts';
import { widgetEn } from '../src/i18n/widget.en.ts';
import { type BrowserWorld, DESKTOP, SCREENSHOTS, newContext, screenshot, startBrowserWorld } from './browser.ts';

const BN = { ...commonBn, ...consumerBn, ...widgetBn };
const EN = { ...commonEn, ...consumerEn, ...widgetEn };
type Cat = typeof BN;
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

function openShadowRoots(): void {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    return attach.call(this, { ...init, mode: 'open' });
  };
}

async function testContext(w: BrowserWorld, opts: { phone?: boolean; locale?: 'bn' | 'en'; closed?: boolean } = {}): Promise<BrowserContext> {
  const ctx = await newContext(w, opts);
  if (!opts.closed) await ctx.addInitScript(openShadowRoots);
  return ctx;
}

/** The Nalish frame inside the overlay (optionally the one whose address has `part`), once it exists. */
async function embedFrame(page: Page, part = '/embed/file'): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const f = page.frames().find((x) => x.url().includes(part));
    if (f) return f;
    await page.waitForTimeout(50);
  }
  throw new Error('the overlay has no Nalish frame');
}

async function heading(frame: Frame | Page, text: string) {
  await frame.getByRole('heading', { level: 1, name: text }).waitFor();
}

/** Serious and critical axe violations in a page or a frame (each document checked on its own). */
async function seriousViolations(target: Page | Frame): Promise<string[]> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.addScriptTag({ content: axeSource });
  const r = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'], iframes: false });
  });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** The overlay as the screen shows it (a full-page picture would stretch the page behind it). */
async function viewportShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

/** What the page itself sees focused (a shadow host stands for everything inside it). */
const activeTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? '');

describe('the widget in the browser', () => {
  let w: BrowserWorld;
  let merchantId: string;
  let secret: string;
  let other: Server;
  let otherPort: number;
  let copycat: Server;
  let copycatPort: number;
  const pages = new Map<string, string>();

  before(async () => {
    // The test service's PUBLIC_URL is a public address: the demo shop only when forced.
    w = await startBrowserWorld({ env: { DEMO_DATA: 'force' } });
    // The browser's clock is the real one (its cookies expire by it, its forms check dates by
    // it): the server's clock agrees with it here.
    w.service.clock.set(new Date());
    await loadDemoData(w.service.deps);
    // The demo shop is served here on 127.0.0.1; the "shop with hostile CSS" is another site on 127.0.0.2.
    await addDemoShopHosts(w.service.deps, ['127.0.0.1', '127.0.0.2']);
    const [m] = await w.service.deps.db.query<{ merchant_id: string }>('SELECT merchant_id FROM merchant_users WHERE email = $1', [DEMO.merchant.email]);
    merchantId = m!.merchant_id;
    secret = (await signingSecretFor(w.service.deps.db, w.service.deps.secret, merchantId))!;
    other = createServer((req, res) => {
      const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
      res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.2', resolve));
    otherPort = (other.address() as { port: number }).port;
    // Another shop that copied the snippet: reached as http://localhost, not a website of the merchant's.
    copycat = createServer(other.listeners('request')[0] as Parameters<typeof createServer>[1]);
    await new Promise<void>((resolve) => copycat.listen(0, '127.0.0.1', resolve));
    copycatPort = (copycat.address() as { port: number }).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => other.close(() => resolve()));
    await new Promise<void>((resolve) => copycat.close(() => resolve()));
    await w.close();
  });

  /** A shop page on another site whose CSS does its worst to everything around it. */
  function hostilePage(opts: { token?: string } = {}): string {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hostile shop</title>
<style>
  * { all: unset; font-size: 0 !important; line-height: 0 !important; box-sizing: content-box !important; }
  html { font-size: 2px !important; zoom: 1; }
  html, body, main, h1, p, a, section { display: block; }
  h1, p, a { font-size: 18px !important; line-height: 1.4 !important; color: #333 !important; }
  div, span, iframe, [role="dialog"], dialog { display: none !important; }
  button { display: inline-block !important; width: 1px !important; height: 1px !important; overflow: hidden !important; visibility: hidden !important; background: red !important; }
  nalish-button, nalish-overlay, nalish-badge, *:not(html):not(body):not(main):not(h1):not(p):not(a):not(section) { opacity: 0 !important; transform: scale(0) !important; display: none !important; }
  *:focus { outline: none !important; }
  section.cover { position: fixed !important; right: 0 !important; bottom: 0 !important; width: 60vw !important; height: 60vh !important; z-index: 2147483647 !important; background: rgba(200, 0, 0, .25) !important; }
</style></head><body><main>
  <h1>Hostile shop</h1>
  <p><a href="#one" id="first-link">A link before the widget</a></p>
  <p>Every rule here tries to hide, shrink or cover the widget.</p>
  <section class="cover"></section>
</main>
<script src="${w.baseUrl}/widget.js" data-merchant="${merchantId}"${opts.token ? ` data-order="${opts.token}"` : ''} async></script>
</body></html>`;
  }

  function badgePage(): string {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Badge</title></head><body>
<h1>Shop</h1><script src="${w.baseUrl}/badge.js" data-merchant="${merchantId}" async></script>
<p><a href="${w.baseUrl}/sellers/${merchantId}"><img id="svg-badge" src="${w.baseUrl}/badge/${merchantId}.svg?lang=en" alt="${domainT('en', 'badge.profile', { name: 'ShopBD' })}"></a></p>
</body></html>`;
  }

  const next = (f: Frame, c: Cat) => f.getByRole('button', { name: c['common.next'], exact: true }).click();

  it('on the demo shop: the overlay opens, a consumer files the signed order, the merchant sees it "order confirmed"; axe-clean', async () => {
    const c = BN;
    const ctx = await testContext(w);
    const page = await ctx.newPage();
    const local = newPhone();
    await page.goto(`/demo-shop?phone=${local}`);
    // The widget took over the shop's own button.
    const trigger = page.locator('#complain[aria-haspopup="dialog"]');
    await trigger.waitFor();
    await page.getByText(domainT('bn', 'badge.verifiedFor', { site: '127.0.0.1' })).waitFor();
    await screenshot(page, 'widget-demo-shop-bn-phone');
    const orderNumber = (await page.locator('[data-order-number]').textContent())!;

    await trigger.click();
    const dialog = page.getByRole('dialog', { name: domainT('bn', 'widget.dialog') });
    await dialog.waitFor();
    const frame = await embedFrame(page);
    await heading(frame, c['consumer.step.phone']);
    // The number the shop signed for is filled in, in Bengali digits.
    assert.equal(await frame.getByLabel(c['consumer.otp.phone'], { exact: true }).inputValue(), local.replace(/\d/g, (d) => String.fromCharCode(0x09e6 + Number(d))));
    assert.deepEqual(await seriousViolations(page), [], 'axe: the overlay on the shop page');
    assert.deepEqual(await seriousViolations(frame), [], 'axe: the form in the overlay');
    await viewportShot(page, 'widget-demo-shop-overlay-bn-phone');

    await frame.getByRole('button', { name: c['consumer.otp.send'], exact: true }).click();
    const codeField = frame.getByLabel(c['consumer.otp.code'], { exact: true });
    await codeField.waitFor();
    await codeField.fill(await lastOtp(w.service.deps.db, e164(local)));
    await frame.getByRole('button', { name: c['consumer.otp.verify'], exact: true }).click();

    await heading(frame, c['consumer.step.merchant']);
    await frame.getByText(c['consumer.merchant.chosen'].replace('{name}', 'ShopBD')).waitFor();
    assert.equal(await frame.getByRole('button', { name: c['consumer.merchant.change'] }).count(), 0, 'the shop is the seller; it cannot be changed');
    await next(frame, c);

    await heading(frame, c['consumer.step.order']);
    await frame.getByText(c['consumer.embed.orderFromShop']).waitFor();
    const number = frame.getByLabel(c['consumer.order.number'], { exact: true });
    assert.equal(await number.inputValue(), orderNumber);
    assert.equal(await number.getAttribute('readonly'), '');
    assert.equal(await frame.getByLabel(c['consumer.order.amount'], { exact: true }).inputValue(), '২৪৫০');
    assert.ok(await frame.getByLabel(c['consumer.order.channel'], { exact: true }).isDisabled());
    const orderDate = await frame.getByLabel(c['consumer.order.date'], { exact: true }).inputValue();
    await frame.getByLabel(c['consumer.order.category'], { exact: true }).selectOption('not_delivered');
    await frame.getByLabel(c['consumer.order.remedy'], { exact: true }).selectOption('refund');
    assert.deepEqual(await seriousViolations(frame), [], 'axe: the signed order in the overlay');
    await viewportShot(page, 'widget-demo-shop-overlay-order-bn-phone');
    await next(frame, c);

    // The questions for the policy checks are optional: the consumer may go on without them.
    await heading(frame, c['consumer.step.facts']);
    await next(frame, c);

    await heading(frame, c['consumer.step.prechecks']);
    await frame.getByLabel(c['consumer.pre.yes'], { exact: true }).check();
    await frame.getByLabel(c['consumer.pre.contactedOn'], { exact: true }).fill(orderDate);
    await frame.getByLabel(c['consumer.pre.problemDate'], { exact: true }).fill(orderDate);
    await next(frame, c);

    await heading(frame, c['consumer.step.about']);
    await frame.getByLabel(c['consumer.about.description'], { exact: true }).fill('অর্ডার করা ইয়ারবাড এক সপ্তাহেও আসেনি, দোকান ফোন ধরছে না।');
    await frame.getByLabel(c['consumer.about.name'], { exact: true }).fill('রহিম উদ্দিন');
    await frame.getByLabel(c['consumer.about.district'], { exact: true }).selectOption('dhaka');
    await next(frame, c);
    await heading(frame, c['consumer.step.evidence']);
    await next(frame, c);
    await heading(frame, c['consumer.step.review']);
    await frame.getByRole('button', { name: c['consumer.review.send'], exact: true }).click();

    await heading(frame, c['consumer.step.done']);
    const code = (await frame.locator('.big-code').getAttribute('data-code'))!;
    const [row] = await w.service.deps.db.query<{ order_confirmed: boolean; order_number: string }>('SELECT order_confirmed, order_number FROM complaints WHERE tracking_code = $1', [code]);
    assert.deepEqual(row, { order_confirmed: true, order_number: orderNumber });
    // Nothing of the consumer's reached the shop's page: not the code in its DOM, no session cookie.
    assert.equal(await page.evaluate((c) => document.documentElement.outerHTML.includes(c), code), false);
    assert.deepEqual(await ctx.cookies(w.baseUrl), []);

    // "Close" returns to the shop, focus back on its button.
    await frame.getByRole('button', { name: c['consumer.embed.close'], exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.id === 'complain');
    await ctx.close();

    // The merchant's inbox: the complaint, marked confirmed.
    const mctx = await testContext(w, { phone: false, locale: 'en' });
    const m = await mctx.newPage();
    await m.goto('/merchant');
    await m.getByLabel(merchantEn['merchant.signIn.email']).fill(DEMO.merchant.email);
    await m.getByLabel('Password').fill(DEMO.merchant.password);
    await m.getByRole('button', { name: merchantEn['merchant.signIn.submit'] }).click();
    await m.getByRole('heading', { level: 1, name: merchantEn['merchant.inbox.title'] }).waitFor();
    const card = m.locator('li.m-item').filter({ hasText: code });
    await card.getByTestId('order-confirmed').filter({ hasText: domainT('en', 'complaint.orderConfirmed') }).waitFor();
    // Only the signed one is marked: the demo's earlier complaint is not.
    assert.equal(await m.locator('li.m-item').filter({ hasText: 'SBD-10021' }).getByTestId('order-confirmed').count(), 0);
    await screenshot(m, 'widget-merchant-inbox-confirmed-en-desktop');
    await m.getByRole('link', { name: merchantEn['merchant.inbox.complaint'].replace('{code}', code) }).click();
    await m.getByTestId('order-confirmed').waitFor();
    await mctx.close();

    // The consumer's tracking page on Nalish says so too.
    const tctx = await testContext(w);
    const session = await createSession(w.service.deps, 'consumer', e164(local));
    await tctx.addCookies([{ name: 'nalish_session', value: session.token, url: w.baseUrl }]);
    const tp = await tctx.newPage();
    await tp.goto(`/t/${code}`);
    await tp.getByTestId('order-confirmed').filter({ hasText: domainT('bn', 'complaint.orderConfirmed') }).waitFor();
    await tctx.close();
  });

  it('on a desktop in English the overlay is a centred dialog over the shop', async () => {
    const ctx = await testContext(w, { phone: false, locale: 'en' });
    const page = await ctx.newPage();
    await page.goto('/demo-shop?lang=en');
    await page.locator('#complain[aria-haspopup="dialog"]').click();
    const dialog = page.getByRole('dialog', { name: domainT('en', 'widget.dialog') });
    await dialog.waitFor();
    await heading(await embedFrame(page), EN['consumer.step.phone']);
    const box = (await dialog.boundingBox())!;
    assert.ok(box.width >= 480 && box.width <= 560, `dialog width ${box.width}`);
    assert.ok(Math.abs(box.x + box.width / 2 - DESKTOP.width / 2) <= 2, 'centred');
    assert.ok(box.height >= 600, `dialog height ${box.height}`);
    await viewportShot(page, 'widget-demo-shop-overlay-en-desktop');
    await ctx.close();
  });

  it('on a page with hostile global CSS: the button and overlay are visible, sized and on top; the keyboard alone works', async () => {
    pages.set('/hostile', hostilePage());
    const ctx = await testContext(w, { phone: false, locale: 'en' });
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.2:${otherPort}/hostile`);
    const button = page.getByRole('button', { name: domainT('en', 'widget.button') });
    await button.waitFor();
    const b = (await button.boundingBox())!;
    assert.ok(b.width >= 100 && b.height >= 44, `button ${b.width}×${b.height}`);
    assert.ok(b.x + b.width <= DESKTOP.width && b.y + b.height <= DESKTOP.height, 'inside the viewport');
    const style = await button.evaluate((el) => {
      const s = getComputedStyle(el);
      return { fontSize: s.fontSize, opacity: s.opacity, visibility: s.visibility, color: s.color, background: s.backgroundColor };
    });
    assert.deepEqual(style, { fontSize: '16px', opacity: '1', visibility: 'visible', color: 'rgb(255, 255, 255)', background: 'rgb(11, 110, 79)' });
    // On top of the page's full-z-index cover: the point under the button is the widget's.
    assert.equal(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), { x: b.x + b.width / 2, y: b.y + b.height / 2 }), 'nalish-button');

    // Keyboard only: Tab from the top reaches the button, Enter opens, focus is in the dialog.
    await page.locator('body').focus();
    let tabs = 0;
    while ((await activeTag(page)) !== 'nalish-button') {
      assert.ok(++tabs <= 5, 'Tab reaches the widget button');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: domainT('en', 'widget.dialog') });
    await dialog.waitFor();
    const frame = await embedFrame(page);
    await heading(frame, EN['consumer.step.phone']);
    const d = (await dialog.boundingBox())!;
    assert.ok(d.width >= 480 && d.height >= 600, `dialog ${d.width}×${d.height}`);
    const iframeBox = (await page.locator('iframe').boundingBox())!;
    assert.ok(iframeBox.width >= 480 && iframeBox.height >= 500, `frame ${iframeBox.width}×${iframeBox.height}`);
    assert.equal(await activeTag(page), 'nalish-overlay');
    const closeButton = page.getByRole('button', { name: domainT('en', 'widget.close') });
    assert.ok(await closeButton.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), 'focus starts on the close button');
    await viewportShot(page, 'widget-hostile-css-overlay-en-desktop');

    // Escape closes and focus returns to the button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.tagName === 'NALISH-BUTTON');

    // Enter again: the same form, as it was left. Tab walks into the form and never out of the dialog.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // Focus moves into the dialog once it is shown (the loader does it after the open renders).
    await page.waitForFunction(() => document.activeElement?.tagName === 'NALISH-OVERLAY');
    // Moving into or out of the frame's document passes focus through the page for a moment
    // under load; what matters is where it comes to rest: always inside the dialog.
    const restsInDialog = async (what: string) => {
      const ok = await page
        .waitForFunction(() => document.activeElement?.tagName === 'NALISH-OVERLAY', undefined, { timeout: 5_000 })
        .then(() => true, () => false);
      assert.ok(ok, `${what} stays in the dialog (focus on ${await activeTag(page)})`);
    };
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      await restsInDialog(`Tab ${i + 1}`);
    }
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Shift+Tab');
      await restsInDialog(`Shift+Tab ${i + 1}`);
    }
    // Escape inside the Nalish form closes too (the frame asks the page, which checks the origin).
    await frame.getByLabel(EN['consumer.otp.phone'], { exact: true }).focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.tagName === 'NALISH-BUTTON');
    // A message from anyone but the Nalish frame is ignored.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.evaluate(() => window.postMessage({ nalish: 'close' }, '*'));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    assert.ok(await dialog.isVisible(), 'a message from the page itself does not close the dialog');
    await ctx.close();
  });

  it('inside the third-party frame the session is the frame’s own: the consumer signs in without cookies', async () => {
    const local = newPhone();
    const iat = Math.floor(w.service.clock.now().getTime() / 1000);
    const orderDate = new Date(w.service.clock.now().getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    const token = signOrderContext(secret, { merchantId, orderNumber: 'SBD-HOSTILE-1', orderDate, amountBdt: 990, paymentChannel: 'nagad', buyerPhone: local, iat, exp: iat + 86_400 });
    pages.set('/hostile-order', hostilePage({ token }));
    const ctx = await testContext(w, { phone: true, locale: 'bn' });
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.2:${otherPort}/hostile-order`);
    await page.getByRole('button', { name: domainT('en', 'widget.button') }).click();
    const frame = await embedFrame(page);
    // The page is in English, so is the form.
    await heading(frame, EN['consumer.step.phone']);
    await frame.getByRole('button', { name: EN['consumer.otp.send'], exact: true }).click();
    const codeField = frame.getByLabel(EN['consumer.otp.code'], { exact: true });
    await codeField.waitFor();
    await codeField.fill(await lastOtp(w.service.deps.db, e164(local)));
    await frame.getByRole('button', { name: EN['consumer.otp.verify'], exact: true }).click();
    await heading(frame, EN['consumer.step.merchant']);
    await next(frame, EN);
    await heading(frame, EN['consumer.step.order']);
    assert.equal(await frame.getByLabel(EN['consumer.order.number'], { exact: true }).inputValue(), 'SBD-HOSTILE-1');
    assert.deepEqual(await ctx.cookies(w.baseUrl), [], 'no Nalish cookie: the session lives in the frame');
    await ctx.close();
  });

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

  // Last: it replaces the demo merchant's signing secret, which the tests above sign with.
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
