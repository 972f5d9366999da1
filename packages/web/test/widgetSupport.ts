// What the widget's browser tests share: the world they run in (the service with the demo
// shop, its merchant and signing secret, and two more sites: one with hostile CSS on
// 127.0.0.2, one that copied the badge on localhost), the strings, and helpers to look
// inside the overlay. The loader's shadow roots are opened (an init script turns
// attachShadow's mode to "open") only so Playwright and axe can look inside; styles and
// behaviour are the same.
import { type Server, createServer } from 'node:http';
import { createRequire } from 'node:module';
import { t as domainT } from '@nalish/domain';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { DEMO, addDemoShopHosts, loadDemoData } from '../../server/src/demo/demo.ts';
import { signingSecretFor } from '../../server/src/widget/signingSecrets.ts';
import { commonBn } from '../src/i18n/common.bn.ts';
import { commonEn } from '../src/i18n/common.en.ts';
import { consumerBn } from '../src/i18n/consumer.bn.ts';
import { consumerEn } from '../src/i18n/consumer.en.ts';
import { widgetBn } from '../src/i18n/widget.bn.ts';
import { widgetEn } from '../src/i18n/widget.en.ts';
import { type BrowserWorld, SCREENSHOTS, newContext, startBrowserWorld } from './browser.ts';

export const BN = { ...commonBn, ...consumerBn, ...widgetBn };
export const EN = { ...commonEn, ...consumerEn, ...widgetEn };
export type Cat = typeof BN;
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

function openShadowRoots(): void {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    return attach.call(this, { ...init, mode: 'open' });
  };
}

export async function testContext(w: BrowserWorld, opts: { phone?: boolean; locale?: 'bn' | 'en'; closed?: boolean } = {}): Promise<BrowserContext> {
  const ctx = await newContext(w, opts);
  if (!opts.closed) await ctx.addInitScript(openShadowRoots);
  return ctx;
}

/** The Nalish frame inside the overlay (optionally the one whose address has `part`), once it exists. */
export async function embedFrame(page: Page, part = '/embed/file'): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const f = page.frames().find((x) => x.url().includes(part));
    if (f) return f;
    await page.waitForTimeout(50);
  }
  throw new Error('the overlay has no Nalish frame');
}

export async function heading(frame: Frame | Page, text: string) {
  await frame.getByRole('heading', { level: 1, name: text }).waitFor();
}

/** Serious and critical axe violations in a page or a frame (each document checked on its own). */
export async function seriousViolations(target: Page | Frame): Promise<string[]> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.addScriptTag({ content: axeSource });
  const r = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'], iframes: false });
  });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** The overlay as the screen shows it (a full-page picture would stretch the page behind it). */
export async function viewportShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

/** What the page itself sees focused (a shadow host stands for everything inside it). */
export const activeTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? '');

export interface WidgetWorld {
  w: BrowserWorld;
  merchantId: string;
  /** The demo merchant's signing secret for order contexts. */
  secret: string;
  /** The other site (127.0.0.2) and the copycat site (localhost) serve these pages by path. */
  pages: Map<string, string>;
  otherPort: number;
  copycatPort: number;
  close(): Promise<void>;
}

export async function startWidgetWorld(): Promise<WidgetWorld> {
  // The test service's PUBLIC_URL is a public address: the demo shop only when forced.
  const w = await startBrowserWorld({ env: { DEMO_DATA: 'force' } });
  // The browser's clock is the real one (its cookies expire by it, its forms check dates by
  // it): the server's clock agrees with it here.
  w.service.clock.set(new Date());
  await loadDemoData(w.service.deps);
  // The demo shop is served here on 127.0.0.1; the "shop with hostile CSS" is another site on 127.0.0.2.
  await addDemoShopHosts(w.service.deps, ['127.0.0.1', '127.0.0.2']);
  const [m] = await w.service.deps.db.query<{ merchant_id: string }>('SELECT merchant_id FROM merchant_users WHERE email = $1', [DEMO.merchant.email]);
  const merchantId = m!.merchant_id;
  const secret = (await signingSecretFor(w.service.deps.db, w.service.deps.secret, merchantId))!;
  const pages = new Map<string, string>();
  const other: Server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.2', resolve));
  // Another shop that copied the snippet: reached as http://localhost, not a website of the merchant's.
  const copycat = createServer(other.listeners('request')[0] as Parameters<typeof createServer>[1]);
  await new Promise<void>((resolve) => copycat.listen(0, '127.0.0.1', resolve));
  return {
    w,
    merchantId,
    secret,
    pages,
    otherPort: (other.address() as { port: number }).port,
    copycatPort: (copycat.address() as { port: number }).port,
    async close() {
      await new Promise<void>((resolve) => other.close(() => resolve()));
      await new Promise<void>((resolve) => copycat.close(() => resolve()));
      await w.close();
    },
  };
}

/** A shop page on another site whose CSS does its worst to everything around it. */
export function hostilePage(world: WidgetWorld, opts: { token?: string } = {}): string {
  const { w, merchantId } = world;
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

export function badgePage(world: WidgetWorld): string {
  const { w, merchantId } = world;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Badge</title></head><body>
<h1>Shop</h1><script src="${w.baseUrl}/badge.js" data-merchant="${merchantId}" async></script>
<p><a href="${w.baseUrl}/sellers/${merchantId}"><img id="svg-badge" src="${w.baseUrl}/badge/${merchantId}.svg?lang=en" alt="${domainT('en', 'badge.profile', { name: 'ShopBD' })}"></a></p>
</body></html>`;
}
