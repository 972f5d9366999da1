import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDhakaDay, hasClaimMessage } from '../i18n/claims.ts';
import { LOCALES } from '../i18n/messages.ts';
import {
  type ClaimantFacts,
  SIGNAL_CODES,
  addressBursts,
  addressTokens,
  claimedAboveGateway,
  nearDuplicateClaimants,
  normaliseName,
  ordersAfterCutoff,
  programmeBursts,
  programmeSignals,
  signalText,
  similarity,
  totalAboveHeld,
} from './signals.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 1, 3); // 09:00 Dhaka, the programme opens
const claimsAt = (times: number[]) => times.map((t, i) => ({ claimId: `c${i}`, submittedAt: new Date(t) }));
const person = (claimId: string, name: string, address: string, at = T0, district = 'dhaka'): ClaimantFacts => ({ claimId, name, address, district, submittedAt: new Date(at) });

describe('bursts of claims in a programme', () => {
  const steady = Array.from({ length: 48 * 10 }, (_, i) => T0 + Math.floor(i / 10) * HOUR + (i % 10) * 60_000); // 10 an hour for two days

  it('flag an hour with far more claims than the hours before it', () => {
    const burst = Array.from({ length: 80 }, (_, i) => T0 + 48 * HOUR + i * 30_000);
    const signals = programmeBursts(claimsAt([...steady, ...burst]));
    assert.equal(signals.length, 1);
    assert.equal(signals[0]!.numbers.count, 80);
    assert.equal(signals[0]!.numbers.baseline, 10);
    assert.equal(signals[0]!.claimIds.length, 80);
  });

  it('the opening rush is its own baseline; a busy hour below the floor or the factor is not flagged', () => {
    const rush = Array.from({ length: 500 }, (_, i) => T0 + i * 7_000);
    assert.deepEqual(programmeBursts(claimsAt(rush)), []);
    const busy = Array.from({ length: 45 }, (_, i) => T0 + 48 * HOUR + i * 60_000);
    assert.deepEqual(programmeBursts(claimsAt([...steady, ...busy])), [], '45 < 50 claims');
    const heavy = Array.from({ length: 30 * 48 }, (_, i) => T0 + Math.floor(i / 30) * HOUR);
    const doubled = Array.from({ length: 60 }, (_, i) => T0 + 48 * HOUR + i * 60_000);
    assert.deepEqual(programmeBursts(claimsAt([...heavy, ...doubled])), [], 'twice the usual is not five times');
  });
});

describe('claims from one address', () => {
  it('four within a week from one address, however it is written, are flagged; spread over a month they are not', () => {
    const ways = ['House 12, Road 5, Dhanmondi', 'H# 12 Rd 5 Dhanmondi', 'house 12 road 5, dhanmondi', 'বাসা ১২, রোড ৫, dhanmondi'];
    assert.deepEqual(addressTokens(ways[1]!).sort(), addressTokens(ways[0]!).sort());
    assert.deepEqual(addressTokens(ways[3]!).sort(), addressTokens(ways[0]!).sort());
    const week = ways.map((a, i) => person(`c${i}`, `Person ${i}`, a, T0 + i * 24 * HOUR));
    const signals = addressBursts(week);
    assert.equal(signals.length, 1);
    assert.deepEqual([...signals[0]!.claimIds].sort(), ['c0', 'c1', 'c2', 'c3']);
    const month = ways.map((a, i) => person(`c${i}`, `Person ${i}`, a, T0 + i * 10 * 24 * HOUR));
    assert.deepEqual(addressBursts(month), []);
  });
});

describe('near-duplicate claimants', () => {
  it('the same person under two spellings of Muhammad, at one address, is a pair', () => {
    assert.equal(normaliseName('Md. Rahim Uddin'), normaliseName('Mohammad Rahim Uddin'));
    assert.equal(normaliseName('মোঃ রহিম উদ্দিন'), normaliseName('মোহাম্মদ রহিম উদ্দিন'));
    const pairs = nearDuplicateClaimants([
      person('a', 'Md. Rahim Uddin', 'House 12, Road 5, Dhanmondi'),
      person('b', 'Mohammad Rahim Udin', 'H 12 Rd 5 Dhanmondi'),
      person('c', 'Karim Uddin', 'House 12, Road 5, Dhanmondi'), // a neighbour, another name
      person('d', 'Md. Rahim Uddin', 'House 12, Road 5, Dhanmondi', T0, 'chattogram'), // another district
    ]);
    assert.deepEqual(
      pairs.map((p) => p.claimIds),
      [['a', 'b']],
    );
  });

  it('similarity counts letters as a reader sees them', () => {
    assert.equal(similarity('rahim', 'rahim'), 1);
    assert.equal(similarity('rahim', 'rahin'), 0.8);
    assert.equal(similarity('', ''), 1);
  });
});

describe('amounts and dates', () => {
  const lines = [
    { claimId: 'a', lineId: 'a1', amountPaidPoisha: 900_000, orderDate: '2021-09-10', gatewayAmountPoisha: 850_000 },
    { claimId: 'b', lineId: 'b1', amountPaidPoisha: 850_000, orderDate: '2021-09-20', gatewayAmountPoisha: 850_000 },
    { claimId: 'c', lineId: 'c1', amountPaidPoisha: 990_000, orderDate: '2021-09-01', gatewayAmountPoisha: null },
  ];
  it('a claim above the gateway’s amount for the same transaction; orders after the cut-off; claims above the money held', () => {
    assert.deepEqual(claimedAboveGateway(lines).map((s) => [s.lineIds, s.numbers]), [[['a1'], { claimed: 900_000, gateway: 850_000 }]]);
    assert.deepEqual(ordersAfterCutoff(lines, '2021-09-15').map((s) => s.lineIds), [['b1']]);
    assert.deepEqual(totalAboveHeld(100, 100), []);
    assert.deepEqual(totalAboveHeld(101, 100).map((s) => s.numbers), [{ claimed: 101, held: 100 }]);
  });

  it('every signal has a message for officers in both languages, with its numbers', () => {
    const all = programmeSignals({
      claimants: [
        ...Array.from({ length: 4 }, (_, i) => person(`x${i}`, `Md Rahim ${i === 0 ? '' : 'Uddin'}`, 'House 12, Road 5, Dhanmondi', T0 + i * HOUR)),
      ],
      lines,
      cutoff: '2021-09-15',
      claimedPoisha: 2_740_000,
      heldPoisha: 1_000_000,
    });
    const codes = new Set(all.map((s) => s.code));
    for (const c of SIGNAL_CODES.filter((c) => c !== 'programme_burst')) assert.ok(codes.has(c), c);
    for (const c of SIGNAL_CODES) assert.ok(hasClaimMessage(`claims.signal.${c}`), c);
    const text = (code: string, locale: (typeof LOCALES)[number]) => signalText(locale, all.find((s) => s.code === code)!);
    assert.equal(text('claimed_above_gateway', 'en'), "Claimed ৳9,000, but the gateway's list shows ৳8,500.");
    assert.equal(text('order_after_cutoff', 'bn'), `অর্ডারের তারিখ ${formatDhakaDay('bn', '2021-09-20')}, শেষ সীমা ${formatDhakaDay('bn', '2021-09-15')} এর পরে।`);
    const burst = programmeBursts(claimsAt([...Array.from({ length: 240 }, (_, i) => T0 + Math.floor(i / 10) * HOUR), ...Array.from({ length: 60 }, () => T0 + 24 * HOUR)]))[0]!;
    assert.match(signalText('en', burst), /^60 claims in one hour from 2 Mar 2026, 9:00.*, against about 10 an hour before\.$/);
    for (const s of all) for (const l of LOCALES) assert.doesNotMatch(signalText(l, s), /\{\w+\}/);
  });
});
