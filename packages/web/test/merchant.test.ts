// The merchant portal in a real browser: sign in, the inbox by deadline with overdue ones
// marked in words, a complaint with the consumer's photo, answering with an offer (the
// consumer's view shows it) and with a defence and an uploaded PDF, API keys created and
// revoked, team and figures; Bengali on a phone, English on a desktop, axe-clean pages and
// an answer given with the keyboard alone.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { toBengaliDigits } from '@nalish/domain';
import type { Page } from 'playwright-core';
import { type World, complaintInput, consumerLogin, fileVia, makeWorld, multipart } from '../../server/test/harness.ts';
import { type BrowserWorld, newContext, screenshot, seriousA11yViolations, startBrowserWorld } from './browser.ts';
import { png } from './png.ts';

const DAY = 24 * 60 * 60 * 1000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** A small striped PNG (a stand-in for a phone photo), made without any library. */
function photo(width = 240, height = 160): Buffer {
  return png(width, height, (x, y) => (Math.floor((x + y) / 20) % 2 ? [11, 110, 79] : [240, 200, 80]));
}

function withFile(auth: Record<string, string>, name: string, data: Buffer) {
  const m = multipart(name, data);
  return { payload: m.payload, headers: { ...auth, ...m.headers } };
}

async function signIn(page: Page, user: { email: string; password: string }, en = false) {
  await page.goto('/merchant');
  await page.getByLabel(en ? 'E-mail' : 'ই-মেইল').fill(user.email);
  await page.getByLabel(en ? 'Password' : 'পাসওয়ার্ড').fill(user.password);
  await page.getByRole('button', { name: en ? 'Sign in' : 'সাইন ইন' }).click();
  await page.getByRole('heading', { level: 1, name: en ? 'Complaints' : 'অভিযোগসমূহ' }).waitFor();
}

async function noSeriousViolations(page: Page, where: string) {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe: ${where}`);
}


describe('merchant portal in the browser', () => {
  let w: BrowserWorld;
  let world: World;
  let overdueCode: string;
  let photoCode: string;
  let photoSha: string;
  let consumerAuth: Record<string, string>;

  before(async () => {
    w = await startBrowserWorld();
    world = await makeWorld(w.service.deps.db);
    // An old complaint, left unanswered past its deadline (the sweep does not run here, so it
    // stays with the merchant, overdue).
    const early = await consumerLogin(w.service);
    overdueCode = (await fileVia(w.service, early.auth, complaintInput({ order: { number: 'ORD-LATE-1', date: '2026-11-10', amountBdt: 1200, paymentChannel: 'cod' } })))
      .trackingCode;
    w.service.clock.advance(6 * DAY);
    // A fresh complaint with the consumer's photo.
    const c = await consumerLogin(w.service);
    consumerAuth = c.auth;
    const filed = await fileVia(w.service, c.auth, complaintInput({ order: { number: 'ORD-PHOTO-1', date: '2026-11-12', amountBdt: 2500, paymentChannel: 'bkash' } }));
    photoCode = filed.trackingCode;
    const png = photo();
    photoSha = createHash('sha256').update(png).digest('hex');
    const up = await w.service.app.inject({ method: 'POST', url: `/api/v1/complaints/${photoCode}/evidence`, ...withFile(c.auth, 'parcel.png', png) });
    assert.equal(up.statusCode, 201, up.body);
  });
  after(() => w.close());

  it('Bengali on a phone: sign in, the inbox marks the overdue complaint, the photo shows, an offer reaches the consumer', async () => {
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await page.goto('/merchant');
    await page.getByRole('heading', { level: 1, name: 'বিক্রেতা সাইন ইন' }).waitFor();
    await noSeriousViolations(page, 'sign-in');
    // A wrong password says so in Bengali.
    await page.getByLabel('ই-মেইল').fill(world.merchantUser.email);
    await page.getByLabel('পাসওয়ার্ড').fill('wrong-password-0');
    await page.getByRole('button', { name: 'সাইন ইন' }).click();
    await page.getByRole('alert').filter({ hasText: 'পাসওয়ার্ড' }).waitFor();
    await signIn(page, world.merchantUser);

    const overdueItem = page.getByRole('listitem').filter({ hasText: `অভিযোগ ${toBengaliDigits(overdueCode)}` });
    await overdueItem.getByText('সময় পেরিয়ে গেছে: উত্তরের সময়সীমা শেষ').waitFor();
    const fresh = page.getByRole('listitem').filter({ hasText: `অভিযোগ ${toBengaliDigits(photoCode)}` });
    await fresh.waitFor();
    assert.equal(await fresh.getByText('সময় পেরিয়ে গেছে').count(), 0);
    // Soonest deadline first: the overdue one leads; amounts in Bengali digits.
    const titles = await page.locator('.m-item-title').allTextContents();
    assert.deepEqual(titles, [`অভিযোগ ${toBengaliDigits(overdueCode)}`, `অভিযোগ ${toBengaliDigits(photoCode)}`]);
    await fresh.getByText('৳২,৫০০').waitFor();
    await noSeriousViolations(page, 'inbox');
    await screenshot(page, 'merchant-inbox-bn-phone');

    // Only overdue.
    await page.getByLabel('শুধু সময় পেরোনো').check();
    await page.getByRole('button', { name: 'দেখান' }).click();
    await page.waitForURL(/overdue=true/);
    await page.getByText('১টি অভিযোগ দেখানো হচ্ছে').waitFor();
    assert.deepEqual(await page.locator('.m-item-title').allTextContents(), [`অভিযোগ ${toBengaliDigits(overdueCode)}`]);
    await page.getByLabel('শুধু সময় পেরোনো').uncheck();
    await page.getByRole('button', { name: 'দেখান' }).click();
    await page.getByText('২টি অভিযোগ দেখানো হচ্ছে').waitFor();

    await page.getByRole('link', { name: `অভিযোগ ${toBengaliDigits(photoCode)}` }).click();
    await page.getByRole('heading', { level: 1, name: `অভিযোগ ${toBengaliDigits(photoCode)}` }).waitFor();
    // The heading has focus after the page change.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    const img = page.getByRole('img', { name: 'প্রমাণের ছবি: parcel.png' });
    await img.waitFor();
    await page.waitForFunction(() => (document.querySelector('img.m-evidence-img') as HTMLImageElement | null)?.naturalWidth === 240);
    await page.getByText(photoSha).waitFor();
    await page.getByText('ORD-PHOTO-1').waitFor();
    await page.getByText('Rahim Uddin').waitFor();
    await page.getByText('সমস্যা শুরু হয়', { exact: false }).waitFor();
    await noSeriousViolations(page, 'complaint');
    await screenshot(page, 'merchant-complaint-bn-phone');

    // The answer: an amount above the limit comes back from the API and is shown at the field.
    await page.getByLabel('টাকার পরিমাণ (৳)').fill('999999999');
    await page.getByLabel('যে তারিখের মধ্যে করবেন').fill('2026-12-05');
    await page.getByLabel('ভোক্তার জন্য বার্তা').fill('আমরা পুরো টাকা বিকাশে ফেরত দেব।');
    await page.getByRole('button', { name: 'প্রস্তাব পাঠান' }).click();
    const amountError = page.locator('#m-amount-error');
    await amountError.waitFor();
    assert.equal(await amountError.textContent(), 'পূর্ণ টাকায় পরিমাণ লিখুন, যেমন ২৫০০।');
    assert.equal(await page.getByLabel('টাকার পরিমাণ (৳)').getAttribute('aria-invalid'), 'true');
    // What was typed is still there.
    assert.equal(await page.getByLabel('ভোক্তার জন্য বার্তা').inputValue(), 'আমরা পুরো টাকা বিকাশে ফেরত দেব।');
    await page.getByLabel('টাকার পরিমাণ (৳)').fill('2500');
    await noSeriousViolations(page, 'answer form');
    await screenshot(page, 'merchant-answer-bn-phone');
    await page.getByRole('button', { name: 'প্রস্তাব পাঠান' }).click();
    await page.getByText('আপনার উত্তর পাঠানো হয়েছে। ভোক্তাকে জানানো হয়েছে।').waitFor();
    await page.getByRole('heading', { name: 'আপনার উত্তর' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'প্রস্তাব পাঠান' }).count(), 0);
    await page.getByText('বিক্রেতা উত্তর দিয়েছেন').waitFor();

    // The consumer's view shows the offer.
    const view = (await w.service.app.inject({ method: 'GET', url: `/api/v1/complaints/${photoCode}`, headers: consumerAuth })).json();
    assert.equal(view.state, 'merchant_responded');
    assert.equal(view.response.kind, 'offer');
    assert.equal(view.response.remedy, 'refund');
    assert.equal(view.response.amountBdt, 2500);
    assert.equal(view.response.message, 'আমরা পুরো টাকা বিকাশে ফেরত দেব।');
    assert.equal(new Date(view.response.byDate).toISOString(), '2026-12-05T17:59:59.000Z');
    assert.ok(view.actions.includes('accept'));

    // Sign out returns to the sign-in page.
    await page.getByRole('button', { name: 'সাইন আউট' }).click();
    await page.getByRole('heading', { level: 1, name: 'বিক্রেতা সাইন ইন' }).waitFor();
    await ctx.close();
  });

  it('English on a desktop: a defence with an uploaded PDF', async () => {
    const c = await consumerLogin(w.service);
    const filed = await fileVia(w.service, c.auth, complaintInput({ category: 'wrong_or_damaged', wantedRemedy: 'replacement' }));
    const ctx = await newContext(w, { phone: false, locale: 'en' });
    const page = await ctx.newPage();
    await signIn(page, world.merchantUser, true);
    await page.getByRole('link', { name: `Complaint ${filed.trackingCode}` }).click();
    await page.getByRole('heading', { level: 1, name: `Complaint ${filed.trackingCode}` }).waitFor();
    await page.getByText('No files attached.').waitFor();
    await page.getByText('Wrong or damaged product').first().waitFor();
    await noSeriousViolations(page, 'complaint (en)');
    await screenshot(page, 'merchant-complaint-en-desktop');

    await page.getByLabel('Defend with evidence').check();
    // Too short: said next to the field, in English, before anything is sent.
    await page.getByLabel('Message to the consumer').fill('No.');
    await page.getByRole('button', { name: 'Send the defence' }).click();
    await page.locator('#m-message-error').getByText('Explain your defence in at least 10 characters.').waitFor();
    await page.getByLabel('Message to the consumer').fill('The parcel was delivered intact; the courier receipt signed by the consumer is attached.');
    await page.getByLabel('Evidence files').setInputFiles({ name: 'courier-receipt.pdf', mimeType: 'application/pdf', buffer: PDF });
    await noSeriousViolations(page, 'defence form (en)');
    await screenshot(page, 'merchant-answer-en-desktop');
    await page.getByRole('button', { name: 'Send the defence' }).click();
    await page.getByText('Your answer was sent. The consumer has been told.').waitFor();
    await page.getByRole('link', { name: 'Download PDF: courier-receipt.pdf' }).waitFor();
    await page.getByText(createHash('sha256').update(PDF).digest('hex')).waitFor();
    await page.getByText('Evidence added').first().waitFor();

    const view = (await w.service.app.inject({ method: 'GET', url: `/api/v1/complaints/${filed.trackingCode}`, headers: c.auth })).json();
    assert.equal(view.state, 'merchant_responded');
    assert.equal(view.response.kind, 'defence');
    assert.equal(view.response.evidenceIds.length, 1);
    const pdf = view.evidence.find((e: { id: string }) => e.id === view.response.evidenceIds[0]);
    assert.equal(pdf.mediaType, 'application/pdf');
    assert.equal(pdf.uploadedBy, 'merchant');
    // The PDF link downloads the very file.
    const dl = await page.request.get(`/api/v1/complaints/${filed.trackingCode}/evidence/${pdf.id}`);
    assert.equal(dl.status(), 200);
    assert.deepEqual(Buffer.from(await dl.body()), PDF);

    // A stale page gets a 409: the complaint reloads with a message and the text is kept.
    const other = await fileVia(w.service, c.auth);
    await page.goto(`/merchant/c/${other.trackingCode}`);
    await page.getByRole('heading', { level: 1, name: `Complaint ${other.trackingCode}` }).waitFor();
    // Meanwhile the consumer adds a file: the complaint's version moves on.
    await w.service.app.inject({ method: 'POST', url: `/api/v1/complaints/${other.trackingCode}/evidence`, ...withFile(c.auth, 'more.png', photo(40, 40)) });
    await page.getByLabel('Amount (৳)').fill('2500');
    await page.getByLabel('Message to the consumer').fill('Full refund by bKash today.');
    await page.getByRole('button', { name: 'Send the offer' }).click();
    await page.getByText('Someone changed this complaint while you were writing.', { exact: false }).waitFor();
    await page.getByRole('img', { name: 'Evidence photo: more.png' }).waitFor();
    assert.equal(await page.getByLabel('Message to the consumer').inputValue(), 'Full refund by bKash today.');
    await page.getByRole('button', { name: 'Send the offer' }).click();
    await page.getByText('Your answer was sent.', { exact: false }).waitFor();
    await ctx.close();
  });

  it('answers with the keyboard alone', async () => {
    const c = await consumerLogin(w.service);
    const filed = await fileVia(w.service, c.auth);
    const ctx = await newContext(w, { phone: false, locale: 'en' });
    const page = await ctx.newPage();
    await page.goto('/merchant');
    await page.getByRole('heading', { level: 1, name: 'Merchant sign-in' }).waitFor();
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    const tabTo = async (id: string) => {
      for (let i = 0; i < 60 && (await focusedId()) !== id; i++) await page.keyboard.press('Tab');
      assert.equal(await focusedId(), id, `keyboard reaches #${id}`);
    };
    await tabTo('m-email');
    await page.keyboard.type(world.merchantUser.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(world.merchantUser.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Complaints' }).waitFor();
    // To the complaint's link by Tab, opened with Enter.
    const linkText = `Complaint ${filed.trackingCode}`;
    for (let i = 0; i < 80 && (await page.evaluate(() => document.activeElement?.textContent ?? '')) !== linkText; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: linkText }).waitFor();
    await tabTo('m-kind-offer');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'm-remedy');
    await page.keyboard.press('ArrowDown'); // refund → replacement
    await tabTo('m-message');
    await page.keyboard.type('We will send a replacement by courier.');
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent ?? '')) !== 'Send the offer'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Your answer was sent. The consumer has been told.').waitFor();
    const view = (await w.service.app.inject({ method: 'GET', url: `/api/v1/complaints/${filed.trackingCode}`, headers: c.auth })).json();
    assert.equal(view.response.remedy, 'replacement');
    assert.equal(view.response.message, 'We will send a replacement by courier.');
    await ctx.close();
  });

  it('API keys: created in the page, shown once, work until revoked with confirmation', async () => {
    const ctx = await newContext(w, { phone: false, locale: 'en' });
    const page = await ctx.newPage();
    await signIn(page, world.merchantUser, true);
    await page.getByRole('navigation', { name: 'Merchant portal' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByText('No keys yet.').waitFor();
    await noSeriousViolations(page, 'keys (empty)');
    // No label: said at the field.
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.locator('#m-k-label-error').getByText('Give the key a label.').waitFor();
    await page.getByLabel('Label', { exact: true }).fill('order system');
    // Scopes: reading is ticked to start with; none at all is said at the group.
    const read = page.getByRole('checkbox', { name: /Read complaints/ });
    assert.equal(await read.isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: /Answer complaints/ }).isChecked(), false);
    await read.uncheck();
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.locator('#m-k-scopes-error').getByText('Choose at least one thing this key may do.').waitFor();
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value), 'complaints:read');
    await read.check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const keyBox = page.getByLabel('The new API key');
    await keyBox.waitFor();
    const key = await keyBox.inputValue();
    assert.match(key, /^nlk_/);
    await page.getByRole('button', { name: 'Copy the key' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'order system' }).waitFor();
    await noSeriousViolations(page, 'keys (created)');
    await screenshot(page, 'merchant-keys-en-desktop');

    // The list says what the key may do.
    await page.locator('.m-scope-list').getByText('complaints:read').waitFor();
    assert.equal(await page.locator('.m-scope-list li').count(), 1);

    const inbox = () => w.service.app.inject({ method: 'GET', url: '/api/v1/merchant/complaints', headers: { authorization: `Bearer ${key}` } });
    const ok = await inbox();
    assert.equal(ok.statusCode, 200);
    assert.ok(ok.json().items.length >= 1);
    // It may read, not answer.
    const answer = await w.service.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${ok.json().items[0].trackingCode}/respond`,
      headers: { authorization: `Bearer ${key}`, 'idempotency-key': 'browser-test-1' },
      payload: { kind: 'defence', message: 'Delivered on time.' },
    });
    assert.equal(answer.statusCode, 403);
    assert.equal(answer.json().error.code, 'missing_scope');

    // The key is never shown again.
    await page.reload();
    await page.getByRole('heading', { level: 3, name: 'order system' }).waitFor();
    assert.equal(await page.getByLabel('The new API key').count(), 0);
    assert.ok(!(await page.content()).includes(key));

    // Revoke: a confirmation first; cancelling keeps the key.
    await page.getByRole('button', { name: 'Revoke “order system”' }).click();
    await page.getByText('Systems using this key stop working at once.', { exact: false }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Yes, revoke it');
    await noSeriousViolations(page, 'keys (confirm)');
    await page.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await inbox()).statusCode, 200);
    await page.getByRole('button', { name: 'Revoke “order system”' }).click();
    await page.getByRole('button', { name: 'Yes, revoke it' }).click();
    await page.getByText('Key “order system” was revoked.').waitFor();
    await page.getByText(/^Revoked /).waitFor();
    assert.equal((await inbox()).statusCode, 401);
    await ctx.close();
  });

  it('team: an owner adds an agent whose password is shown once; figures show the merchant’s own numbers', async () => {
    const ctx = await newContext(w);
    const page = await ctx.newPage();
    await signIn(page, world.merchantUser);
    await page.getByRole('link', { name: 'টিম' }).click();
    await page.getByRole('heading', { level: 1, name: 'টিম' }).waitFor();
    await page.getByRole('button', { name: 'সদস্য যোগ করুন' }).click();
    await page.locator('#m-t-name-error').getByText('একটি নাম লিখুন।').waitFor();
    await page.getByLabel('নাম', { exact: true }).fill('করিম');
    // An address already in use: the API's answer is shown at the e-mail field, in Bengali.
    await page.getByLabel('ই-মেইল', { exact: true }).fill(world.otherMerchantUser.email);
    await page.getByRole('button', { name: 'সদস্য যোগ করুন' }).click();
    await page.locator('#m-t-email-error').getByText('এই ই-মেইল ঠিকানায় আগেই একটি অ্যাকাউন্ট আছে।').waitFor();
    await page.getByLabel('ই-মেইল', { exact: true }).fill('karim@shopbd.test');
    await page.getByRole('button', { name: 'সদস্য যোগ করুন' }).click();
    const pw = page.getByLabel('প্রাথমিক পাসওয়ার্ড', { exact: true });
    await pw.waitFor();
    const password = await pw.inputValue();
    assert.ok(password.length >= 10);
    await page.getByRole('heading', { level: 2, name: 'করিম' }).waitFor();
    await noSeriousViolations(page, 'team');
    await screenshot(page, 'merchant-team-bn-phone');
    // The new agent can sign in with it; then the owner deactivates them.
    const login = await w.service.app.inject({ method: 'POST', url: '/api/v1/merchant/login', payload: { email: 'karim@shopbd.test', password } });
    assert.equal(login.statusCode, 200);
    await page.getByRole('button', { name: 'করিম-কে নিষ্ক্রিয় করুন' }).click();
    await page.getByRole('button', { name: 'করিম-কে আবার সক্রিয় করুন' }).waitFor();
    assert.equal((await w.service.app.inject({ method: 'POST', url: '/api/v1/merchant/login', payload: { email: 'karim@shopbd.test', password } })).statusCode, 401);

    await page.getByRole('link', { name: 'পরিসংখ্যান' }).click();
    await page.getByRole('heading', { level: 1, name: 'আপনার পরিসংখ্যান' }).waitFor();
    // Five complaints against ShopBD so far, four answered (all on time), none rated.
    const figure = (label: string) => page.locator('.m-figures > div').filter({ has: page.getByText(label, { exact: true }) }).locator('.m-figure');
    assert.equal(await figure('মোট অভিযোগ').textContent(), '৫');
    assert.equal(await figure('সময়মতো উত্তর').textContent(), '১০০%');
    await page.getByText('৪টির মধ্যে ৪টির উত্তর সময়সীমার আগে').waitFor();
    await page.getByText('এখনও কোনো মূল্যায়ন নেই').waitFor();
    await noSeriousViolations(page, 'figures');
    await screenshot(page, 'merchant-figures-bn-phone');
    await ctx.close();
  });

  it("another merchant's complaint is not found in the portal", async () => {
    const ctx = await newContext(w, { phone: false, locale: 'en' });
    const page = await ctx.newPage();
    await signIn(page, world.otherMerchantUser, true);
    await page.getByText('No complaints here.').waitFor();
    await page.goto(`/merchant/c/${photoCode}`);
    await page.getByText('This complaint was not found, or it is not about your shop.').waitFor();
    await noSeriousViolations(page, 'not found');
    await ctx.close();
  });
});
