// The widget in a real browser: on the demo shop a consumer files a signed-order complaint
// through the overlay and the merchant's inbox shows it "order confirmed by the merchant"; on
// a page with hostile global CSS, served from another origin, the button and the overlay are
// still visible, correctly sized, on top and usable with the keyboard alone, and the session
// works inside the third-party frame; axe-core finds no serious violation in the overlay. (The
// badge, the portal's widget page and the loader's globals are in widget-badge.test.ts.)
//
// The tests open the loader's shadow roots (an init script turns attachShadow's mode to
// "open") only so Playwright and axe can look inside; styles and behaviour are the same.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { t as domainT } from '@nalish/domain';
import type { Frame } from 'playwright-core';
import { e164, lastOtp, newPhone } from '../../server/test/harness.ts';
import { DEMO } from '../../server/src/demo/demo.ts';
import { createSession } from '../../server/src/auth/sessions.ts';
import { signOrderContext } from '../../server/src/widget/orderContext.ts';
import { merchantEn } from '../src/i18n/merchant.en.ts';
import { type BrowserWorld, DESKTOP, screenshot } from './browser.ts';
import { BN, type Cat, EN, type WidgetWorld, activeTag, embedFrame, heading, hostilePage as hostilePageOf, seriousViolations, startWidgetWorld, testContext, viewportShot } from './widgetSupport.ts';

describe('the widget in the browser', () => {
  let world: WidgetWorld;
  let w: BrowserWorld;
  let merchantId: string;
  let secret: string;
  let otherPort: number;
  let pages: Map<string, string>;

  before(async () => {
    world = await startWidgetWorld();
    ({ w, merchantId, secret, otherPort, pages } = world);
  });
  after(() => world.close());

  const hostilePage = (opts: { token?: string } = {}) => hostilePageOf(world, opts);

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
});
