// The whole story across the three web apps in one service, each person in a browser context
// of their own (separate cookies): a consumer files with a photo, the merchant answers with a
// partial refund in the portal, the consumer rejects it with a reason, the complaint goes to
// the regulator, a Dhaka officer signs in with password and authenticator code, takes the
// case, schedules an in-person hearing, decides (upheld, ৳10,000 fine) and records the fine
// collected, and the consumer sees the decision. Once in Bengali (the consumer on a phone, the
// staff on desktops) and once in English with everyone on a 360×640 phone. Screenshots of the
// key moments go to docs/screenshots/story-<n>-<step>-<bn|en>.png.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatBdt, t as domainT, toBengaliDigits } from '@nalish/domain';
import type { Page } from 'playwright-core';
import { totpAt, totpStep } from '../../server/src/auth/totp.ts';
import { TINY_PNG, type World, e164, lastOtp, makeWorld, newPhone } from '../../server/test/harness.ts';
import { bn } from '../src/i18n/bn.ts';
import { type UiKey, en } from '../src/i18n/en.ts';
import { type BrowserWorld, newContext, screenshot, seriousA11yViolations, startBrowserWorld } from './browser.ts';

type Lang = 'bn' | 'en';
type Cat = Record<UiKey, string>;

/** A catalogue text with its {placeholders} filled in. */
function fmt(s: string, vars: Record<string, string> = {}): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
}

/** Taka as the app writes it: ৳10,000 or ৳১০,০০০. */
const taka = (lang: Lang, n: number) => {
  const s = `৳${n.toLocaleString('en-US')}`;
  return lang === 'bn' ? toBengaliDigits(s) : s;
};

async function noSeriousA11y(page: Page, where: string) {
  const v = await seriousA11yViolations(page);
  assert.deepEqual(
    v.map((x) => `${x.id}: ${x.help} ${JSON.stringify(x.nodes.map((n) => n.target))}`),
    [],
    `accessibility on ${where}`,
  );
}

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

const TEXT = {
  bn: {
    description: 'বিকাশে আগাম টাকা দিয়েছি, কিন্তু পার্সেল আসেনি এবং বিক্রেতা ফোন ধরছে না।',
    name: 'রহিম উদ্দিন',
    amount: '২৫০০',
    offer: 'পার্সেল হারিয়ে গেছে; আমরা ১৫০০ টাকা বিকাশে ফেরত দেব।',
    reject: 'আমি পুরো ২৫০০ টাকা দিয়েছি, পুরো টাকাই ফেরত চাই।',
    place: 'জাতীয় ভোক্তা অধিকার সংরক্ষণ অধিদপ্তর, কারওয়ান বাজার, ঢাকা',
    reasons: 'বিক্রেতা অগ্রিম টাকা নিয়ে পণ্য সরবরাহ করেনি এবং পুরো টাকা ফেরত দেয়নি।',
    order: 'সাত দিনের মধ্যে পুরো ২৫০০ টাকা ফেরত দিতে হবে।',
    fine: '১০০০০',
  },
  en: {
    description: 'Paid in advance by bKash, the parcel never came and the seller stopped answering.',
    name: 'Rahim Uddin',
    amount: '2500',
    offer: 'The parcel was lost; we will refund 1500 taka by bKash.',
    reject: 'I paid the full 2500 taka and want all of it back.',
    place: 'DNCRP, Karwan Bazar, Dhaka',
    reasons: 'The merchant took the money in advance, never delivered and refunded only part of it.',
    order: 'Refund the full 2500 taka within seven days.',
    fine: '10000',
  },
} as const;

describe('the whole story in the browser: consumer, merchant, regulator', () => {
  let w: BrowserWorld;
  let world: World;

  before(async () => {
    w = await startBrowserWorld();
    // The browsers keep real time (cookie expiry), so the service runs on real time too.
    w.service.clock.set(new Date());
    world = await makeWorld(w.service.deps.db);
  });
  after(() => w.close());

  /** A Dhaka calendar date some days from the service's now. */
  const dhakaDay = (days: number) => new Date(w.service.clock.now().getTime() + 6 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

  /** A fresh authenticator code (codes are single-use, so move the service clock on). */
  function totp(secret: string): string {
    w.service.clock.advance(31_000);
    return totpAt(secret, totpStep(w.service.clock.now()));
  }

  async function story(lang: Lang, staffOnPhone: boolean) {
    const c: Cat = lang === 'bn' ? bn : en;
    const x = TEXT[lang];
    const shot = (n: number, stepName: string) => `story-${n}-${stepName}-${lang}`;
    const d = (s: string) => (lang === 'bn' ? toBengaliDigits(s) : s);
    const consumerCtx = await newContext(w, { locale: lang });
    const merchantCtx = await newContext(w, { locale: lang, phone: staffOnPhone });
    const officerCtx = await newContext(w, { locale: lang, phone: staffOnPhone });
    try {
      // ── 1. The consumer files, with a photo, and gets the tracking code. ──
      const consumer = await consumerCtx.newPage();
      await consumer.goto('/file');
      const local = newPhone();
      await h1(consumer, c['consumer.step.phone']);
      await consumer.getByLabel(c['consumer.otp.phone'], { exact: true }).fill(local);
      await consumer.getByRole('button', { name: c['consumer.otp.send'], exact: true }).click();
      // The code field appears once the SMS is queued; only then read it from the outbox.
      const otpField = consumer.getByLabel(c['consumer.otp.code'], { exact: true });
      await otpField.waitFor();
      await otpField.fill(await lastOtp(w.service.deps.db, e164(local)));
      await consumer.getByRole('button', { name: c['consumer.otp.verify'], exact: true }).click();

      const next = () => consumer.getByRole('button', { name: c['common.next'], exact: true }).click();
      await h1(consumer, c['consumer.step.merchant']);
      await consumer.getByLabel(c['consumer.merchant.search'], { exact: true }).fill('ShopBD');
      await consumer.getByRole('button', { name: c['consumer.merchant.searchButton'], exact: true }).click();
      await consumer.getByRole('button', { name: /^ShopBD/ }).click();
      await consumer.getByText(fmt(c['consumer.merchant.chosen'], { name: 'ShopBD' })).waitFor();
      await next();

      const orderNumber = `STORY-${lang.toUpperCase()}-${Date.now()}`;
      await h1(consumer, c['consumer.step.order']);
      await consumer.getByLabel(c['consumer.order.number'], { exact: true }).fill(orderNumber);
      await consumer.getByLabel(c['consumer.order.date'], { exact: true }).fill(dhakaDay(-12));
      await consumer.getByLabel(c['consumer.order.amount'], { exact: true }).fill(x.amount);
      await consumer.getByLabel(c['consumer.order.channel'], { exact: true }).selectOption({ label: c['consumer.pay.bkash'] });
      await consumer.getByLabel(c['consumer.order.category'], { exact: true }).selectOption('not_delivered');
      await consumer.getByLabel(c['consumer.order.remedy'], { exact: true }).selectOption('refund');
      await next();

      // Payment and delivery: left at "I don't know".
      await h1(consumer, c['consumer.step.facts']);
      await next();

      await h1(consumer, c['consumer.step.prechecks']);
      await consumer.getByLabel(c['consumer.pre.yes'], { exact: true }).check();
      await consumer.getByLabel(c['consumer.pre.contactedOn'], { exact: true }).fill(dhakaDay(-3));
      await consumer.getByLabel(c['consumer.pre.problemDate'], { exact: true }).fill(dhakaDay(-5));
      await next();

      await h1(consumer, c['consumer.step.about']);
      await consumer.getByLabel(c['consumer.about.description'], { exact: true }).fill(x.description);
      await consumer.getByLabel(c['consumer.about.name'], { exact: true }).fill(x.name);
      await consumer.getByLabel(c['consumer.about.district'], { exact: true }).selectOption('dhaka');
      await next();

      await h1(consumer, c['consumer.step.evidence']);
      await consumer.setInputFiles('#ev-gallery', { name: 'receipt.png', mimeType: 'image/png', buffer: TINY_PNG });
      await consumer.getByRole('img', { name: fmt(c['consumer.ev.preview'], { name: 'receipt.png' }) }).waitFor();
      await next();

      await h1(consumer, c['consumer.step.review']);
      await consumer.getByText(orderNumber).waitFor();
      await consumer.getByText(taka(lang, 2500)).first().waitFor();
      await consumer.getByRole('button', { name: c['consumer.review.send'], exact: true }).click();

      await h1(consumer, c['consumer.step.done']);
      const big = consumer.locator('.big-code');
      const code = (await big.getAttribute('data-code'))!;
      assert.match(code, /^\d{3}-\d{3}-\d{4}$/);
      assert.equal(await big.textContent(), d(code), 'the code is shown in the consumer’s digits');
      await consumer.getByText(fmt(c['consumer.done.sms'], { phone: e164(local) }).split(e164(local))[0]!.trim(), { exact: false }).first().waitFor();
      await noSeriousA11y(consumer, 'consumer: filed');
      await screenshot(consumer, shot(1, 'filed'));

      // ── 2. The merchant finds it in the inbox, sees the photo, offers a partial refund. ──
      const merchant = await merchantCtx.newPage();
      await merchant.goto('/merchant');
      await h1(merchant, c['merchant.signIn.title']);
      await merchant.getByLabel(c['merchant.signIn.email']).fill(world.merchantUser.email);
      await merchant.getByLabel(c['merchant.signIn.password']).fill(world.merchantUser.password);
      await merchant.getByRole('button', { name: c['merchant.signIn.submit'] }).click();
      await h1(merchant, c['merchant.inbox.title']);
      const item = merchant.getByRole('listitem').filter({ hasText: fmt(c['merchant.inbox.complaint'], { code: d(code) }) });
      await item.getByText(taka(lang, 2500)).waitFor();
      await noSeriousA11y(merchant, 'merchant: inbox');
      await merchant.getByRole('link', { name: fmt(c['merchant.inbox.complaint'], { code: d(code) }) }).click();
      await h1(merchant, fmt(c['merchant.complaint.title'], { code: d(code) }));
      await merchant.getByText(orderNumber).waitFor();
      await merchant.getByText(x.description).waitFor();
      await merchant.getByRole('img', { name: fmt(c['merchant.evidence.imageAlt'], { name: 'receipt.png' }) }).waitFor();
      // The photo really loads (TINY_PNG is 1×1).
      await merchant.waitForFunction(() => (document.querySelector('img.m-evidence-img') as HTMLImageElement | null)?.naturalWidth === 1);

      await merchant.getByLabel(c['merchant.answer.offer'], { exact: true }).check();
      await merchant.getByLabel(c['merchant.answer.remedy'], { exact: true }).selectOption('refund');
      await merchant.getByLabel(c['merchant.answer.amount'], { exact: true }).fill('1500');
      await merchant.getByLabel(c['merchant.answer.byDate'], { exact: true }).fill(dhakaDay(5));
      await merchant.getByLabel(c['merchant.answer.message'], { exact: true }).fill(x.offer);
      await merchant.getByRole('button', { name: c['merchant.answer.sendOffer'] }).click();
      await merchant.getByText(c['merchant.answer.sent']).waitFor();
      await merchant.getByText(domainT(lang, 'state.merchant_responded')).first().waitFor();
      assert.equal(await merchant.getByRole('button', { name: c['merchant.answer.sendOffer'] }).count(), 0);
      await noSeriousA11y(merchant, 'merchant: answered');
      await screenshot(merchant, shot(2, 'merchant-answer'));

      // ── 3. The consumer sees the offer and rejects it with a reason: the case escalates. ──
      await consumer.goto(`/t/${code}`);
      await h1(consumer, fmt(c['consumer.track.title'], { code: d(code) }));
      const stateLabel = consumer.locator('.state-label');
      await stateLabel.getByText(domainT(lang, 'state.merchant_responded'), { exact: true }).waitFor();
      await consumer.getByText(fmt(c['consumer.track.offer'], { remedy: c['consumer.remedy.refund'] })).waitFor();
      await consumer.getByText(fmt(c['consumer.track.offerAmount'], { amount: taka(lang, 1500) })).waitFor();
      await consumer.getByText(x.offer).waitFor();
      const timeline = consumer.getByRole('list').filter({ has: consumer.locator('time') });
      await timeline.getByText(c['consumer.ev.respond.offer']).waitFor();
      await noSeriousA11y(consumer, 'consumer: the offer');
      await consumer.getByRole('button', { name: c['consumer.track.reject'], exact: true }).click();
      await consumer.getByLabel(c['consumer.track.rejectReason'], { exact: true }).fill(x.reject);
      await consumer.getByRole('button', { name: c['consumer.track.rejectSend'], exact: true }).click();
      await consumer.getByRole('status').getByText(c['consumer.track.done']).waitFor();
      await stateLabel.getByText(domainT(lang, 'state.escalated'), { exact: true }).waitFor();
      if (lang === 'bn') assert.equal(await stateLabel.textContent(), 'অধিদপ্তরে পাঠানো হয়েছে');
      else assert.equal(await stateLabel.textContent(), 'Sent to the regulator');
      await timeline.getByText(fmt(c['consumer.ev.reject'], { who: c['consumer.who.consumer'] })).waitFor();
      assert.equal(await consumer.getByRole('button', { name: c['consumer.track.accept'], exact: true }).count(), 0);
      await noSeriousA11y(consumer, 'consumer: rejected');
      await screenshot(consumer, shot(3, 'consumer-reject'));

      // ── 4. A Dhaka officer signs in, takes the case, holds a hearing, decides, records the fine. ──
      const officer = await officerCtx.newPage();
      await officer.goto('/regulator');
      await h1(officer, c['regulator.signIn.title']);
      await officer.getByLabel(c['regulator.signIn.email']).fill(world.officer.email);
      await officer.getByLabel(c['regulator.signIn.password'], { exact: true }).fill(world.officer.password);
      await officer.getByLabel(c['regulator.signIn.totp']).fill(totp(world.officer.totpSecret));
      await officer.getByRole('button', { name: c['regulator.signIn.submit'] }).click();
      await h1(officer, fmt(c['regulator.queue.title'], { office: lang === 'bn' ? 'ঢাকা' : 'Dhaka' }));
      const caseLink = officer.getByRole('link', { name: d(code) });
      await caseLink.waitFor();
      await noSeriousA11y(officer, 'officer: queue');
      await caseLink.click();
      await h1(officer, fmt(c['regulator.case.title'], { code: d(code) }));
      await officer.getByText(x.reject).first().waitFor();
      await officer.getByRole('img', { name: 'receipt.png' }).waitFor();
      await officer.getByRole('button', { name: c['regulator.assign.me'] }).click();
      await officer.getByRole('status').filter({ hasText: c['regulator.done'] }).waitFor();
      await officer.locator('dd', { hasText: domainT(lang, 'state.under_review') }).first().waitFor();
      await officer.locator('dd', { hasText: 'officer1' }).first().waitFor();

      // A hearing later today (Dhaka time), so the day's clock moves on only a little.
      const hearingLocal = new Date(w.service.clock.now().getTime() + 6 * 3_600_000 + 3_600_000).toISOString().slice(0, 16);
      await officer.getByLabel(c['regulator.hearingForm.at']).fill(hearingLocal);
      await officer.getByRole('radio', { name: c['regulator.mode.in_person'] }).check();
      await officer.getByLabel(c['regulator.hearingForm.place']).fill(x.place);
      await officer.getByRole('button', { name: c['regulator.hearingForm.submit'] }).click();
      await officer.getByText(`${c['regulator.mode.in_person']}, ${x.place}`, { exact: false }).first().waitFor();

      // After the hearing (held later today), the officer records that both sides came; only
      // then is the decision open (issue 11.14).
      w.service.clock.advance(2 * 3_600_000);
      await officer.reload();
      await h1(officer, fmt(c['regulator.case.title'], { code: d(code) }));
      await officer.getByRole('radio', { name: c['regulator.held.both'] }).check();
      await officer.getByRole('button', { name: c['regulator.held.submit'], exact: true }).click();
      await officer.getByText(fmt(c['regulator.hearing.held'], { attendance: c['regulator.held.both'] })).waitFor();
      await noSeriousA11y(officer, 'officer: hearing held');

      await officer.getByRole('radio', { name: c['regulator.outcome.upheld'] }).check();
      await officer.getByLabel(c['regulator.decide.reasons'], { exact: true }).fill(x.reasons);
      await officer.getByLabel(c['regulator.decide.fine']).fill(x.fine);
      await officer.getByLabel(c['regulator.decide.order']).fill(x.order);
      await noSeriousA11y(officer, 'officer: decision form');
      await officer.getByRole('button', { name: c['regulator.decide.submit'] }).click();
      const decision = officer.getByRole('region', { name: c['regulator.decision'] });
      await decision.getByText(`${c['regulator.outcome.upheld']} · ${fmt(c['regulator.decision.fine'], { amount: taka(lang, 10_000) })}`).waitFor();
      await officer.locator('dd', { hasText: domainT(lang, 'state.decided') }).first().waitFor();

      await officer.getByLabel(c['regulator.fineForm.amount']).fill(x.fine);
      await officer.getByRole('button', { name: c['regulator.fineForm.submit'], exact: true }).click();
      await decision.getByText(fmt(c['regulator.fine.collected'], { amount: taka(lang, 10_000) })).waitFor();
      await decision.getByText(fmt(c['regulator.fine.share'], { amount: taka(lang, 2_500) })).waitFor();
      await noSeriousA11y(officer, 'officer: decided');
      await screenshot(officer, shot(4, 'officer-decide'));

      // ── 5. The consumer reloads the tracking page and sees the decision. ──
      await consumer.reload();
      await h1(consumer, fmt(c['consumer.track.title'], { code: d(code) }));
      await stateLabel.getByText(domainT(lang, 'state.decided'), { exact: true }).waitFor();
      await timeline.getByText(c['consumer.ev.assign']).waitFor();
      await timeline.getByText(c['consumer.ev.schedule_hearing']).waitFor();
      await timeline.getByText(c['consumer.ev.record_hearing']).waitFor();
      await timeline.getByText(c['consumer.ev.decide']).waitFor();
      await timeline.getByText(c['consumer.ev.record_fine_collected']).waitFor();
      // The decision itself, not only its timeline entry: outcome, fine, the consumer's share.
      await consumer.getByRole('heading', { name: c['consumer.track.decision'] }).waitFor();
      await consumer.getByText(c['consumer.track.upheld'], { exact: true }).waitFor();
      await consumer.getByText(fmt(c['consumer.track.fine'], { amount: formatBdt(lang, 10_000) })).waitFor();
      await consumer.getByText(fmt(c['consumer.track.share'], { collected: formatBdt(lang, 10_000), share: formatBdt(lang, 2_500) })).waitFor();
      await consumer.getByRole('heading', { name: c['consumer.track.hearing'] }).waitFor();
      await noSeriousA11y(consumer, 'consumer: decided');
      await screenshot(consumer, shot(5, 'consumer-decision'));

      // What the API gives the consumer agrees with what the officer recorded.
      const view = await (await consumer.request.get(`/api/v1/complaints/${code}`)).json();
      assert.equal(view.state, 'decided');
      assert.equal(view.decision.outcome, 'upheld');
      assert.equal(view.decision.fineBdt, 10_000);
      assert.equal(view.fineCollectedBdt, 10_000);
      assert.equal(view.complainantShareBdt, 2_500);
      assert.equal(view.hearing.mode, 'in_person');
      assert.equal(view.response.amountBdt, 1500);
      assert.equal(view.evidence.length, 1);
      assert.equal(view.evidence[0].mediaType, 'image/png');
    } finally {
      await consumerCtx.close();
      await merchantCtx.close();
      await officerCtx.close();
    }
  }

  it('in Bengali: the consumer on a phone files with a photo, rejects the merchant’s partial refund, and sees the Dhaka officer’s decision', async () => {
    await story('bn', false);
  });

  it('in English, everyone on a 360×640 phone: the same story', async () => {
    await story('en', true);
  });
});
