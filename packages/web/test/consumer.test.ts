// The consumer's filing flow in a real browser, on a 360×640 phone: filing in Bengali with a
// photo, the 30-day notice, a server error next to its field, the draft surviving a reload,
// filing offline, accessibility and keyboard use, and the JavaScript weight (without the
// other areas' strings) and slow-3G time of the filing flow. Tracking is in tracking.test.ts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { CATALOGUES } from '@nalish/domain';
import type { Page } from 'playwright-core';
import { TINY_PNG, e164, lastOtp, makeWorld, newPhone } from '../../server/test/harness.ts';
import { commonEn } from '../src/i18n/common.en.ts';
import { consumerEn } from '../src/i18n/consumer.en.ts';
import { merchantEn } from '../src/i18n/merchant.en.ts';
import { merchantWebhooksEn } from '../src/i18n/merchantWebhooks.en.ts';
import { regulatorEn } from '../src/i18n/regulator.en.ts';
import { widgetEn } from '../src/i18n/widget.en.ts';
import { type BrowserWorld, newContext, screenshot, startBrowserWorld } from './browser.ts';
import { BN, type Cat, EN, heading, noSeriousA11y } from './consumerSupport.ts';
import { png } from './png.ts';

const JS_BUDGET_GZIP = 110 * 1024;

/**
 * A camera-sized photo (2400×1800, over 4 MB as a PNG): a gradient with a little noise, as a
 * phone's sensor gives, so it compresses like a photo and not like a flat colour.
 */
function bigPhoto(width = 2400, height = 1800): Buffer {
  let seed = 42;
  return png(
    width,
    height,
    (x, y) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed >> 16) % 9;
      return [(x * 255) / width + noise, (y * 255) / height + noise, 128 + noise];
    },
    1,
  );
}

const next = (page: Page, c: Cat) => page.getByRole('button', { name: c['common.next'], exact: true }).click();

describe('consumer pages', () => {
  let w: BrowserWorld;
  before(async () => {
    w = await startBrowserWorld();
    // The registered sellers (ShopBD) the consumer picks.
    await makeWorld(w.service.deps.db);
  });
  after(() => w.close());

  /** Step 1 with the keyboard only: type the number, Enter, type the SMS code, Enter. */
  async function signInByKeyboard(page: Page, c: Cat, local: string) {
    await heading(page, c['consumer.step.phone']);
    await page.getByLabel(c['consumer.otp.phone'], { exact: true }).focus();
    await page.keyboard.type(local);
    await page.keyboard.press('Enter');
    const code = page.getByLabel(c['consumer.otp.code'], { exact: true });
    await code.waitFor();
    // The code field takes the focus by itself once the SMS is sent.
    await page.waitForFunction(() => document.activeElement?.id === 'otp-code');
    await page.keyboard.type(await lastOtp(w.service.deps.db, e164(local)));
    await page.keyboard.press('Enter');
  }

  async function chooseShopBd(page: Page, c: Cat) {
    await heading(page, c['consumer.step.merchant']);
    await page.getByLabel(c['consumer.merchant.search'], { exact: true }).fill('ShopBD');
    await page.getByRole('button', { name: c['consumer.merchant.searchButton'], exact: true }).click();
    await page.getByRole('button', { name: /^ShopBD/ }).click();
    await page.getByText(c['consumer.merchant.chosen'].replace('{name}', 'ShopBD')).waitFor();
  }

  async function fillOrder(page: Page, c: Cat, orderNumber: string) {
    await heading(page, c['consumer.step.order']);
    await page.getByLabel(c['consumer.order.number'], { exact: true }).fill(orderNumber);
    await page.getByLabel(c['consumer.order.date'], { exact: true }).fill('2026-11-10');
    await page.getByLabel(c['consumer.order.amount'], { exact: true }).fill('২৫০০');
    await page.getByLabel(c['consumer.order.channel'], { exact: true }).selectOption({ label: c['consumer.pay.bkash'] });
    await page.getByLabel(c['consumer.order.category'], { exact: true }).selectOption('not_delivered');
    await page.getByLabel(c['consumer.order.remedy'], { exact: true }).selectOption('refund');
  }

  /** The payment-and-delivery step: every question may be left at "I don't know". */
  async function skipFacts(page: Page, c: Cat) {
    await heading(page, c['consumer.step.facts']);
    await next(page, c);
  }

  async function fillPreChecks(page: Page, c: Cat, problemDate = '2026-11-17') {
    await heading(page, c['consumer.step.prechecks']);
    await page.getByLabel(c['consumer.pre.yes'], { exact: true }).check();
    await page.getByLabel(c['consumer.pre.contactedOn'], { exact: true }).fill('2026-11-18');
    await page.getByLabel(c['consumer.pre.problemDate'], { exact: true }).fill(problemDate);
  }

  async function fillAbout(page: Page, c: Cat) {
    await heading(page, c['consumer.step.about']);
    await page.getByLabel(c['consumer.about.description'], { exact: true }).fill('বিকাশে আগাম টাকা দিয়েছি, কিন্তু পার্সেল আসেনি এবং বিক্রেতা ফোন ধরছে না।');
    await page.getByLabel(c['consumer.about.name'], { exact: true }).fill('রহিম উদ্দিন');
    await page.getByLabel(c['consumer.about.district'], { exact: true }).selectOption('dhaka');
  }


  it('a consumer files in Bengali on a phone with a photo and sees the tracking code; keyboard and axe on every step; the JavaScript stays under budget', async () => {
    const c = BN;
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    const js = new Map<string, number>();
    const bodies: string[] = [];
    page.on('response', (res) => {
      const url = res.url();
      if (!/\.m?js(\?|$)/.test(url)) return;
      void res
        .body()
        .then((b) => {
          js.set(url, gzipSync(b).length);
          bodies.push(b.toString('utf8'));
        })
        .catch(() => {});
    });
    await page.goto('/file');
    const local = newPhone();

    // Step 1, keyboard only.
    await heading(page, c['consumer.step.phone']);
    await noSeriousA11y(page, 'step 1');
    await screenshot(page, 'consumer-file-1-phone-bn-phone');
    await signInByKeyboard(page, c, local);

    await heading(page, c['consumer.step.merchant']);
    await noSeriousA11y(page, 'step 2');
    await page.getByLabel(c['consumer.merchant.search'], { exact: true }).fill('ShopBD');
    await page.getByRole('button', { name: c['consumer.merchant.searchButton'], exact: true }).click();
    await page.getByRole('button', { name: /^ShopBD/ }).waitFor();
    await noSeriousA11y(page, 'step 2 with results');
    await screenshot(page, 'consumer-file-2-seller-bn-phone');
    await page.getByRole('button', { name: /^ShopBD/ }).click();
    await next(page, c);

    // Step 3: the empty form's errors show next to each field, in Bengali.
    await heading(page, c['consumer.step.order']);
    await next(page, c);
    await page.getByText(c['consumer.err.order.number']).waitFor();
    await page.getByText(c['consumer.err.order.paymentChannel']).waitFor();
    await noSeriousA11y(page, 'step 3 with errors');
    const orderNumber = `ORD-${Date.now()}`;
    await fillOrder(page, c, orderNumber);
    await noSeriousA11y(page, 'step 3');
    await screenshot(page, 'consumer-file-3-order-bn-phone');
    await next(page, c);

    // Payment and delivery: paid on the order day, not delivered, seller in another city. On the
    // server's 22 November the 10 days have run out: the rules say so, in Bengali digits.
    await heading(page, c['consumer.step.facts']);
    await page.getByLabel(c['consumer.facts.paidOn'], { exact: true }).fill('2026-11-10');
    await page.getByRole('group', { name: c['consumer.facts.delivered'] }).getByLabel(c['consumer.facts.notYet'], { exact: true }).check();
    await page.getByRole('group', { name: c['consumer.facts.sameCity'] }).getByLabel(c['consumer.facts.no'], { exact: true }).check();
    const delivery = page.getByTestId('policy-findings').locator('[data-rule="dcog.delivery"][data-outcome="breach"]');
    await delivery.getByText(/২ দিন দেরি/).waitFor();
    await noSeriousA11y(page, 'step 4 with findings');
    await screenshot(page, 'consumer-file-3b-facts-bn-phone');
    await next(page, c);

    await fillPreChecks(page, c);
    await page.getByText(/অধিদপ্তরের ৩০ দিনের সময়সীমা: .* পর্যন্ত/).waitFor();
    await noSeriousA11y(page, 'step 5');
    await screenshot(page, 'consumer-file-4-prechecks-bn-phone');
    await next(page, c);

    // Step 5 with the keyboard: type, Tab to the next field, Enter submits the step.
    await heading(page, c['consumer.step.about']);
    await page.getByLabel(c['consumer.about.description'], { exact: true }).focus();
    await page.keyboard.type('বিকাশে আগাম টাকা দিয়েছি, কিন্তু পার্সেল আসেনি এবং বিক্রেতা ফোন ধরছে না।');
    await page.keyboard.press('Tab');
    await page.keyboard.type('রহিম উদ্দিন');
    await page.keyboard.press('Tab');
    await page.getByLabel(c['consumer.about.district'], { exact: true }).selectOption('dhaka');
    await page.keyboard.press('Tab');
    await page.keyboard.type('rahim@example.test');
    await noSeriousA11y(page, 'step 6');
    await screenshot(page, 'consumer-file-5-about-bn-phone');
    await page.keyboard.press('Enter');

    // Step 6: a photo from the gallery, previewed.
    await heading(page, c['consumer.step.evidence']);
    await page.setInputFiles('#ev-gallery', { name: 'receipt.png', mimeType: 'image/png', buffer: TINY_PNG });
    await page.getByRole('img', { name: c['consumer.ev.preview'].replace('{name}', 'receipt.png') }).waitFor();
    await page.getByRole('button', { name: c['consumer.ev.remove'].replace('{name}', 'receipt.png') }).waitFor();
    await noSeriousA11y(page, 'step 7');
    await screenshot(page, 'consumer-file-6-evidence-bn-phone');
    await next(page, c);

    await heading(page, c['consumer.step.review']);
    await page.getByText(orderNumber).waitFor();
    await page.getByText('৳২,৫০০').waitFor();
    await page.locator('.review dd').filter({ hasText: /^বিকাশ / }).waitFor();
    await page.getByText('১টি ফাইল').waitFor();
    await page.getByTestId('policy-findings').locator('[data-rule="dcog.delivery"][data-outcome="breach"]').waitFor();
    await noSeriousA11y(page, 'step 8');
    await screenshot(page, 'consumer-file-7-review-bn-phone');
    await page.getByRole('button', { name: c['consumer.review.send'], exact: true }).click();

    await heading(page, c['consumer.step.done']);
    const big = page.locator('.big-code');
    const shown = (await big.textContent()) ?? '';
    assert.match(shown, /^[০-৯]{3}-[০-৯]{3}-[০-৯]{4}$/, 'the code is shown in Bengali digits');
    const code = (await big.getAttribute('data-code'))!;
    await page.getByText(c['consumer.done.sms'].split('{phone}')[0]!.trim()).waitFor();
    await noSeriousA11y(page, 'confirmation');
    await screenshot(page, 'consumer-file-8-confirmation-bn-phone');

    const res = await page.request.get(`/api/v1/complaints/${code}`);
    assert.equal(res.status(), 200);
    const view = await res.json();
    assert.equal(view.state, 'with_merchant');
    assert.equal(view.merchant.name, 'ShopBD');
    assert.equal(view.order.amountBdt, 2500);
    assert.equal(view.order.paymentChannel, 'bkash');
    assert.equal(view.consumer.email, 'rahim@example.test');
    assert.equal(view.evidence.length, 1);
    assert.equal(view.evidence[0].mediaType, 'image/png');
    // The answers were filed as facts, and the findings stored with the complaint.
    assert.deepEqual(view.policy.layers.consumer, {
      orderDate: '2026-11-10', paymentChannel: 'bkash', priceBdt: 2500, amountPaidBdt: 2500, complaintToMerchantAt: '2026-11-18',
      causeOfActionDate: '2026-11-17', paymentDate: '2026-11-10', deliveredAt: null, sameCity: false,
    });
    assert.equal(view.policy.findings.find((f: { ruleId: string }) => f.ruleId === 'dcog.delivery').outcome, 'breach');

    // The draft is gone after filing; the confirmation stays on reload.
    assert.equal(await page.evaluate(() => localStorage.getItem('nalish.consumer.draft')), null);

    const total = [...js.values()].reduce((a, b) => a + b, 0);
    console.log(`# filing flow JavaScript: ${js.size} files, ${(total / 1024).toFixed(1)} KB gzip: ${[...js.entries()].map(([u, n]) => `${u.split('/').pop()} ${(n / 1024).toFixed(1)} KB`).join(', ')}`);
    assert.ok(js.size >= 2, 'the app and the filing chunk were loaded');
    assert.ok(total <= JS_BUDGET_GZIP, `filing flow JavaScript ${total} bytes gzip exceeds the 110 KB budget`);
    // The merchant portal's and the regulator console's strings load with their own chunks:
    // none of them reached the consumer's phone (the consumer's own did, as a check of the check).
    const all = bodies.join('\n');
    const plain = (cat: Record<string, string>): string[] => Object.values(cat).filter((v) => v.length > 25 && /^[\w ,.()-]+$/.test(v));
    assert.ok(plain(consumerEn).some((v) => all.includes(v)), 'the consumer strings are found in the JavaScript');
    // (Words the shared catalogues also hold, such as the regulator's name, are everyone's.)
    const shared = [...Object.values(commonEn), ...Object.values(consumerEn), ...Object.values(CATALOGUES.en)];
    const staff = [...plain(merchantEn), ...plain(merchantWebhooksEn), ...plain(widgetEn), ...plain(regulatorEn)].filter((v) => !shared.some((x) => x.includes(v)));
    assert.ok(staff.length > 50);
    assert.deepEqual(staff.filter((v) => all.includes(v)), [], 'no merchant or regulator strings on the consumer’s phone');
    await ctx.close();
  });

  it('says plainly that the 30-day limit for the regulator has passed, with the last date', async () => {
    const c = BN;
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto('/file');
    await signInByKeyboard(page, c, newPhone());
    await chooseShopBd(page, c);
    await next(page, c);
    await fillOrder(page, c, 'OLD-1');
    await page.getByLabel(c['consumer.order.date'], { exact: true }).fill('2026-08-25');
    await next(page, c);
    await skipFacts(page, c);
    await fillPreChecks(page, c, '2026-09-01');
    // 1 September + 30 days = 1 October 2026.
    const notice = page.getByTestId('regulator-window');
    await notice.getByText(/সময়সীমা পেরিয়ে গেছে: শেষ দিন ছিল/).waitFor();
    const text = (await notice.textContent()) ?? '';
    assert.match(text, /৩০ দিনের সময়সীমা পেরিয়ে গেছে/);
    assert.match(text, /শেষ দিন ছিল ১ অক্টো.* ২০২৬/, 'the last date, 1 October 2026, in Bengali');
    await noSeriousA11y(page, 'step 4, limit passed');
    await screenshot(page, 'consumer-file-4-limit-passed-bn-phone');
    await ctx.close();
  });

  it('shows the server’s validation error next to its field, in Bengali, and keeps what was typed', async () => {
    const c = BN;
    const ctx = await newContext(w);
    // The phone's clock is two days ahead of the server's: a date that is "today" on the phone
    // is in the future for the server, which refuses it.
    await ctx.clock.setFixedTime(new Date(w.service.clock.now().getTime() + 2 * 86_400_000));
    const page = await ctx.newPage();
    await page.goto('/file');
    await signInByKeyboard(page, c, newPhone());
    await chooseShopBd(page, c);
    await next(page, c);
    await fillOrder(page, c, 'SKEW-1');
    await next(page, c);
    await skipFacts(page, c);
    await fillPreChecks(page, c, '2026-11-24');
    await next(page, c);
    await fillAbout(page, c);
    await next(page, c);
    await next(page, c);
    await page.getByRole('button', { name: c['consumer.review.send'], exact: true }).click();
    // Back on the pre-checks step, the error under the field concerned.
    await heading(page, c['consumer.step.prechecks']);
    const field = page.getByLabel(c['consumer.pre.problemDate'], { exact: true });
    await page.locator('#pre-problemDate-error').getByText(c['consumer.err.future']).waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(await field.inputValue(), '2026-11-24');
    await page.getByRole('alert').getByText(c['consumer.file.fixErrors']).waitFor();
    await noSeriousA11y(page, 'server error');
    await screenshot(page, 'consumer-file-server-error-bn-phone');
    await ctx.close();
  });

  it('sign-in: a wrong SMS code says how many tries are left, and a new code can be asked for only after the countdown', async () => {
    const c = BN;
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto('/file');
    const local = newPhone();
    await page.getByLabel(c['consumer.otp.phone'], { exact: true }).fill('০১৭১২৩৪৫৬৭'); // too short
    await page.getByRole('button', { name: c['consumer.otp.send'], exact: true }).click();
    await page.getByText(c['consumer.err.phone']).waitFor();
    await page.getByLabel(c['consumer.otp.phone'], { exact: true }).fill(local);
    await page.getByRole('button', { name: c['consumer.otp.send'], exact: true }).click();
    await page.getByText(/সেকেন্ড পরে নতুন কোড চাইতে পারবেন।/).waitFor();
    assert.equal(await page.getByRole('button', { name: c['consumer.otp.resend'], exact: true }).count(), 0);
    const right = await lastOtp(w.service.deps.db, e164(local));
    const wrong = right === '111111' ? '222222' : '111111';
    await page.getByLabel(c['consumer.otp.code'], { exact: true }).fill(wrong);
    await page.getByRole('button', { name: c['consumer.otp.verify'], exact: true }).click();
    await page.getByText(/কোডটি সঠিক নয়। আর [০-৯] বার চেষ্টা করতে পারবেন।/).waitFor();
    assert.equal(await page.getByLabel(c['consumer.otp.code'], { exact: true }).getAttribute('aria-invalid'), 'true');
    await noSeriousA11y(page, 'wrong code');
    await screenshot(page, 'consumer-file-1-wrong-code-bn-phone');
    await page.getByLabel(c['consumer.otp.code'], { exact: true }).fill(right);
    await page.getByRole('button', { name: c['consumer.otp.verify'], exact: true }).click();
    await heading(page, c['consumer.step.merchant']);
    await ctx.close();
  });

  it('keeps the draft through a reload', async () => {
    const c = BN;
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto('/file');
    await signInByKeyboard(page, c, newPhone());
    await chooseShopBd(page, c);
    await next(page, c);
    await fillOrder(page, c, 'KEEP-42');
    await page.reload();
    await heading(page, c['consumer.step.order']);
    assert.equal(await page.getByLabel(c['consumer.order.number'], { exact: true }).inputValue(), 'KEEP-42');
    assert.equal(await page.getByLabel(c['consumer.order.amount'], { exact: true }).inputValue(), '২৫০০');
    assert.equal(await page.getByLabel(c['consumer.order.channel'], { exact: true }).inputValue(), 'bkash');
    await page.getByRole('button', { name: c['common.back'], exact: true }).click();
    await page.getByText(c['consumer.merchant.chosen'].replace('{name}', 'ShopBD')).waitFor();
    await ctx.close();
  });

  it('a 4 MB camera photo survives a reload in the draft, is sent shrunk with the original’s hash, and the code shows before the upload ends; a killed tab resumes it', async () => {
    const c = BN;
    const big = bigPhoto();
    assert.ok(big.length > 4 * 1024 * 1024, `the test photo is ${big.length} bytes`);
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto('/file');
    await signInByKeyboard(page, c, newPhone());
    await chooseShopBd(page, c);
    await next(page, c);
    await fillOrder(page, c, `BIG-${Date.now()}`);
    await next(page, c);
    await skipFacts(page, c);
    await fillPreChecks(page, c);
    await next(page, c);
    await fillAbout(page, c);
    await next(page, c);

    // The photo is shrunk as it is added and kept on the phone (IndexedDB), not in localStorage.
    await heading(page, c['consumer.step.evidence']);
    await page.setInputFiles('#ev-gallery', { name: 'camera.png', mimeType: 'image/png', buffer: big });
    const preview = page.getByRole('img', { name: c['consumer.ev.preview'].replace('{name}', 'camera.jpg') });
    await preview.waitFor({ timeout: 60_000 });
    assert.ok(((await page.evaluate(() => localStorage.getItem('nalish.consumer.draft'))) ?? '').length < 4000, 'no file bytes in localStorage');
    // The phone kills the tab (the camera opened): the photo is still there, with its type.
    await page.reload();
    await heading(page, c['consumer.step.evidence']);
    await preview.waitFor();
    assert.equal(await page.locator('.previews .file-tile').count(), 0, 'an image tile, not a grey PDF tile');
    await next(page, c);
    await heading(page, c['consumer.step.review']);
    await page.getByText('১টি ফাইল').waitFor();

    // Send: the button is disabled and says so next to it while the complaint goes out.
    let releaseFiling!: () => void;
    const filingHeld = new Promise<void>((r) => (releaseFiling = r));
    await ctx.route('**/api/v1/complaints', async (route) => {
      if (route.request().method() === 'POST') await filingHeld;
      await route.continue();
    });
    // The upload is held too: the code must show before it ends.
    let uploads = 0;
    await ctx.route('**/api/v1/complaints/*/evidence', async () => {
      uploads++;
      await new Promise(() => {}); // never answered: the tab is killed while it hangs
    });
    const send = page.getByRole('button', { name: c['consumer.review.send'], exact: true });
    await send.click();
    await page.locator('.sending').getByText(c['consumer.review.sending']).waitFor();
    assert.equal(await send.isDisabled(), true, 'the send button is disabled while sending');
    releaseFiling();
    await heading(page, c['consumer.step.done']);
    const code = (await page.locator('.big-code').getAttribute('data-code'))!;
    await page.locator('.upload-progress').getByText(/ফাইল পাঠানো হচ্ছে: ১\/১/).waitFor();
    assert.ok(uploads >= 1, 'the upload started');
    const before = await (await page.request.get(`/api/v1/complaints/${code}`)).json();
    assert.equal(before.evidence.length, 0, 'the code was shown before the file arrived');
    await screenshot(page, 'consumer-file-8-uploading-bn-phone');

    // The tab is killed mid-upload; the next visit sends the queued file.
    await page.close();
    await ctx.unrouteAll({ behavior: 'ignoreErrors' });
    const again = await ctx.newPage();
    await again.goto('/file');
    await heading(again, c['consumer.step.done']);
    await again.locator('.upload-progress').getByText(c['consumer.done.uploaded']).waitFor({ timeout: 60_000 });
    const view = await (await again.request.get(`/api/v1/complaints/${code}`)).json();
    assert.equal(view.evidence.length, 1);
    const ev = view.evidence[0];
    assert.equal(ev.mediaType, 'image/jpeg');
    assert.ok(ev.sizeBytes < 1024 * 1024, `the server received ${ev.sizeBytes} bytes`);
    assert.equal(ev.filename, 'camera.jpg');
    assert.deepEqual(ev.original, { sha256: createHash('sha256').update(big).digest('hex'), sizeBytes: big.length });
    assert.equal(await again.evaluate(() => localStorage.getItem('nalish.consumer.outbox')), null);
    await screenshot(again, 'consumer-file-8-uploaded-bn-phone');
    await ctx.close();
  });

  it('offline (English, phone): the complaint is queued with a notice and goes out when the connection returns', async () => {
    const c = EN;
    const ctx = await newContext(w, { locale: 'en' });
    const page = await ctx.newPage();
    await page.goto('/file');
    const local = newPhone();
    await signInByKeyboard(page, c, local);
    await chooseShopBd(page, c);
    await next(page, c);
    await fillOrder(page, c, 'OFF-1');
    await next(page, c);
    await skipFacts(page, c);
    await fillPreChecks(page, c);
    await next(page, c);
    await fillAbout(page, c);
    await next(page, c);
    await page.setInputFiles('#ev-gallery', { name: 'parcel.png', mimeType: 'image/png', buffer: TINY_PNG });
    await page.getByRole('img', { name: c['consumer.ev.preview'].replace('{name}', 'parcel.png') }).waitFor();
    await next(page, c);
    await heading(page, c['consumer.step.review']);

    await ctx.setOffline(true);
    await page.getByRole('button', { name: c['consumer.review.send'], exact: true }).click();
    await page.getByText(c['consumer.queue.queued']).waitFor();
    assert.notEqual(await page.evaluate(() => localStorage.getItem('nalish.consumer.outbox')), null);
    await screenshot(page, 'consumer-file-queued-en-phone');
    await ctx.setOffline(false);

    await heading(page, c['consumer.step.done']);
    const code = (await page.locator('.big-code').getAttribute('data-code'))!;
    assert.match((await page.locator('.big-code').textContent()) ?? '', /^\d{3}-\d{3}-\d{4}$/);
    await page.getByText(`An SMS with this code is on its way to ${e164(local)}.`).waitFor();
    await noSeriousA11y(page, 'confirmation (en)');
    await screenshot(page, 'consumer-file-8-confirmation-en-phone');
    const view = await (await page.request.get(`/api/v1/complaints/${code}`)).json();
    assert.equal(view.order.number, 'OFF-1');
    assert.equal(view.evidence.length, 1);
    assert.equal(await page.evaluate(() => localStorage.getItem('nalish.consumer.outbox')), null);
    await ctx.close();
  });

  it('slow 3G: the first screen of the filing flow becomes usable (figure recorded in docs/PERFORMANCE.md)', async () => {
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // The issue's profile of a cheap phone on slow 3G: 400 kbit/s, 400 ms round trips, a CPU 4× slower.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let transferred = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      transferred += e.encodedDataLength;
    });
    const start = Date.now();
    await page.goto('/file', { waitUntil: 'commit' });
    await page.getByLabel(BN['consumer.otp.phone'], { exact: true }).waitFor({ timeout: 60_000 });
    const usable = Date.now() - start;
    console.log(`# slow 3G (400 ms RTT, 400 kbit/s, CPU 4×): /file usable after ${usable} ms, ${(transferred / 1024).toFixed(1)} KB transferred`);
    assert.ok(await page.getByLabel(BN['consumer.otp.phone'], { exact: true }).isEditable());
    await ctx.close();
  });
});
