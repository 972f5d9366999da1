// What a reader on a cheap phone needs from every page, checked in a real browser: the focus
// ring is seen (3:1 against white, as WCAG 1.4.11 asks, on date fields too), the focus is kept
// when a choice replaces a list, and at 200% zoom on a 360 px phone (180 CSS px) no page
// scrolls sideways.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type World, complaintInput, consumerLogin, fileVia, makeWorld, merchantLogin, officerLogin, step } from '../../server/test/harness.ts';
import { type BrowserWorld, startBrowserWorld } from './browser.ts';
import { BN, heading } from './consumerSupport.ts';

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The focused element's outline as the browser draws it. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { id: el.id, tag: el.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
  });

describe('focus and zoom on a phone', () => {
  let w: BrowserWorld;
  let world: World;
  let code: string;
  let session: { consumer: string; merchant: string; officer: string };

  before(async () => {
    w = await startBrowserWorld();
    // The browser keeps real time (cookie expiry), so the service runs on real time too.
    w.service.clock.set(new Date());
    world = await makeWorld(w.service.deps.db);
    const s = w.service;
    const consumer = await consumerLogin(s);
    const day = (d: number) => new Date(s.clock.now().getTime() + 6 * 3_600_000 + d * 86_400_000).toISOString().slice(0, 10);
    const filed = await fileVia(
      s,
      consumer.auth,
      complaintInput({
        merchantId: world.merchant,
        order: { number: 'ORD-A-VERY-LONG-ORDER-NUMBER-WITHOUT-SPACES-1234567890', date: day(-6), amountBdt: 2500, paymentChannel: 'bkash' },
        preChecks: { contactedMerchant: true, contactedOn: day(-2), remedyReceived: 'none', problemDate: day(-4) },
      }),
    );
    code = filed.trackingCode;
    const merchant = await merchantLogin(s, world.merchantUser);
    assert.equal((await step(s, merchant, code, 'respond', { kind: 'defence', message: 'The parcel was handed to the courier on time.' })).statusCode, 200);
    assert.equal((await step(s, consumer.auth, code, 'reject', { reason: 'The courier never came to my address.' })).json().state, 'escalated');
    const officer = await officerLogin(s, world.officer);
    const token = (h: Record<string, string>) => h.authorization!.replace('Bearer ', '');
    session = { consumer: token(consumer.auth), merchant: token(merchant), officer: token(officer) };
  });
  after(() => w.close());

  /** A phone at 200% zoom: 360 device px shown as 180 CSS px. */
  async function zoomedPage(token?: string) {
    const ctx = await w.browser.newContext({ baseURL: w.baseUrl, viewport: { width: 180, height: 320 }, deviceScaleFactor: 4, isMobile: true, hasTouch: true, locale: 'bn-BD' });
    if (token) await ctx.addCookies([{ name: 'nalish_session', value: token, url: w.baseUrl }]);
    return { ctx, page: await ctx.newPage() };
  }

  it('at 200% zoom on a 360 px phone no page scrolls sideways (Bengali)', async () => {
    const pages: { path: string; token?: keyof typeof session; ready: (p: Page) => Promise<unknown> }[] = [
      { path: '/', ready: (p) => p.getByRole('heading', { level: 1 }).waitFor() },
      { path: '/file', ready: (p) => heading(p, BN['consumer.step.phone']) },
      { path: '/file', token: 'consumer', ready: (p) => heading(p, BN['consumer.step.merchant']) },
      { path: `/t/${code}`, token: 'consumer', ready: (p) => p.locator('.state-label').waitFor() },
      { path: '/sellers', ready: (p) => p.getByRole('heading', { level: 1 }).waitFor() },
      { path: `/sellers/${world.merchant}`, ready: (p) => p.getByRole('heading', { level: 1, name: /ShopBD/ }).waitFor() },
      { path: '/help', ready: (p) => p.getByRole('heading', { level: 1 }).waitFor() },
      { path: '/merchant', ready: (p) => p.getByLabel('ই-মেইল').waitFor() },
      { path: '/merchant', token: 'merchant', ready: (p) => p.getByRole('heading', { level: 1, name: 'অভিযোগসমূহ' }).waitFor() },
      { path: `/merchant/c/${code}`, token: 'merchant', ready: (p) => p.getByRole('heading', { level: 1 }).waitFor() },
      { path: '/regulator', ready: (p) => p.getByRole('heading', { level: 1 }).waitFor() },
      { path: '/regulator', token: 'officer', ready: (p) => p.locator('.r-queue').waitFor() },
      { path: `/regulator/c/${code}`, token: 'officer', ready: (p) => p.getByRole('heading', { level: 1 }).waitFor() },
    ];
    const wide: string[] = [];
    for (const x of pages) {
      const { ctx, page } = await zoomedPage(x.token && session[x.token]);
      await page.goto(x.path);
      await x.ready(page);
      const m = await page.evaluate(() => {
        const root = document.documentElement;
        // What overflows, to say so when something does: the innermost elements past the edge.
        const past = [...document.body.querySelectorAll<HTMLElement>('*')].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5);
        const innermost = past.filter((el) => !past.some((x) => x !== el && el.contains(x)));
        // Or text running out of a box that does not itself reach past the edge.
        const spilling = [...document.body.querySelectorAll<HTMLElement>('*')].filter(
          (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible' && el.getBoundingClientRect().left + el.scrollWidth > root.clientWidth + 0.5,
        );
        const widest = [...innermost, ...spilling.filter((el) => !spilling.some((x) => x !== el && el.contains(x)))]
          .slice(0, 4)
          .map((el) => `${el.parentElement?.tagName.toLowerCase()}.${el.parentElement?.className} > ${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`)
          .join('; ');
        return { scroll: root.scrollWidth, client: root.clientWidth, widest };
      });
      if (m.scroll > m.client) wide.push(`${x.path}${x.token ? ` (${x.token})` : ''}: ${m.scroll} > ${m.client}, ${m.widest}`);
      await ctx.close();
    }
    assert.deepEqual(wide, [], 'pages that scroll sideways at 200% zoom');
  });

  it('the focus ring has 3:1 contrast on white, date fields show it, and choosing a seller keeps the focus', async () => {
    const ctx = await w.browser.newContext({ baseURL: w.baseUrl, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'bn-BD' });
    await ctx.addCookies([{ name: 'nalish_session', value: session.consumer, url: w.baseUrl }]);
    const page = await ctx.newPage();
    await page.goto('/file');
    await heading(page, BN['consumer.step.merchant']);

    // A text field reached with the keyboard.
    await page.getByLabel(BN['consumer.merchant.search'], { exact: true }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const field = await focusRing(page);
    assert.equal(field.id, 'm-q');
    assert.notEqual(field.style, 'none');
    assert.ok(field.width >= 2, `outline ${field.width} px`);
    assert.ok(contrast(field.color, 'rgb(255, 255, 255)') >= 3, `focus ring ${field.color}: ${contrast(field.color, 'rgb(255, 255, 255)').toFixed(2)}:1 on white`);
    // A button reached with the keyboard.
    await page.keyboard.press('Tab');
    const button = await focusRing(page);
    assert.equal(button.tag, 'BUTTON');
    assert.ok(contrast(button.color, 'rgb(255, 255, 255)') >= 3, `button focus ring ${button.color}`);

    // Choosing a seller: the list gives way to the choice, and the focus goes to it.
    await page.getByLabel(BN['consumer.merchant.search'], { exact: true }).fill('ShopBD');
    await page.getByRole('button', { name: BN['consumer.merchant.searchButton'], exact: true }).click();
    await page.getByRole('button', { name: /^ShopBD/ }).click();
    const chosen = BN['consumer.merchant.chosen'].replace('{name}', 'ShopBD');
    await page.getByText(chosen).waitFor();
    await page.waitForFunction((text) => document.activeElement?.textContent?.trim() === text, chosen);
    // "Change" gives the focus back to the search field.
    await page.getByRole('button', { name: BN['consumer.merchant.change'], exact: true }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'm-q');
    await page.getByLabel(BN['consumer.merchant.search'], { exact: true }).fill('ShopBD');
    await page.getByRole('button', { name: BN['consumer.merchant.searchButton'], exact: true }).click();
    await page.getByRole('button', { name: /^ShopBD/ }).click();
    await page.getByRole('button', { name: BN['common.next'], exact: true }).click();

    // A date field, tapped (not tabbed to): the ring shows all the same.
    await heading(page, BN['consumer.step.order']);
    await page.getByLabel(BN['consumer.order.date'], { exact: true }).tap();
    const date = await focusRing(page);
    assert.equal(date.id, 'o-date');
    assert.notEqual(date.style, 'none', 'a tapped date field shows the focus ring');
    assert.ok(date.width >= 2);
    assert.ok(contrast(date.color, 'rgb(255, 255, 255)') >= 3, `date focus ring ${date.color}`);
    await ctx.close();
  });
});
