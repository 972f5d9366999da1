// Browser test support: the real service (fresh database, the built web app) on a loopback
// port, Debian's Chromium driven by Playwright (never a downloaded browser), accessibility
// checks with axe-core, and screenshots of key screens for docs/screenshots/.
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { type TestService, makeService } from '../../server/test/harness.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export const PHONE = { width: 360, height: 640 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

export interface BrowserWorld {
  service: TestService;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserWorld(opts: { env?: Record<string, string> } = {}): Promise<BrowserWorld> {
  const service = await makeService({ env: { FILINGS_PER_DAY: '50', ...opts.env } });
  await service.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = service.app.server.address() as { port: number };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    service,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await service.close();
    },
  };
}

export async function newContext(w: BrowserWorld, opts: { phone?: boolean; locale?: 'bn' | 'en' } = {}): Promise<BrowserContext> {
  const ctx = await w.browser.newContext({
    baseURL: w.baseUrl,
    // Only so axe-core can be injected; the app itself runs under its real CSP otherwise.
    bypassCSP: true,
    viewport: opts.phone === false ? DESKTOP : PHONE,
    ...(opts.phone === false ? {} : { isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
    locale: opts.locale === 'en' ? 'en-GB' : 'bn-BD',
  });
  if (opts.locale) {
    await ctx.addInitScript((l) => localStorage.setItem('nalish.locale', l), opts.locale);
  }
  return ctx;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Serious and critical accessibility violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}
