// Tracking a complaint in a real browser, on a 360×640 phone, in Bengali: signing in on the
// tracking page, the timeline in plain words, accepting or rejecting the seller's answer, a
// change made elsewhere (409), confirming the remedy and rating it, withdrawing; and checking
// a seller before buying. (Moved here from consumer.test.ts, which keeps the filing flow.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { t as domainT } from '@nalish/domain';
import { TINY_PNG, type World, complaintInput, consumerLogin, fileVia, lastOtp, makeWorld, merchantLogin, step } from '../../server/test/harness.ts';
import { type BrowserWorld, newContext, screenshot, startBrowserWorld } from './browser.ts';
import { BN, heading, noSeriousA11y } from './consumerSupport.ts';

describe('consumer tracking and seller pages', () => {
  let w: BrowserWorld;
  let world: World;
  before(async () => {
    w = await startBrowserWorld();
    world = await makeWorld(w.service.deps.db);
  });
  after(() => w.close());

  it('tracking: sign in inline, read the timeline, accept the merchant’s offer', async () => {
    const c = BN;
    const { phone, auth } = await consumerLogin(w.service);
    const filed = await fileVia(w.service, auth, complaintInput({ merchantId: world.merchant }));
    const m = await merchantLogin(w.service, world.merchantUser);
    const r = await step(w.service, m, filed.trackingCode, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 2500, message: 'আমরা পুরো টাকা বিকাশে ফেরত দেব।' });
    assert.equal(r.statusCode, 200, r.body);
    // The OTP sent by consumerLogin blocks another for a minute.
    w.service.clock.advance(61_000);

    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto(`/t/${filed.trackingCode}`);
    await page.getByText(c['consumer.track.signIn']).waitFor();
    await noSeriousA11y(page, 'tracking sign-in');
    await page.getByLabel(c['consumer.otp.phone'], { exact: true }).fill(phone.replace('+88', ''));
    await page.getByRole('button', { name: c['consumer.otp.send'], exact: true }).click();
    // The code field appears once the server has stored the new code; reading the outbox
    // before that would find the older code this number was sent above.
    const codeField = page.getByLabel(c['consumer.otp.code'], { exact: true });
    await codeField.waitFor();
    await codeField.fill(await lastOtp(w.service.deps.db, phone));
    await page.getByRole('button', { name: c['consumer.otp.verify'], exact: true }).click();

    await page.locator('.state-label').getByText(domainT('bn', 'state.merchant_responded'), { exact: true }).waitFor();
    const timeline = page.getByRole('list').filter({ has: page.locator('time') });
    await timeline.getByText('আপনি অভিযোগ করেছেন।').waitFor();
    await timeline.getByText(c['consumer.ev.route']).waitFor();
    await timeline.getByText(c['consumer.ev.respond.offer']).waitFor();
    await page.getByText('আমরা পুরো টাকা বিকাশে ফেরত দেব।').waitFor();
    await page.getByText('৳২,৫০০').first().waitFor();
    await page.getByText(/এখন আপনার পালা: .* এর মধ্যে উত্তর দিন।/).waitFor();
    await page.getByText(/আর [০-৯]+ দিন বাকি: গ্রহণ বা প্রত্যাখ্যান করুন; এর মধ্যে না জানালে তা গৃহীত ধরা হবে।/).waitFor();
    await noSeriousA11y(page, 'tracking');
    await screenshot(page, 'consumer-track-offer-bn-phone');

    await page.getByRole('button', { name: c['consumer.track.accept'], exact: true }).click();
    await page.getByRole('status').getByText(c['consumer.track.done']).waitFor();
    await timeline.getByText('আপনি প্রস্তাব মেনে নিয়েছেন।').waitFor();
    // On an accepted offer the next date is the remedy's, with the days left (issue 11.4), not "answer by".
    await page.getByText(/বিক্রেতাকে .* এর মধ্যে প্রতিকার দিতে হবে \(আর [০-৯]+ দিন বাকি\)।/).waitFor();
    // More evidence, added from the tracking page.
    await page.setInputFiles('#t-file', { name: 'chat.png', mimeType: 'image/png', buffer: TINY_PNG });
    await page.getByRole('status').getByText(c['consumer.track.uploaded'].replace('{name}', 'chat.png')).waitFor();
    await page.getByRole('link', { name: 'chat.png' }).waitFor();
    await timeline.getByText('আপনি একটি ফাইল যোগ করেছেন।').waitFor();
    const after = await (await page.request.get(`/api/v1/complaints/${filed.trackingCode}`)).json();
    assert.equal(after.state, 'resolved');
    assert.deepEqual(after.evidence.map((e: { filename: string }) => e.filename), ['chat.png']);
    await noSeriousA11y(page, 'tracking after accepting');
    await screenshot(page, 'consumer-track-accepted-bn-phone');
    await ctx.close();
  });

  /** A complaint with the merchant's offer, and a browser already signed in as its consumer. */
  async function offerAndSignedInPage() {
    const { auth } = await consumerLogin(w.service);
    const filed = await fileVia(w.service, auth, complaintInput({ merchantId: world.merchant }));
    const m = await merchantLogin(w.service, world.merchantUser);
    const r = await step(w.service, m, filed.trackingCode, 'respond', { kind: 'offer', remedy: 'replacement', message: 'We will send a new one.' });
    assert.equal(r.statusCode, 200, r.body);
    const ctx = await newContext(w);
    await ctx.addCookies([{ name: 'nalish_session', value: auth.authorization!.replace('Bearer ', ''), url: w.baseUrl }]);
    const page = await ctx.newPage();
    await page.goto(`/t/${filed.trackingCode}`);
    await page.locator('.state-label').getByText(domainT('bn', 'state.merchant_responded'), { exact: true }).waitFor();
    return { ctx, page, code: filed.trackingCode, auth, merchant: m };
  }

  it('tracking: reject with a reason (an empty reason is refused next to the field)', async () => {
    const c = BN;
    const { ctx, page, code } = await offerAndSignedInPage();
    await page.getByRole('button', { name: c['consumer.track.reject'], exact: true }).click();
    const reason = page.getByLabel(c['consumer.track.rejectReason'], { exact: true });
    await reason.waitFor();
    await page.getByRole('button', { name: c['consumer.track.rejectSend'], exact: true }).click();
    await page.getByText(c['consumer.err.reason']).waitFor();
    assert.equal(await reason.getAttribute('aria-invalid'), 'true');
    await noSeriousA11y(page, 'reject form with error');
    await reason.fill('পুরোনো পণ্য বদলে নয়, আমি টাকা ফেরত চাই।');
    await page.getByRole('button', { name: c['consumer.track.rejectSend'], exact: true }).click();
    await page.getByText('আপনি বিক্রেতার উত্তর মানেননি।').waitFor();
    const view = await (await page.request.get(`/api/v1/complaints/${code}`)).json();
    assert.equal(view.state, 'escalated');
    await page.locator('.state-label').getByText(domainT('bn', 'state.escalated'), { exact: true }).waitFor();
    await page.getByText(/এরপর অধিদপ্তর ব্যবস্থা নেবে/).waitFor();
    await screenshot(page, 'consumer-track-rejected-bn-phone');
    await ctx.close();
  });

  it('tracking: a change made elsewhere (409) reloads the complaint with a message', async () => {
    const c = BN;
    const { ctx, page, code, auth } = await offerAndSignedInPage();
    // The consumer accepts on another device while this page still shows the offer.
    const r = await step(w.service, auth, code, 'accept', {});
    assert.equal(r.statusCode, 200, r.body);
    await page.getByRole('button', { name: c['consumer.track.accept'], exact: true }).click();
    await page.getByText(c['consumer.track.conflict']).waitFor();
    await page.locator('.state-label').getByText(domainT('bn', 'state.resolved'), { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: c['consumer.track.accept'], exact: true }).count(), 0);
    await ctx.close();
  });

  it('tracking: confirm the remedy, then rate 1–5 stars with a comment using the keyboard', async () => {
    const c = BN;
    const { ctx, page, code } = await offerAndSignedInPage();
    await page.getByRole('button', { name: c['consumer.track.accept'], exact: true }).click();
    await page.getByRole('button', { name: c['consumer.track.confirm'], exact: true }).click();
    await page.locator('.state-label').getByText(domainT('bn', 'state.fulfilled'), { exact: true }).waitFor();
    await page.getByRole('heading', { name: c['consumer.track.rate'] }).waitFor();
    await noSeriousA11y(page, 'rating');
    // Keyboard: focus the first star, arrow to the fourth, Tab to the comment, Tab to send.
    await page.getByRole('radio', { name: c['consumer.track.stars'].replace('{n}', '১') }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.type('দ্রুত নতুন পণ্য পাঠিয়েছে।');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('আপনি বিক্রেতাকে মূল্যায়ন করেছেন।').waitFor();
    await screenshot(page, 'consumer-track-rated-bn-phone');
    const view = await (await page.request.get(`/api/v1/complaints/${code}`)).json();
    assert.equal(view.rating, 4);
    assert.equal(view.timeline.at(-1).payload.comment, 'দ্রুত নতুন পণ্য পাঠিয়েছে।');
    await page.getByText(/৫ এর মধ্যে ৪ তারা — দ্রুত নতুন পণ্য পাঠিয়েছে।/).waitFor();
    await ctx.close();
  });

  it('tracking: withdraw asks for confirmation first', async () => {
    const c = BN;
    const { ctx, page, code } = await offerAndSignedInPage();
    await page.getByRole('button', { name: c['consumer.track.withdraw'], exact: true }).click();
    await page.getByText(c['consumer.track.withdrawConfirm']).waitFor();
    await noSeriousA11y(page, 'withdraw confirmation');
    await page.getByRole('button', { name: c['common.cancel'], exact: true }).click();
    assert.equal((await (await page.request.get(`/api/v1/complaints/${code}`)).json()).state, 'merchant_responded');
    await page.getByRole('button', { name: c['consumer.track.withdraw'], exact: true }).click();
    await page.getByRole('button', { name: c['consumer.track.withdrawYes'], exact: true }).click();
    await page.locator('.state-label').getByText(domainT('bn', 'state.withdrawn'), { exact: true }).waitFor();
    await page.getByText(c['consumer.track.next.none']).waitFor();
    assert.equal((await (await page.request.get(`/api/v1/complaints/${code}`)).json()).state, 'withdrawn');
    await ctx.close();
  });

  it('seller check: search and the public profile', async () => {
    const c = BN;
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto('/sellers?q=shop');
    await heading(page, c['consumer.sellers.title']);
    await page.getByRole('link', { name: /ShopBD/ }).click();
    await heading(page, 'ShopBD');
    await page.getByText('TL-1').waitFor();
    await page.getByText('DBID-1').waitFor();
    await page.getByText('shopbd.test').waitFor();
    await page.getByText(c['consumer.seller.registeredLead']).waitFor();
    await noSeriousA11y(page, 'seller profile');
    await screenshot(page, 'consumer-seller-bn-phone');
    // Complaining from the profile brings the seller into the filing draft.
    await page.getByRole('button', { name: c['consumer.seller.file'], exact: true }).click();
    await heading(page, c['consumer.step.phone']);
    assert.match((await page.evaluate(() => localStorage.getItem('nalish.consumer.draft'))) ?? '', /"name":"ShopBD"/);
    await ctx.close();
  });
});
