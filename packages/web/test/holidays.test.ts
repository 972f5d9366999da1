// The holiday calendar in a real browser: a head-office officer previews a year's list (CSV)
// in the console — one holiday added, the day it closes, the open deadlines it would move —
// and applies it; the deadline worker moves the case's deadline. A division officer has no
// such page, and on the case page "Why this date?" lists the days that do not count, with
// their reasons.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { dhakaDate } from '@nalish/domain';
import { createOfficer } from '../../server/src/admin/ops.ts';
import { totpAt, totpStep } from '../../server/src/auth/totp.ts';
import { processCalendarChanges } from '../../server/src/deadlines/recompute.ts';
import { readYear } from '../../server/src/holidays/table.ts';
import { type World, complaintInput, consumerLogin, fileVia, makeWorld } from '../../server/test/harness.ts';
import { type BrowserWorld, SCREENSHOTS, newContext, screenshot, seriousA11yViolations, startBrowserWorld } from './browser.ts';

const HEADER = 'date,kind,name_en,name_bn,lunar,confirmed,applies_to,source,note';
const quote = (v: string | null) => `"${(v ?? '').replaceAll('"', '""')}"`;
const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const BN = { email: 'ই-মেইল', password: 'পাসওয়ার্ড', totp: 'অথেনটিকেটর কোড', submit: 'সাইন-ইন' };

describe('the holiday calendar in the console', () => {
  let w: BrowserWorld;
  let world: World;
  let hq: { email: string; password: string; totpSecret: string };
  let code: string;
  let due: string;

  before(async () => {
    w = await startBrowserWorld();
    w.service.clock.set(new Date());
    world = await makeWorld(w.service.deps.db);
    const o = await createOfficer(w.service.deps.db, { officeId: world.hq, name: 'প্রধান কার্যালয়ের কর্মকর্তা', email: 'hq.calendar@dncrp.test', password: 'officer-password-hq' });
    hq = { email: 'hq.calendar@dncrp.test', password: 'officer-password-hq', totpSecret: o.totpSecret };
    await processCalendarChanges(w.service.deps); // the seed's own change
    // A complaint against a shop nobody can reach goes straight to the Dhaka office.
    const consumer = await consumerLogin(w.service);
    const filed = await fileVia(w.service, consumer.auth, complaintInput({ merchant: { website: 'closed-shop-17.test', name: 'Closed Shop' } }));
    assert.equal(filed.state, 'escalated');
    code = filed.trackingCode;
    due = filed.dueAt;
  });
  after(() => w.close());

  async function signIn(page: Page, o: { email: string; password: string; totpSecret: string }) {
    await page.goto('/regulator');
    await page.getByLabel(BN.email).fill(o.email);
    await page.getByLabel(BN.password, { exact: true }).fill(o.password);
    w.service.clock.advance(31_000);
    await page.getByLabel(BN.totp).fill(totpAt(o.totpSecret, totpStep(w.service.clock.now())));
    await page.getByRole('button', { name: BN.submit }).click();
  }

  it('a head-office officer previews a year’s list and applies it; the case’s deadline moves (Bengali)', async () => {
    // The list of the year the deadline falls in, as the table holds it, with its due day declared a holiday.
    const dueDay = dhakaDate(new Date(due));
    const year = Number(dueDay.slice(0, 4));
    const rows = (await readYear(w.service.deps.db, year)).map((h) =>
      [h.from === h.to ? h.from : `${h.from}..${h.to}`, h.kind, quote(h.nameEn), quote(h.nameBn), yesNo(h.lunar), yesNo(h.confirmed), h.appliesTo ?? '', quote(h.source), quote(h.note)].join(','),
    );
    const file = join(tmpdir(), `holidays-${year}-${process.pid}.csv`);
    await writeFile(file, [HEADER, ...rows, `${dueDay},executive_order,Holiday declared late,বিলম্বে ঘোষিত ছুটি,no,yes,,Cabinet Division notice,`].join('\n'));

    const ctx = await newContext(w, { phone: false, locale: 'bn' });
    const page = await ctx.newPage();
    await signIn(page, hq);
    await page.getByRole('link', { name: 'ছুটির তালিকা' }).click();
    await page.getByRole('heading', { level: 1, name: 'ছুটির তালিকা' }).waitFor();
    await page.getByLabel('তালিকার বছর').fill(String(year));
    await page.getByLabel('CSV ফাইল').setInputFiles(file);
    await page.getByRole('button', { name: 'প্রিভিউ' }).click();
    await page.getByRole('heading', { level: 2, name: /সালের তালিকায় যা বদলাবে/ }).waitFor();
    const plan = (await page.locator('#h-plan').locator('..').textContent()) ?? '';
    assert.match(plan, /১টি যোগ, ০টি পরিবর্তন, ০টি বাদ/);
    assert.match(plan, /বিলম্বে ঘোষিত ছুটি/);
    assert.match(plan, /যতগুলো চলমান সময়সীমা পিছিয়ে যাবে: [১-৯]/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await screenshot(page, 'regulator-holidays-preview-bn-desktop');

    await page.getByRole('button', { name: /সালের তালিকা প্রয়োগ করুন/ }).click();
    await page.getByRole('heading', { level: 2, name: /সালের তালিকা প্রয়োগ করা হয়েছে/ }).waitFor();
    const r = await processCalendarChanges(w.service.deps);
    assert.ok(r.moved >= 1, JSON.stringify(r));
    const [row] = await w.service.deps.db.query<{ due_at: Date }>('SELECT due_at FROM complaints WHERE tracking_code = $1', [code]);
    assert.ok(new Date(row!.due_at).getTime() > new Date(due).getTime(), 'the deadline moved later');
    await ctx.close();
  });

  it('a division officer has no calendar page, and "Why this date?" on the case lists the days that do not count', async () => {
    const ctx = await newContext(w, { phone: true, locale: 'bn' });
    const page = await ctx.newPage();
    await signIn(page, world.officer);
    await page.getByRole('heading', { level: 1, name: 'ঢাকা: অভিযোগের তালিকা' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'ছুটির তালিকা' }).count(), 0);
    await page.goto(`/regulator/c/${code}`);
    await page.getByText('এই তারিখ কেন?').click();
    const list = page.locator('.why-days');
    await list.waitFor();
    assert.match((await list.textContent()) ?? '', /বিলম্বে ঘোষিত ছুটি \(নির্বাহী আদেশে ছুটি\)/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    // The case summary alone: the whole case page on a phone is ten screens long.
    await page.locator('section[aria-labelledby="r-sum-h"]').screenshot({ path: `${SCREENSHOTS}regulator-why-this-date-bn-phone.png` });
    await page.goto('/regulator/holidays');
    await page.getByText('শুধু প্রধান কার্যালয়ের কর্মকর্তারা ছুটির তালিকা বদলাতে পারেন।', { exact: false }).waitFor();
    await ctx.close();
  });
});
