// The demo shop (`npm start` with demo data): an ordinary shop page with the Nalish widget and
// trust badge embedded, for the demo merchant. The page plays the shop's own server too: it
// signs the order context with the demo merchant's signing secret, exactly as a real shop's
// backend would, so a complaint filed from it arrives "order confirmed by the merchant".
import { randomInt } from 'node:crypto';
import { type Locale, dhakaDate, formatBdt, formatDate, normalizeBdMobile, t } from '@nalish/domain';
import type { Deps } from '../deps.ts';
import { DEMO } from './demo.ts';
import { type OrderContextClaims, signOrderContext } from '../widget/orderContext.ts';
import { rotateSigningSecret, signingSecretFor } from '../widget/signingSecrets.ts';

// The shop's own words (it is a stand-in for a merchant's site, so they live with it).
const TEXT = {
  bn: {
    title: 'ShopBD — অনলাইন শপ',
    note: 'এটি নালিশ-এর ডেমো দোকান: একটি সাধারণ অনলাইন দোকানের পাতা, যাতে নালিশ-এর অভিযোগ উইজেট ও আস্থার ব্যাজ বসানো আছে। দোকানের সার্ভার এই অর্ডারের তথ্য স্বাক্ষর করে দিয়েছে, তাই এখান থেকে করা অভিযোগে বিক্রেতার ইনবক্সে "বিক্রেতা অর্ডারটি নিশ্চিত করেছে" দেখাবে।',
    nav: 'ইলেকট্রনিক্স · ফ্যাশন · ঘর ও রান্নাঘর',
    order: 'আপনার অর্ডার',
    item: 'ওয়্যারলেস ইয়ারবাড (কালো) × ১',
    number: 'অর্ডার নম্বর',
    date: 'অর্ডারের তারিখ',
    amount: 'মোট',
    paid: 'পরিশোধ',
    phone: 'ক্রেতার মোবাইল',
    status: 'অবস্থা: পাঠানো হয়েছে, এখনো পৌঁছায়নি',
    complain: 'এই অর্ডারে সমস্যা? নালিশ-এ অভিযোগ করুন',
    buyerLabel: 'ক্রেতার মোবাইল নম্বর (ডেমো: অন্য নম্বরে নতুন অর্ডার)',
    newOrder: 'নতুন অর্ডার',
    other: 'English',
    trust: 'আমাদের রেকর্ড নালিশ-এ',
    imageBadge: 'ছবি হিসেবে ব্যাজ',
    footer: '© ShopBD ডেমো। এটি সত্যিকারের দোকান নয়।',
  },
  en: {
    title: 'ShopBD — online shop',
    note: "This is Nalish's demo shop: an ordinary shop page with the Nalish complaint widget and trust badge embedded. The shop's server signed this order's details, so a complaint filed from here shows \"Order confirmed by the merchant\" in the merchant's inbox.",
    nav: 'Electronics · Fashion · Home & kitchen',
    order: 'Your order',
    item: 'Wireless earbuds (black) × 1',
    number: 'Order number',
    date: 'Order date',
    amount: 'Total',
    paid: 'Paid by',
    phone: "Buyer's mobile",
    status: 'Status: shipped, not yet delivered',
    complain: 'Problem with this order? Complain on Nalish',
    buyerLabel: "Buyer's mobile number (demo: a new order for another number)",
    newOrder: 'New order',
    other: 'বাংলা',
    trust: 'Our record on Nalish',
    imageBadge: 'The badge as an image',
    footer: '© ShopBD demo. This is not a real shop.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

const PAYMENT: Record<Locale, string> = { bn: 'বিকাশ', en: 'bKash' };

/** The demo merchant (the one the demo merchant login belongs to), if demo data was loaded. */
export async function demoMerchant(deps: Deps): Promise<{ id: string; name: string } | null> {
  const [m] = await deps.db.query<{ id: string; name: string }>(
    'SELECT m.id, m.name FROM merchants m JOIN merchant_users u ON u.merchant_id = m.id WHERE u.email = $1',
    [DEMO.merchant.email],
  );
  return m ?? null;
}

/** The demo shop's "backend" secret: the merchant's signing secret, made on first use. */
async function shopSecret(deps: Deps, merchantId: string): Promise<string> {
  const existing = await signingSecretFor(deps.db, deps.secret, merchantId);
  if (existing) return existing;
  return (await rotateSigningSecret(deps.db, deps.secret, merchantId, { userId: null, now: deps.now() })).secret;
}

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function demoShopPage(deps: Deps, opts: { lang: Locale; phone?: string | undefined; loaderVersion: string | null }): Promise<string | null> {
  const m = await demoMerchant(deps);
  if (!m) return null;
  const now = deps.now();
  const buyer = normalizeBdMobile(opts.phone ?? '') ?? normalizeBdMobile(DEMO.consumerPhone)!;
  const iat = Math.floor(now.getTime() / 1000);
  const claims: OrderContextClaims = {
    merchantId: m.id,
    orderNumber: `SBD-${randomInt(10_000, 99_999)}`,
    orderDate: dhakaDate(new Date(now.getTime() - 3 * 86_400_000)),
    amountBdt: 2450,
    paymentChannel: 'bkash',
    buyerPhone: buyer,
    iat,
    exp: iat + 7 * 86_400,
  };
  const token = signOrderContext(await shopSecret(deps, m.id), claims);
  const x = TEXT[opts.lang];
  const v = opts.loaderVersion ? `?v=${opts.loaderVersion}` : '';
  const local = `0${buyer.slice(4)}`;
  const other: Locale = opts.lang === 'bn' ? 'en' : 'bn';
  return `<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(x.title)}</title>
<style>
  body { margin: 0; font-family: 'Noto Sans Bengali', 'Hind Siliguri', system-ui, sans-serif; background: #f6f3ee; color: #222; line-height: 1.5; }
  header { background: #7c2d12; color: #fff; padding: 12px 20px; display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: baseline; }
  header strong { font-size: 1.4rem; }
  header a { color: #fde68a; margin-left: auto; }
  main { max-width: 860px; margin: 0 auto; padding: 16px 20px 40px; }
  .note { background: #fff7d6; border-left: 4px solid #ca8a04; padding: 10px 14px; }
  .card { background: #fff; border-radius: 10px; padding: 16px 20px; margin: 16px 0; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 12px 0; }
  dt { color: #555; } dd { margin: 0; font-weight: 600; }
  button { font: inherit; background: #c2410c; color: #fff; border: 0; border-radius: 6px; padding: 10px 16px; cursor: pointer; }
  button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  label { display: block; margin-bottom: 4px; }
  input { font: inherit; padding: 8px; border: 1px solid #888; border-radius: 6px; }
  form.buyer { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; }
  footer { color: #555; font-size: .9rem; }
</style>
</head>
<body>
<header><strong>ShopBD</strong><span>${esc(x.nav)}</span><a href="/demo-shop?lang=${other}" lang="${other}">${esc(x.other)}</a></header>
<main>
  <p class="note">${esc(x.note)}</p>
  <section class="card" aria-labelledby="order-h">
    <h1 id="order-h">${esc(x.order)}</h1>
    <p>${esc(x.item)}</p>
    <dl>
      <dt>${esc(x.number)}</dt><dd data-order-number>${esc(claims.orderNumber)}</dd>
      <dt>${esc(x.date)}</dt><dd>${esc(formatDate(opts.lang, new Date(`${claims.orderDate}T12:00:00+06:00`)))}</dd>
      <dt>${esc(x.amount)}</dt><dd>${esc(formatBdt(opts.lang, claims.amountBdt))}</dd>
      <dt>${esc(x.paid)}</dt><dd>${esc(PAYMENT[opts.lang])}</dd>
      <dt>${esc(x.phone)}</dt><dd>${esc(local)}</dd>
    </dl>
    <p>${esc(x.status)}</p>
    <button type="button" id="complain">${esc(x.complain)}</button>
    <script src="/widget.js${v}" data-merchant="${m.id}" data-target="#complain" data-order="${esc(token)}" async></script>
  </section>
  <form class="card buyer" method="get" action="/demo-shop">
    <input type="hidden" name="lang" value="${opts.lang}">
    <div><label for="buyer-phone">${esc(x.buyerLabel)}</label><input id="buyer-phone" name="phone" inputmode="tel" value="${esc(local)}"></div>
    <button type="submit">${esc(x.newOrder)}</button>
  </form>
  <section class="card" aria-labelledby="trust-h">
    <h2 id="trust-h">${esc(x.trust)}</h2>
    <script src="/badge.js${v}" data-merchant="${m.id}" async></script>
    <h3>${esc(x.imageBadge)}</h3>
    <a href="/sellers/${m.id}"><img src="/badge/${m.id}.svg?lang=${opts.lang}" alt="${esc(t(opts.lang, 'badge.profile', { name: m.name }))}"></a>
  </section>
  <footer>${esc(x.footer)}</footer>
</main>
</body>
</html>
`;
}
