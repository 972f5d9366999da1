// Demo data loaded on the first start of an empty database, so a new user can try every
// side at once. The logins are printed at start-up. It loads by default only when PUBLIC_URL is
// on this computer (config.ts); a public install never starts with the demo logins working
// unless DEMO_DATA=force says it is a demo on purpose.
import type { FileComplaintInput } from '@nalish/domain';
import type { Queryable } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { createMerchant, createMerchantUser, createOffice, createOfficer } from '../admin/ops.ts';
import { fileComplaint } from '../complaints/file.ts';
import { StartupRefused } from '../startup.ts';
import { rotateSigningSecret } from '../widget/signingSecrets.ts';

export const DEMO = {
  officer: { email: 'officer@dncrp.demo', password: 'demo-officer-pass', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
  merchant: { email: 'owner@shopbd.demo', password: 'demo-merchant-pass' },
  consumerPhone: '01712345678',
} as const;

/** Every login the demo data makes: their passwords (and the officers' TOTP secret) are public. */
const DEMO_OFFICERS = [DEMO.officer.email, 'hq.officer@dncrp.demo'];
const DEMO_MERCHANT_USERS = [DEMO.merchant.email];

/** The demo logins that still work in this database. */
export async function activeDemoLogins(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ email: string }>(
    `SELECT email FROM officers WHERE active AND email = ANY($1::text[])
     UNION ALL SELECT email FROM merchant_users WHERE active AND email = ANY($2::text[]) ORDER BY email`,
    [DEMO_OFFICERS, DEMO_MERCHANT_USERS],
  );
  return rows.map((r) => r.email);
}

/** Switches the demo logins off and ends their sessions (`npm run nalish -- demo disable-logins`). */
export async function disableDemoLogins(db: Deps['db']): Promise<string[]> {
  return db.transaction(async (tx) => {
    const officers = await tx.query<{ id: string; email: string }>('UPDATE officers SET active = false WHERE active AND email = ANY($1::text[]) RETURNING id, email', [DEMO_OFFICERS]);
    const users = await tx.query<{ id: string; email: string }>('UPDATE merchant_users SET active = false WHERE active AND email = ANY($1::text[]) RETURNING id, email', [DEMO_MERCHANT_USERS]);
    await tx.query(
      `DELETE FROM sessions WHERE (kind = 'officer' AND subject = ANY($1::text[])) OR (kind = 'merchant' AND subject = ANY($2::text[]))`,
      [officers.map((o) => o.id), users.map((u) => u.id)],
    );
    return [...officers, ...users].map((r) => r.email).sort();
  });
}

/**
 * A public install (PUBLIC_URL not on this computer) does not start while the demo logins work,
 * e.g. demo data loaded before PUBLIC_URL was set, unless DEMO_DATA=force says it is a demo.
 */
export async function refuseDemoLoginsInPublic(deps: Deps): Promise<void> {
  if (deps.config.localInstall || deps.config.demoForced) return;
  const logins = await activeDemoLogins(deps.db);
  if (logins.length === 0) return;
  throw new StartupRefused(
    `PUBLIC_URL=${deps.config.publicUrl} is a public address, but this database still has the demo logins ${logins.join(', ')}, ` +
      'whose passwords (and the officers\' TOTP secret) are printed in the README: anyone could sign in. Switch them off with ' +
      '`npm run nalish -- demo disable-logins`, or set DEMO_DATA=force if this public install is meant to be a demo.',
  );
}

export async function loadDemoData(deps: Deps): Promise<boolean> {
  const [{ n } = { n: 0 }] = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM offices');
  if (n > 0) return false;
  const db = deps.db;
  const hq = await createOffice(db, { nameEn: 'DNCRP Head Office', nameBn: 'জাতীয় ভোক্তা অধিকার সংরক্ষণ অধিদপ্তর, প্রধান কার্যালয়', level: 'national', email: 'hq@dncrp.demo' });
  const dhaka = await createOffice(db, { nameEn: 'DNCRP Dhaka Divisional Office', nameBn: 'ঢাকা বিভাগীয় কার্যালয়', level: 'division', area: 'dhaka', email: 'dhaka@dncrp.demo' });
  await createOffice(db, { nameEn: 'DNCRP Chattogram Divisional Office', nameBn: 'চট্টগ্রাম বিভাগীয় কার্যালয়', level: 'division', area: 'chattogram' });
  await createOfficer(db, { officeId: dhaka, name: 'Farhana Rahman', email: DEMO.officer.email, password: DEMO.officer.password, totpSecret: DEMO.officer.totpSecret });
  await createOfficer(db, { officeId: hq, name: 'Abdul Karim', email: 'hq.officer@dncrp.demo', password: DEMO.officer.password, totpSecret: DEMO.officer.totpSecret });

  const shop = await createMerchant(db, {
    name: 'ShopBD',
    tradeLicence: 'TRAD/DNCC/123456/2024',
    dbid: 'DBID-100234',
    contactEmail: 'complaints@shopbd.demo',
    websites: ['shopbd.demo'],
    facebookPages: ['https://facebook.com/shopbd.demo'],
    phones: ['01811000000'],
  });
  await createMerchantUser(db, { merchantId: shop, email: DEMO.merchant.email, name: 'Nusrat Jahan', password: DEMO.merchant.password });
  // The demo shop's "backend" signs order context with this (demo/demoShop.ts).
  await rotateSigningSecret(db, deps.secret, shop, { userId: null, now: deps.now() });
  await createMerchant(db, { name: 'Gadget Haat', contactEmail: 'care@gadgethaat.demo', websites: ['gadgethaat.demo'] });

  const base: Omit<FileComplaintInput, 'merchant' | 'order' | 'category' | 'description'> = {
    wantedRemedy: 'refund',
    preChecks: { contactedMerchant: true, contactedOn: dateDaysAgo(deps, 3), remedyReceived: 'none', problemDate: dateDaysAgo(deps, 5) },
    consumer: { name: 'Rahim Uddin', district: 'dhaka', locale: 'bn' },
  };
  await fileComplaint(deps, '+8801712345678', {
    ...base,
    merchant: { id: shop },
    order: { number: 'SBD-10021', date: dateDaysAgo(deps, 20), amountBdt: 4500, paymentChannel: 'bkash' },
    category: 'not_delivered',
    description: 'অগ্রিম বিকাশে টাকা দিয়েছি, ২০ দিনেও পণ্য পাইনি। বিক্রেতা ফোন ধরছে না।',
    // What the consumer told the filing page: the policy checks find a late delivery.
    facts: { paymentDate: dateDaysAgo(deps, 20), sameCity: true, deliveredAt: null, buyerToldShippedAt: null },
  });
  await fileComplaint(deps, '+8801712345678', {
    ...base,
    merchant: { facebookPage: 'https://www.facebook.com/cheap.phones.bd', name: 'Cheap Phones BD' },
    order: { number: 'FB-77', date: dateDaysAgo(deps, 12), amountBdt: 12500, paymentChannel: 'nagad' },
    category: 'counterfeit',
    description: 'The phone I received is a copy, not the original brand the page advertised.',
  });
  return true;
}

/**
 * The demo shop (/demo-shop) is served by this server, so the hosts people reach it by must be
 * among the demo merchant's websites for its trust badge to verify. Run at every start with
 * demo data on (the host or port may have changed since the data was loaded). These hosts
 * (localhost, an IP) are not websites a consumer could name, so they bypass normalizeWebsite.
 */
export async function addDemoShopHosts(deps: Deps, hosts: readonly string[]): Promise<void> {
  const [m] = await deps.db.query<{ merchant_id: string }>('SELECT merchant_id FROM merchant_users WHERE email = $1', [DEMO.merchant.email]);
  if (!m) return;
  for (const host of new Set(hosts.map((h) => h.toLowerCase().replace(/^\[|\]$/g, '')).filter((h) => /^[a-z0-9.:-]+$/.test(h)))) {
    await deps.db.query(`INSERT INTO merchant_identifiers (kind, value, merchant_id) VALUES ('website', $1, $2) ON CONFLICT DO NOTHING`, [host, m.merchant_id]);
  }
}

function dateDaysAgo(deps: Deps, days: number): string {
  return new Date(deps.now().getTime() + 6 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}
