import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FileComplaintSchema, normalizeFacebookPage, normalizeWebsite } from './filing.ts';
import { DISTRICTS, DISTRICT_IDS, DIVISIONS, DIVISION_IDS } from './places.ts';

const VALID = {
  merchant: { website: 'https://www.daraz.com.bd/products/x', name: 'Daraz' },
  order: { number: 'DZ-2026-0001', date: '2026-03-01', amountBdt: 1500, paymentChannel: 'bkash' },
  category: 'not_delivered',
  description: 'I paid in advance and the phone never arrived.',
  wantedRemedy: 'refund',
  preChecks: { contactedMerchant: true, contactedOn: '2026-03-05', remedyReceived: 'none', problemDate: '2026-03-04' },
  consumer: { name: 'Rahima Begum', email: 'rahima@example.com', district: 'dhaka' },
};

type Patch = (v: typeof VALID) => unknown;
const with_ = (patch: Patch) => patch(structuredClone(VALID));

describe('FileComplaintSchema', () => {
  it('accepts a valid complaint and defaults the locale to Bengali', () => {
    const r = FileComplaintSchema.safeParse(VALID);
    assert.ok(r.success, JSON.stringify(!r.success && r.error.issues));
    assert.equal(r.data.consumer.locale, 'bn');
    assert.equal(r.data.order.amountBdt, 1500);
  });

  it('accepts a merchant named by Facebook page or by id alone, and trims text', () => {
    assert.ok(FileComplaintSchema.safeParse(with_((v) => ({ ...v, merchant: { facebookPage: 'fb.com/pg/evalybd' } }))).success);
    assert.ok(FileComplaintSchema.safeParse(with_((v) => ({ ...v, merchant: { id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' } }))).success);
    const r = FileComplaintSchema.safeParse(with_((v) => ({ ...v, consumer: { ...v.consumer, name: '  Karim  ' } })));
    assert.ok(r.success);
    assert.equal(r.data.consumer.name, 'Karim');
  });

  const bad: [string, Patch, string[]][] = [
    ['no way to name the merchant', (v) => ({ ...v, merchant: { name: 'Some shop' } }), ['merchant']],
    ['a website that is not one', (v) => ({ ...v, merchant: { website: 'not a website' } }), ['merchant', 'website']],
    ['a Facebook link as website', (v) => ({ ...v, merchant: { website: 'https://facebook.com/evalybd' } }), ['merchant', 'website']],
    ['a Facebook page that is not one', (v) => ({ ...v, merchant: { facebookPage: 'https://daraz.com.bd' } }), ['merchant', 'facebookPage']],
    ['a merchant id that is not a uuid', (v) => ({ ...v, merchant: { id: '42' } }), ['merchant', 'id']],
    ['an empty order number', (v) => ({ ...v, order: { ...v.order, number: '   ' } }), ['order', 'number']],
    ['an impossible order date', (v) => ({ ...v, order: { ...v.order, date: '2026-02-30' } }), ['order', 'date']],
    ['an order date in another format', (v) => ({ ...v, order: { ...v.order, date: '01/03/2026' } }), ['order', 'date']],
    ['a negative amount', (v) => ({ ...v, order: { ...v.order, amountBdt: -1 } }), ['order', 'amountBdt']],
    ['a fractional amount', (v) => ({ ...v, order: { ...v.order, amountBdt: 10.5 } }), ['order', 'amountBdt']],
    ['an amount as text', (v) => ({ ...v, order: { ...v.order, amountBdt: '1500' } }), ['order', 'amountBdt']],
    ['an unknown payment channel', (v) => ({ ...v, order: { ...v.order, paymentChannel: 'paypal' } }), ['order', 'paymentChannel']],
    ['an unknown category', (v) => ({ ...v, category: 'scam' }), ['category']],
    ['a too short description', (v) => ({ ...v, description: 'bad shop' }), ['description']],
    ['a description of spaces', (v) => ({ ...v, description: ' '.repeat(40) }), ['description']],
    ['an unknown remedy', (v) => ({ ...v, wantedRemedy: 'compensation' }), ['wantedRemedy']],
    ['contactedMerchant not a boolean', (v) => ({ ...v, preChecks: { ...v.preChecks, contactedMerchant: 'yes' } }), ['preChecks', 'contactedMerchant']],
    ['a bad contact date', (v) => ({ ...v, preChecks: { ...v.preChecks, contactedOn: 'yesterday' } }), ['preChecks', 'contactedOn']],
    ['an unknown remedyReceived', (v) => ({ ...v, preChecks: { ...v.preChecks, remedyReceived: 'some' } }), ['preChecks', 'remedyReceived']],
    ['no problem date', (v) => ({ ...v, preChecks: { ...v.preChecks, problemDate: undefined } }), ['preChecks', 'problemDate']],
    ['a one-letter name', (v) => ({ ...v, consumer: { ...v.consumer, name: 'A' } }), ['consumer', 'name']],
    ['a bad e-mail', (v) => ({ ...v, consumer: { ...v.consumer, email: 'rahima@' } }), ['consumer', 'email']],
    ['an unknown district', (v) => ({ ...v, consumer: { ...v.consumer, district: 'london' } }), ['consumer', 'district']],
    ['a division given as district', (v) => ({ ...v, consumer: { ...v.consumer, district: 'mymensingh_division' } }), ['consumer', 'district']],
    ['an unknown locale', (v) => ({ ...v, consumer: { ...v.consumer, locale: 'fr' } }), ['consumer', 'locale']],
    ['no consumer at all', (v) => ({ ...v, consumer: undefined }), ['consumer']],
  ];
  for (const [what, patch, path] of bad) {
    it(`rejects ${what}, pointing at ${path.join('.')}`, () => {
      const r = FileComplaintSchema.safeParse(with_(patch));
      assert.equal(r.success, false);
      const paths = r.error!.issues.map((i) => i.path.join('.'));
      assert.ok(paths.includes(path.join('.')), `issues at ${JSON.stringify(paths)}`);
    });
  }
});

describe('normalizeWebsite', () => {
  const cases: [string, string | null][] = [
    ['https://www.daraz.com.bd/products/x', 'daraz.com.bd'],
    ['daraz.com.bd', 'daraz.com.bd'],
    ['www.daraz.com.bd', 'daraz.com.bd'],
    ['  HTTPS://WWW.Daraz.Com.BD/  ', 'daraz.com.bd'],
    ['http://chaldal.com/?utm_source=fb#top', 'chaldal.com'],
    ['https://shop.example.com.bd:8443/cart', 'shop.example.com.bd'],
    ['pickaboo.com.', 'pickaboo.com'],
    ['rokomari.com/book/123', 'rokomari.com'],
    ['https://m.facebook.com/page', null],
    ['facebook.com/evalybd', null],
    ['https://web.facebook.com/evalybd', null],
    ['fb.com/pg/slug', null],
    ['https://www.facebook.com/profile.php?id=123', null],
    ['localhost', null],
    ['not a website', null],
    ['', null],
    ['   ', null],
    ['https://', null],
  ];
  for (const [input, want] of cases) {
    it(`${JSON.stringify(input)} → ${want}`, () => assert.equal(normalizeWebsite(input), want));
  }
});

describe('normalizeFacebookPage', () => {
  const cases: [string, string | null][] = [
    ['https://www.facebook.com/DarazBD', 'darazbd'],
    ['facebook.com/darazbd/', 'darazbd'],
    ['m.facebook.com/page', 'page'],
    ['https://m.facebook.com/page?ref=bookmarks', 'page'],
    ['https://web.facebook.com/EvalyBD/?_rdc=1&_rdr', 'evalybd'],
    ['fb.com/pg/slug', 'slug'],
    ['https://www.facebook.com/pg/Some.Shop/about/', 'some.shop'],
    ['http://facebook.com/My.Shop-BD_1', 'my.shop-bd_1'],
    ['https://www.facebook.com/profile.php?id=100012345678', '100012345678'],
    ['facebook.com/profile.php?id=123&sk=about', '123'],
    ['https://www.facebook.com/people/Shop-Name/100089123456789/', '100089123456789'],
    ['https://www.facebook.com/pages/Shop-Name/123456789', '123456789'],
    ['  https://www.facebook.com/darazbd  ', 'darazbd'],
    ['facebook.com/profile.php?id=abc', null],
    ['facebook.com/profile.php', null],
    ['https://www.facebook.com/groups/123456789', null],
    ['https://www.facebook.com/share/1AbCdEfGh/', null],
    ['https://www.facebook.com/marketplace/item/123', null],
    ['https://www.facebook.com/watch/?v=123', null],
    ['https://www.facebook.com/', null],
    ['facebook.com/a', null],
    ['https://daraz.com.bd/darazbd', null],
    ['https://notfacebook.com/darazbd', null],
    ['', null],
  ];
  for (const [input, want] of cases) {
    it(`${JSON.stringify(input)} → ${want}`, () => assert.equal(normalizeFacebookPage(input), want));
  }
});

describe('places', () => {
  it('has 64 districts in 8 divisions, every division used', () => {
    assert.equal(DISTRICT_IDS.length, 64);
    assert.equal(DIVISION_IDS.length, 8);
    const counts = new Map<string, number>();
    for (const d of Object.values(DISTRICTS)) {
      assert.ok(d.division in DIVISIONS, d.division);
      counts.set(d.division, (counts.get(d.division) ?? 0) + 1);
    }
    assert.deepEqual(
      Object.fromEntries([...counts].sort()),
      { barishal: 6, chattogram: 11, dhaka: 13, khulna: 10, mymensingh: 4, rajshahi: 8, rangpur: 8, sylhet: 4 },
    );
  });
  it('every place has a Bengali and an English name, all distinct', () => {
    const all = [...Object.values(DISTRICTS), ...Object.values(DIVISIONS)];
    for (const p of all) {
      assert.match(p.bn, /^[\u0980-\u09ff\s]+$/, p.en);
      assert.ok(p.en.length >= 3);
    }
    assert.equal(new Set(Object.values(DISTRICTS).map((d) => d.en)).size, 64);
    assert.equal(new Set(Object.values(DISTRICTS).map((d) => d.bn)).size, 64);
  });
});
