// The policy checks in the browser, in Bengali on a 360×640 phone: findings appear while the
// consumer files and the tracking page shows the ones stored (and takes a fact learnt later);
// the merchant contests the delivery date with evidence and sees the finding change; an
// officer overrides one finding and confirms another with reasons, corrects a fact (the
// override goes stale), and the merchant sees the review, its breaches per rule and the public
// profile too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatDate, toBengaliDigits } from '@nalish/domain';
import type { Locator, Page } from 'playwright-core';
import { totpAt, totpStep } from '../../server/src/auth/totp.ts';
import { TINY_PNG, type World, complaintInput, consumerLogin, e164, fileVia, lastOtp, makeWorld, merchantLogin, newPhone, step } from '../../server/test/harness.ts';
import { bn } from '../src/i18n/bn.ts';
import { type BrowserWorld, SCREENSHOTS, newContext, screenshot, seriousA11yViolations, startBrowserWorld } from './browser.ts';

const c = bn;
/** A catalogue text with its {placeholders} filled in. */
const fmt = (s: string, vars: Record<string, string> = {}) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);

async function noSeriousA11y(page: Page, where: string) {
  const v = await seriousA11yViolations(page);
  assert.deepEqual(
    v.map((x) => `${x.id}: ${x.help} ${JSON.stringify(x.nodes.map((n) => n.target))}`),
    [],
    `accessibility on ${where}`,
  );
}

/** The policy section alone (the whole page is many screens long). */
const sectionShot = (section: Locator, name: string) => section.screenshot({ path: `${SCREENSHOTS}${name}.png` });
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();
/** A Dhaka date as the app writes it in Bengali. */
const bnDate = (ymd: string) => formatDate('bn', new Date(`${ymd}T12:00:00+06:00`));
const finding = (scope: Page | Locator, rule: string, outcome?: string) => scope.locator(`[data-rule="${rule}"]${outcome ? `[data-outcome="${outcome}"]` : ''}`);

describe('policy checks in the browser', () => {
  let w: BrowserWorld;
  let world: World;

  before(async () => {
    w = await startBrowserWorld();
    // The browsers keep real time (session cookies expire by it), so the service does too.
    w.service.clock.set(new Date());
    world = await makeWorld(w.service.deps.db);
  });
  after(() => w.close());

  /** A Dhaka calendar date some days from the service's now. */
  const dhakaDay = (days: number) => new Date(w.service.clock.now().getTime() + 6 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  /** Paid 14 days ago, not delivered, seller in another city: 10 days allowed, 4 days late. */
  const lateOrder = () =>
    complaintInput({
      merchantId: world.merchant,
      order: { number: `ORD-${Math.random().toString(36).slice(2, 8)}`, date: dhakaDay(-14), amountBdt: 2500, paymentChannel: 'bkash' },
      preChecks: { contactedMerchant: true, contactedOn: dhakaDay(-3), remedyReceived: 'none', problemDate: dhakaDay(-5) },
      facts: { paymentDate: dhakaDay(-14), deliveredAt: null, sameCity: false, refundDueReason: 'not_fulfilled', refundedAt: null },
    });

  async function merchantSignIn(page: Page) {
    await page.goto('/merchant');
    await page.getByLabel('ই-মেইল').fill(world.merchantUser.email);
    await page.getByLabel('পাসওয়ার্ড').fill(world.merchantUser.password);
    await page.getByRole('button', { name: 'সাইন ইন' }).click();
    await h1(page, c['merchant.inbox.title']);
  }

  it('(a) findings appear in Bengali while filing, are stored with the complaint, and the tracking page takes a fact learnt later', async () => {
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto('/file');
    const local = newPhone();
    await h1(page, c['consumer.step.phone']);
    await page.getByLabel(c['consumer.otp.phone'], { exact: true }).fill(local);
    await page.getByRole('button', { name: c['consumer.otp.send'], exact: true }).click();
    // The code field appears once the SMS is queued; only then read it from the outbox.
    const otp = page.getByLabel(c['consumer.otp.code'], { exact: true });
    await otp.waitFor();
    await otp.fill(await lastOtp(w.service.deps.db, e164(local)));
    await page.getByRole('button', { name: c['consumer.otp.verify'], exact: true }).click();

    const next = () => page.getByRole('button', { name: c['common.next'], exact: true }).click();
    await h1(page, c['consumer.step.merchant']);
    await page.getByLabel(c['consumer.merchant.search'], { exact: true }).fill('ShopBD');
    await page.getByRole('button', { name: c['consumer.merchant.searchButton'], exact: true }).click();
    await page.getByRole('button', { name: /^ShopBD/ }).click();
    await page.getByText(fmt(c['consumer.merchant.chosen'], { name: 'ShopBD' })).waitFor();
    await next();

    await h1(page, c['consumer.step.order']);
    await page.getByLabel(c['consumer.order.number'], { exact: true }).fill('POLICY-1');
    await page.getByLabel(c['consumer.order.date'], { exact: true }).fill(dhakaDay(-14));
    await page.getByLabel(c['consumer.order.amount'], { exact: true }).fill('২৫০০');
    await page.getByLabel(c['consumer.order.channel'], { exact: true }).selectOption('bkash');
    await page.getByLabel(c['consumer.order.category'], { exact: true }).selectOption('not_delivered');
    await page.getByLabel(c['consumer.order.remedy'], { exact: true }).selectOption('refund');
    await next();

    // Payment and delivery. The findings region is a polite live region from the start.
    await h1(page, c['consumer.step.facts']);
    const region = page.getByTestId('policy-findings');
    assert.equal(await region.getAttribute('aria-live'), 'polite');
    await page.getByLabel(c['consumer.facts.paidOn'], { exact: true }).fill(dhakaDay(-14));
    await page.getByRole('group', { name: c['consumer.facts.delivered'] }).getByLabel(c['consumer.facts.notYet'], { exact: true }).check();
    await page.getByRole('group', { name: c['consumer.facts.sameCity'] }).getByLabel(c['consumer.facts.no'], { exact: true }).check();
    // Paid 14 days ago, another city: 10 days allowed, so 4 days late, said with Bengali digits.
    const delivery = finding(region, 'dcog.delivery', 'breach');
    await delivery.getByText(/৪ দিন দেরি/).waitFor();
    const text = (await delivery.textContent()) ?? '';
    assert.match(text, /[০-৯]/);
    assert.doesNotMatch(text, /[0-9]/, 'no Western digits in the Bengali finding');
    assert.ok(text.includes(c['policy.outcome.breach']));
    assert.ok(text.includes(c['policy.clause.dcog.delivery']), 'the rule’s instrument and clause');
    // The refund rule cannot be told yet, and says which answer would settle it.
    const refund = finding(region, 'dcog.refund', 'unknown');
    await refund.getByText(fmt(c['policy.settle'], { facts: c['policy.fact.refundDueReason'] })).waitFor();
    // Rules that do not apply (or need facts the form does not ask) are collapsed.
    await region.locator('details.findings-more summary').waitFor();
    assert.equal(await region.locator('details.findings-more').getAttribute('open'), null);

    // Answering the refund questions settles it: a breach too, listed first with the delivery.
    await page.getByLabel(c['consumer.facts.refundReason'], { exact: true }).selectOption('not_fulfilled');
    await page.getByRole('group', { name: c['consumer.facts.refunded'] }).getByLabel(c['consumer.facts.notYet'], { exact: true }).check();
    await finding(region, 'dcog.refund', 'breach').waitFor();
    const order = await region.locator('ul.findings > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')));
    assert.deepEqual(order.slice(0, 2), ['breach', 'breach'], 'breaches come first');
    await noSeriousA11y(page, 'filing: findings');
    await screenshot(page, 'policy-filing-bn');
    await next();

    await h1(page, c['consumer.step.prechecks']);
    await page.getByLabel(c['consumer.pre.yes'], { exact: true }).check();
    await page.getByLabel(c['consumer.pre.contactedOn'], { exact: true }).fill(dhakaDay(-3));
    await page.getByLabel(c['consumer.pre.problemDate'], { exact: true }).fill(dhakaDay(-5));
    await next();
    await h1(page, c['consumer.step.about']);
    await page.getByLabel(c['consumer.about.description'], { exact: true }).fill('বিকাশে আগাম টাকা দিয়েছি, কিন্তু পার্সেল আসেনি এবং বিক্রেতা ফোন ধরছে না।');
    await page.getByLabel(c['consumer.about.name'], { exact: true }).fill('রহিম উদ্দিন');
    await page.getByLabel(c['consumer.about.district'], { exact: true }).selectOption('dhaka');
    await next();
    await h1(page, c['consumer.step.evidence']);
    await next();
    await h1(page, c['consumer.step.review']);
    await page.locator('.review dd').filter({ hasText: c['consumer.review.notDelivered'] }).waitFor();
    await finding(page.getByTestId('policy-findings'), 'dcog.delivery', 'breach').waitFor();
    await page.getByRole('button', { name: c['consumer.review.send'], exact: true }).click();
    await h1(page, c['consumer.step.done']);
    const code = (await page.locator('.big-code').getAttribute('data-code'))!;

    // Stored as shown: the facts the consumer gave and the findings on them.
    const view = await (await page.request.get(`/api/v1/complaints/${code}`)).json();
    assert.equal(view.policy.ruleSet, 'dcog-2021.1');
    assert.equal(view.policy.facts.paymentDate, dhakaDay(-14));
    assert.equal(view.policy.facts.deliveredAt, null);
    assert.equal(view.policy.facts.sameCity, false);
    assert.equal(view.policy.sources.deliveredAt, 'consumer');
    const stored = view.policy.findings.find((f: { ruleId: string }) => f.ruleId === 'dcog.delivery');
    assert.equal(stored.outcome, 'breach');
    assert.equal(stored.numbers.daysLate, 4);

    // The tracking page shows the stored finding, with what it rests on.
    await page.getByRole('link', { name: c['consumer.done.track'] }).click();
    await h1(page, fmt(c['consumer.track.title'], { code: toBengaliDigits(code) }));
    const policy = page.getByRole('region', { name: c['policy.title'] });
    const tracked = finding(policy, 'dcog.delivery', 'breach');
    await tracked.getByText(stored.explanation.bn).waitFor();
    await tracked.getByText(fmt(c['policy.factLine'], { fact: c['policy.fact.deliveredAt'], value: c['policy.notYet'], source: c['policy.source.consumer'] }), { exact: false }).waitFor();

    // The parcel came yesterday: the consumer adds it; still late, now with the delivery date.
    await page.getByRole('button', { name: c['consumer.track.addFactSend'] }).click();
    await page.locator('#t-fact-fact-error').getByText(c['policy.form.err.fact']).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 't-fact-fact');
    await page.getByLabel(c['policy.form.fact'], { exact: true }).selectOption('deliveredAt');
    await page.getByLabel(c['policy.fact.deliveredAt'], { exact: true }).fill(dhakaDay(-1));
    await page.getByRole('button', { name: c['consumer.track.addFactSend'] }).click();
    await page.getByRole('status').getByText(c['consumer.track.factAdded']).waitFor();
    await tracked.getByText(/ডেলিভারি হয়েছে .*৩ দিন দেরি/).waitFor();
    await page.getByText(fmt(c['consumer.ev.policy_facts_stated'], { who: c['consumer.who.consumer'] })).waitFor();
    await noSeriousA11y(page, 'tracking: findings');
    // The consumer reads the rule, not our homework on its clause number.
    await tracked.locator('.finding-rule').first().waitFor();
    assert.equal(await tracked.getByText(/নম্বর এখনও যাচাই হয়নি/).count(), 0);
    await screenshot(page, 'policy-track-bn-phone');
    const after = await (await page.request.get(`/api/v1/complaints/${code}`)).json();
    assert.equal(after.policy.facts.deliveredAt, dhakaDay(-1));
    assert.equal(after.policy.trigger, 'consumer');
    await ctx.close();
  });

  it('(b) the merchant contests the delivery date with evidence and sees the finding change', async () => {
    const consumer = await consumerLogin(w.service);
    const filed = await fileVia(w.service, consumer.auth, lateOrder());
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await merchantSignIn(page);
    await page.goto(`/merchant/c/${filed.trackingCode}`);
    await h1(page, fmt(c['merchant.complaint.title'], { code: toBengaliDigits(filed.trackingCode) }));
    const policy = page.getByRole('region', { name: c['policy.title'] });
    await finding(policy, 'dcog.delivery', 'breach').getByText(/৪ দিন দেরি/).waitFor();

    // Without evidence the form says so, before anything is sent.
    await page.getByLabel(c['policy.form.fact'], { exact: true }).selectOption('deliveredAt');
    const value = page.getByLabel(c['policy.fact.deliveredAt'], { exact: true });
    await value.fill(dhakaDay(-8));
    await page.getByText(fmt(c['policy.form.current'], { value: c['policy.notYet'], source: c['policy.source.consumer'] })).waitFor();
    await page.getByRole('button', { name: c['merchant.contest.send'] }).click();
    await page.locator('#m-contest-files-error').getByText(c['merchant.contest.err.files']).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'm-contest-files');
    await page.getByLabel(c['merchant.contest.files'], { exact: true }).setInputFiles({ name: 'courier-receipt.png', mimeType: 'image/png', buffer: TINY_PNG });
    await page.getByLabel(c['merchant.contest.note'], { exact: true }).fill('কুরিয়ারের রসিদে ডেলিভারির তারিখ আছে।');
    await noSeriousA11y(page, 'merchant: contest form');
    await page.getByRole('button', { name: c['merchant.contest.send'] }).click();
    await page.getByRole('status').filter({ hasText: c['merchant.contest.sent'] }).waitFor();
    // Delivered 8 days ago, within the 10 days: the rule was kept, on the merchant's word.
    const kept = finding(policy, 'dcog.delivery', 'compliant');
    await kept.getByText(c['policy.outcome.compliant']).waitFor();
    await kept.getByText(fmt(c['policy.factLine'], { fact: c['policy.fact.deliveredAt'], value: bnDate(dhakaDay(-8)), source: c['policy.source.merchant'] }), { exact: false }).waitFor();
    await page.getByRole('img', { name: fmt(c['merchant.evidence.imageAlt'], { name: 'courier-receipt.png' }) }).waitFor();
    await page.getByText(c['merchant.event.policy_facts_stated']).waitFor();
    await noSeriousA11y(page, 'merchant: contested');
    await sectionShot(policy, 'policy-merchant');

    const view = (await w.service.app.inject({ method: 'GET', url: `/api/v1/complaints/${filed.trackingCode}`, headers: consumer.auth })).json();
    assert.equal(view.policy.facts.deliveredAt, dhakaDay(-8));
    assert.equal(view.policy.sources.deliveredAt, 'merchant');
    assert.equal(view.policy.layers.consumer.deliveredAt, null, 'the consumer’s word is kept beneath');
    assert.equal(view.policy.findings.find((f: { ruleId: string }) => f.ruleId === 'dcog.delivery').outcome, 'compliant');
    const stated = view.timeline.find((e: { type: string }) => e.type === 'policy_facts_stated');
    assert.equal(stated.payload.evidenceIds.length, 1);
    await ctx.close();
  });

  it('(c) an officer overrides one finding and confirms another, with reasons; corrects a fact; the merchant sees the reviews and its breaches per rule', async () => {
    // An escalated case: the merchant defended, the consumer rejected.
    const consumer = await consumerLogin(w.service);
    const filed = await fileVia(w.service, consumer.auth, lateOrder());
    const code = filed.trackingCode;
    const m = await merchantLogin(w.service, world.merchantUser);
    assert.equal((await step(w.service, m, code, 'respond', { kind: 'defence', message: 'The parcel was handed to the courier on time.' })).statusCode, 200);
    assert.equal((await step(w.service, consumer.auth, code, 'reject', { reason: 'The parcel never came.' })).json().state, 'escalated');

    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto('/regulator');
    await h1(page, c['regulator.signIn.title']);
    await page.getByLabel(c['regulator.signIn.email']).fill(world.officer.email);
    await page.getByLabel(c['regulator.signIn.password'], { exact: true }).fill(world.officer.password);
    w.service.clock.advance(31_000);
    await page.getByLabel(c['regulator.signIn.totp']).fill(totpAt(world.officer.totpSecret, totpStep(w.service.clock.now())));
    await page.getByRole('button', { name: c['regulator.signIn.submit'] }).click();
    await page.getByRole('heading', { level: 1, name: /অভিযোগের তালিকা/ }).waitFor();
    await page.goto(`/regulator/c/${code}`);
    await h1(page, fmt(c['regulator.case.title'], { code: toBengaliDigits(code) }));

    // Each finding with its inputs: the figures and the facts with who stated them.
    const policy = page.getByRole('region', { name: c['policy.title'] });
    const delivery = finding(policy, 'dcog.delivery', 'breach');
    const inputs = delivery.locator('dl.finding-numbers');
    await inputs.locator('div', { hasText: c['policy.num.daysLate'] }).getByText('৪', { exact: true }).waitFor();
    await inputs.locator('div', { hasText: c['policy.num.days'] }).getByText('১০', { exact: true }).waitFor();
    await delivery.getByText(fmt(c['policy.factLine'], { fact: c['policy.fact.sameCity'], value: c['policy.no'], source: c['policy.source.consumer'] }), { exact: false }).waitFor();

    // Override the delivery finding: the reason is required.
    await delivery.getByRole('button', { name: c['regulator.policy.review'] }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'rp-dcog-delivery-decision');
    await delivery.getByLabel(c['regulator.policy.override']).check();
    await delivery.getByLabel(c['regulator.policy.outcome']).selectOption('compliant');
    await delivery.getByRole('button', { name: c['regulator.policy.submit'] }).click();
    await delivery.locator('#rp-dcog-delivery-reason-error').getByText(c['regulator.policy.err.reason']).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'rp-dcog-delivery-reason');
    await delivery.getByLabel(c['regulator.policy.reason']).fill('ভোক্তা নিজেই কুরিয়ার অফিস থেকে পার্সেল নিতে রাজি হয়েছিলেন।');
    await delivery.getByRole('button', { name: c['regulator.policy.submit'] }).click();
    await page.getByRole('status').filter({ hasText: c['regulator.done'] }).waitFor();
    const overridden = finding(policy, 'dcog.delivery', 'compliant');
    await overridden.getByText(/বদলে “নিয়ম মানা হয়েছে” করেছেন। কারণ: ভোক্তা নিজেই/).waitFor();
    await overridden.getByText(fmt(c['policy.review.computed'], { outcome: c['policy.outcome.breach'] })).waitFor();

    // Confirm the refund breach.
    const refund = finding(policy, 'dcog.refund', 'breach');
    await refund.getByRole('button', { name: c['regulator.policy.review'] }).click();
    await refund.getByLabel(c['regulator.policy.confirm']).check();
    await refund.getByLabel(c['regulator.policy.reason']).fill('পরিশোধের ১০ দিন পরেও টাকা ফেরত দেওয়া হয়নি।');
    await refund.getByRole('button', { name: c['regulator.policy.submit'] }).click();
    await refund.getByText(/অধিদপ্তরের একজন কর্মকর্তা এটি নিশ্চিত করেছেন। কারণ: পরিশোধের/).waitFor();
    await noSeriousA11y(page, 'officer: reviewed');
    // The officer, who weighs the rule, is told which clause numbers are not yet confirmed.
    assert.ok((await policy.getByText(/নম্বর এখনও যাচাই হয়নি/).count()) > 0);
    await sectionShot(policy, 'policy-regulator');

    // The merchant sees both reviews on its complaint page, and the confirmed breach counted.
    const mctx = await newContext(w);
    const merchant = await mctx.newPage();
    await merchantSignIn(merchant);
    await merchant.goto(`/merchant/c/${code}`);
    await h1(merchant, fmt(c['merchant.complaint.title'], { code: toBengaliDigits(code) }));
    const mpolicy = merchant.getByRole('region', { name: c['policy.title'] });
    await finding(mpolicy, 'dcog.delivery', 'compliant').getByText(/বদলে “নিয়ম মানা হয়েছে” করেছেন/).waitFor();
    await finding(mpolicy, 'dcog.refund', 'breach').getByText(/নিশ্চিত করেছেন/).waitFor();
    await merchant.getByText(c['merchant.event.policy_finding_reviewed']).first().waitFor();
    await noSeriousA11y(merchant, 'merchant: reviewed findings');
    await merchant.getByRole('link', { name: c['merchant.nav.figures'] }).click();
    await h1(merchant, c['merchant.figures.title']);
    const row = merchant.locator('table.breaches tr[data-rule="dcog.refund"]');
    await row.waitFor();
    // Three late refunds against ShopBD (the complaints of (a), (b) and this one); this one confirmed.
    assert.deepEqual(await row.locator('td').allTextContents(), ['৩', '১']);
    assert.equal(await row.locator('th').textContent(), c['policy.rule.dcog.refund']);
    await noSeriousA11y(merchant, 'merchant: figures with breaches');
    await screenshot(merchant, 'policy-merchant-figures-bn-phone');
    // The consumer sees the same override.
    const cview = (await w.service.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: consumer.auth })).json();
    const cdelivery = cview.policy.findings.find((f: { ruleId: string }) => f.ruleId === 'dcog.delivery');
    assert.equal(cdelivery.effectiveOutcome, 'compliant');
    assert.equal(cdelivery.review.decision, 'override');
    assert.equal(cdelivery.review.officerId, undefined, 'the parties do not see the officer’s id');

    // The officer corrects a fact (the parcel came 6 days ago): the rules run again, the
    // delivery is now kept by the facts themselves and the override no longer applies.
    await page.getByLabel(c['policy.form.fact'], { exact: true }).selectOption('deliveredAt');
    await page.getByLabel(c['policy.fact.deliveredAt'], { exact: true }).fill(dhakaDay(-6));
    await page.getByRole('button', { name: c['regulator.policy.correctSubmit'] }).click();
    await page.locator('#rp-correct-reason-error').getByText(c['regulator.policy.err.reason']).waitFor();
    await page.getByLabel(c['regulator.policy.correctReason']).fill('শুনানিতে কুরিয়ারের রেকর্ড দেখানো হয়েছে।');
    await page.getByRole('button', { name: c['regulator.policy.correctSubmit'] }).click();
    const stale = finding(policy, 'dcog.delivery', 'compliant');
    await stale.locator('.finding-stale').waitFor();
    assert.equal(await stale.locator('.finding-review').count(), 0);
    await stale.getByText(fmt(c['policy.factLine'], { fact: c['policy.fact.deliveredAt'], value: bnDate(dhakaDay(-6)), source: c['policy.source.officer'] }), { exact: false }).waitFor();
    await policy.getByText(fmt(c['regulator.policy.alsoSaid'], { source: c['policy.source.consumer'], value: c['policy.notYet'] })).waitFor();
    await noSeriousA11y(page, 'officer: corrected');
    await sectionShot(policy, 'policy-regulator-corrected-bn-phone');
    await ctx.close();

    // The public profile lists the breaches per rule.
    const pctx = await newContext(w);
    const profile = await pctx.newPage();
    await profile.goto(`/sellers/${world.merchant}`);
    await h1(profile, 'ShopBD');
    await profile.getByRole('heading', { name: c['consumer.seller.breaches'] }).waitFor();
    await profile.locator('table.breaches tr[data-rule="dcog.refund"]').waitFor();
    await noSeriousA11y(profile, 'seller profile with breaches');
    await mctx.close();
    await pctx.close();
  });
});
