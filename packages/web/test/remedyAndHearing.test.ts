// Two journeys on a 360×640 phone in Bengali (issues 11.4, 11.14, 18.1): the merchant records
// the refund it sent (channel and transaction reference) and the consumer, told what happens
// next and by when, confirms it; and a hearing is held (attendance recorded) before the
// officer's decision, which is refused while the hearing is still to be held.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { t as domainT, toBengaliDigits } from '@nalish/domain';
import { type World, complaintInput, consumerLogin, fileVia, lastOtp, makeWorld, merchantLogin, officerLogin, step } from '../../server/test/harness.ts';
import { totpAt, totpStep } from '../../server/src/auth/totp.ts';
import { merchantBn as MB } from '../src/i18n/merchant.bn.ts';
import { regulatorBn as RB } from '../src/i18n/regulator.bn.ts';
import { type BrowserWorld, newContext, screenshot, startBrowserWorld } from './browser.ts';
import { BN, noSeriousA11y } from './consumerSupport.ts';



describe('remedy carried out and hearings, on a phone in Bengali', () => {
  let w: BrowserWorld;
  let world: World;
  before(async () => {
    w = await startBrowserWorld();
    // The browser keeps real time (cookie expiry), so the service runs on real time too.
    w.service.clock.set(new Date());
    world = await makeWorld(w.service.deps.db);
  });
  after(() => w.close());

  it('the merchant records the refund sent; the consumer sees what happens next and confirms it', async () => {
    const c = BN;
    const { phone, auth } = await consumerLogin(w.service);
    const filed = await fileVia(w.service, auth, complaintInput({ merchantId: world.merchant }));
    const code = filed.trackingCode;
    const m = await merchantLogin(w.service, world.merchantUser);
    assert.equal((await step(w.service, m, code, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 2500, message: 'আমরা পুরো টাকা বিকাশে ফেরত দেব।' })).statusCode, 200);
    assert.equal((await step(w.service, auth, code, 'accept')).statusCode, 200);

    // The merchant, on a phone.
    const mctx = await newContext(w, { locale: 'bn' });
    const mp = await mctx.newPage();
    await mp.goto('/merchant');
    await mp.getByLabel('ই-মেইল').fill(world.merchantUser.email);
    await mp.getByLabel('পাসওয়ার্ড').fill(world.merchantUser.password);
    await mp.getByRole('button', { name: 'সাইন ইন' }).click();
    await mp.getByRole('heading', { level: 1, name: 'অভিযোগসমূহ' }).waitFor();
    await mp.goto(`/merchant/c/${code}`);
    await mp.getByRole('heading', { name: MB['merchant.remedyForm.title'] }).waitFor();
    // What it must do, by when, with the days left.
    await mp.getByText(/এর মধ্যে প্রতিকার দিয়ে তা লিখুন \(আর [০-৯]+ দিন বাকি\)/).waitFor();
    await mp.getByLabel(MB['merchant.remedyForm.channel']).selectOption('bkash');
    // A refund without its reference is refused before it is sent.
    await mp.getByRole('button', { name: MB['merchant.remedyForm.submit'] }).click();
    await mp.getByText(MB['merchant.remedyForm.err.reference']).waitFor();
    await mp.getByLabel(MB['merchant.remedyForm.reference']).fill('9F7A6B5C4D');
    await noSeriousA11y(mp, 'merchant: remedy form');
    await screenshot(mp, 'merchant-record-remedy-bn-phone');
    await mp.getByRole('button', { name: MB['merchant.remedyForm.submit'] }).click();
    await mp.getByText(MB['merchant.remedyForm.sent']).waitFor();
    await mp.getByText(domainT('bn', 'state.remedy_reported')).first().waitFor();
    await mctx.close();

    // The consumer, on a phone: signs in on the tracking page, checks the reference, confirms.
    w.service.clock.advance(61_000);
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto(`/t/${code}`);
    await page.getByLabel(c['consumer.otp.phone'], { exact: true }).fill(phone.replace('+88', ''));
    await page.getByRole('button', { name: c['consumer.otp.send'], exact: true }).click();
    const codeField = page.getByLabel(c['consumer.otp.code'], { exact: true });
    await codeField.waitFor();
    await codeField.fill(await lastOtp(w.service.deps.db, phone));
    await page.getByRole('button', { name: c['consumer.otp.verify'], exact: true }).click();
    await page.locator('.state-label').getByText(domainT('bn', 'state.remedy_reported'), { exact: true }).waitFor();
    await page.getByRole('heading', { name: c['consumer.track.remedyRecord'] }).waitFor();
    await page.getByText('লেনদেন নম্বর: 9F7A6B5C4D').waitFor();
    await page.getByText(/পেয়েছেন কি না \(আর [০-৯]+ দিন বাকি\)/).waitFor();
    await page.getByText(/“প্রতিকার দেওয়া হয়েছে, আপনি নিশ্চিত করেননি”/).first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scrolling at 360 px');
    await noSeriousA11y(page, 'consumer: confirm the remedy');
    await screenshot(page, 'consumer-confirm-remedy-bn-phone');
    await page.getByRole('button', { name: c['consumer.track.confirm'], exact: true }).click();
    await page.getByRole('status').getByText(c['consumer.track.done']).waitFor();
    await page.locator('.state-label').getByText(domainT('bn', 'state.fulfilled'), { exact: true }).waitFor();
    const timeline = page.getByRole('list').filter({ has: page.locator('time') });
    await timeline.getByText(c['consumer.ev.record_remedy']).waitFor();
    await ctx.close();
  });

  it('a hearing is held (attendance recorded) before the decision; a decision before it is refused', async () => {
    const s = w.service;
    const { auth } = await consumerLogin(s);
    const filed = await fileVia(s, auth, complaintInput({ merchantId: world.merchant }));
    const code = filed.trackingCode;
    const m = await merchantLogin(s, world.merchantUser);
    await step(s, m, code, 'respond', { kind: 'defence', message: 'The parcel was handed to the courier on time.' });
    assert.equal((await step(s, auth, code, 'reject', { reason: 'The courier never came to my address.' })).json().state, 'escalated');
    const api = await officerLogin(s, world.officer);
    await step(s, api, code, 'assign', { officerId: world.officer.id });
    const at = new Date(s.clock.now().getTime() + 2 * 3600_000);
    assert.equal((await step(s, api, code, 'schedule_hearing', { at: at.toISOString(), mode: 'in_person', place: 'জাতীয় ভোক্তা অধিকার সংরক্ষণ অধিদপ্তর, ঢাকা' })).statusCode, 200);
    // The API refuses a decision while the hearing is to be held, and says why.
    const early = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/decide`, headers: { ...api, 'accept-language': 'bn' }, payload: { outcome: 'upheld', reasons: 'বিক্রেতা পণ্য সরবরাহ করেনি।' } });
    assert.equal(early.statusCode, 409);
    assert.ok(early.json().error.message.includes(domainT('bn', 'guard.hearing_not_settled')));

    // After the hearing, the officer on a phone records who came, then decides.
    s.clock.set(new Date(at.getTime() + 3600_000));
    const ctx = await newContext(w, { locale: 'bn' });
    const page = await ctx.newPage();
    await page.goto(`/regulator/c/${code}`);
    await page.getByLabel(RB['regulator.signIn.email']).fill(world.officer.email);
    await page.getByLabel(RB['regulator.signIn.password'], { exact: true }).fill(world.officer.password);
    s.clock.advance(31_000);
    await page.getByLabel(RB['regulator.signIn.totp']).fill(totpAt(world.officer.totpSecret, totpStep(s.clock.now())));
    await page.getByRole('button', { name: RB['regulator.signIn.submit'] }).click();
    await page.getByRole('heading', { level: 1, name: `অভিযোগ ${toBengaliDigits(code)}` }).waitFor();
    assert.equal(await page.getByRole('button', { name: RB['regulator.decide.submit'] }).count(), 0, 'no decision form while the hearing is to be held');
    await page.getByRole('radio', { name: RB['regulator.held.merchant_only'] }).check();
    // The consumer did not come: the form asks for the second notice's date.
    await page.getByText(RB['regulator.held.secondHint']).waitFor();
    await page.getByRole('radio', { name: RB['regulator.held.both'] }).check();
    await noSeriousA11y(page, 'officer: record the hearing');
    await screenshot(page, 'regulator-record-hearing-bn-phone');
    await page.getByRole('button', { name: RB['regulator.held.submit'], exact: true }).click();
    await page.getByText('হয়েছে: দুই পক্ষই।').waitFor();
    await page.getByRole('radio', { name: RB['regulator.outcome.upheld'] }).check();
    await page.locator('#ra-reasons').fill('বিক্রেতা অগ্রিম টাকা নিয়ে পণ্য সরবরাহ করেনি।');
    await page.getByRole('button', { name: RB['regulator.decide.submit'] }).click();
    await page.locator('dd', { hasText: domainT('bn', 'state.decided') }).first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scrolling at 360 px');
    await screenshot(page, 'regulator-decided-after-hearing-bn-phone');
    await ctx.close();
  });
});
