import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { WorkingCalendar } from '../calendar/calendar.ts';
import { evaluate, evaluateInput } from './evaluate.ts';
import { RULE_SET_2021, deliveryRule } from './rules2021.ts';
import { type FactKey, type FactsInput, type Outcome, type RuleSet, FactsSchema, defineRule } from './types.ts';

// November 2026: Sun 15, Mon 16, Tue 17, Wed 18, Thu 19, Fri 20, Sat 21, Sun 22, Mon 23, Thu 26, Fri 27.
// December 2026: Mon 14, Tue 15, Wed 16 (Victory Day, holiday), Thu 17, Fri 18, Sat 19, Sun 20.
const CAL: WorkingCalendar = { holidays: new Set(['2026-12-16']) };

/** An instant in Dhaka wall-clock time: dh('2026-11-16T23:59'). */
const dh = (local: string) => `${local}:00+06:00`;

// A test-only amendment in force for orders from 1 Dec 2026: 3 days for same-city delivery,
// and a rule that starts only in 2027.
const futureRule = defineRule({
  id: 'test.future',
  instrument: 'Test amendment',
  clause: 'x',
  subject: 'merchant',
  inForceFrom: '2027-01-01',
  needs: [],
  settings: {},
  evaluate: () => ({ ruleId: 'test.future', outcome: 'compliant', explanation: { bn: '', en: '' }, numbers: {} }),
});
const AMENDED: RuleSet = {
  version: 'test-2026.12',
  effectiveFrom: '2026-12-01',
  rules: RULE_SET_2021.rules.map((r) => (r.id === deliveryRule.id ? { ...deliveryRule, settings: { ...deliveryRule.settings, sameCityDays: 3 } } : r)).concat([futureRule]),
};
const SETS = [RULE_SET_2021, AMENDED];

interface Case {
  name: string;
  rule: string;
  facts: FactsInput;
  outcome: Outcome;
  missing?: FactKey[];
  /** Substrings of the Bengali or English explanation. */
  says?: string[];
  numbers?: Record<string, string | number | boolean>;
  version?: string | null;
  sets?: RuleSet[];
}

const DEL = 'dcog.delivery';
const delivery = (f: FactsInput): FactsInput => ({
  paymentChannel: 'bkash',
  paymentDate: dh('2026-11-16T10:00'),
  sameCity: true,
  now: dh('2026-12-10T12:00'),
  ...f,
});

const DIS = 'dcog.dispatch48h';
const dispatch = (f: FactsInput): FactsInput => ({
  paymentChannel: 'nagad',
  paymentDate: dh('2026-11-16T10:00'),
  handedToCourierAt: dh('2026-11-16T12:00'),
  buyerToldShippedAt: dh('2026-11-16T12:00'),
  now: dh('2026-11-30T10:00'),
  ...f,
});

const ADV = 'dcog.advanceEscrow';
const advance = (f: FactsInput): FactsInput => ({ paymentChannel: 'bkash', priceBdt: 10_000, inStock: false, ...f });

const REF = 'dcog.refund';
const refund = (f: FactsInput): FactsInput => ({
  refundDueReason: 'not_fulfilled',
  paymentChannel: 'bkash',
  amountPaidBdt: 2000,
  paymentDate: dh('2026-11-16T10:00'),
  refundedAt: dh('2026-11-20T10:00'),
  refundChannel: 'bkash',
  refundedAmountBdt: 2000,
  refundChargesBdt: 0,
  now: dh('2026-12-10T10:00'),
  ...f,
});

const CB = 'dcog.cashback';
const cashback = (f: FactsInput): FactsInput => ({
  cashbackPromisedBdt: 200,
  paymentDate: dh('2026-11-19T10:00'), // Thursday: the 72 hours run over Friday and Saturday
  cashbackCreditedAt: dh('2026-11-20T10:00'),
  cashbackHeldInWallet: false,
  now: dh('2026-12-10T10:00'),
  ...f,
});

const MR = 'dcog.merchantResponse';
const response = (f: FactsInput): FactsInput => ({
  complaintToMerchantAt: dh('2026-11-15T10:00'), // Sunday → Mon, Tue, Wed: due Wed 18 Nov
  merchantActedAt: dh('2026-11-16T10:00'),
  now: dh('2026-12-30T10:00'),
  ...f,
});

const PI = 'dcog.pageIdentity';
const RP = 'dcog.returnPolicy';
const RW = 'crpa.regulatorWindow';
const regulator = (now: string): FactsInput => ({ causeOfActionDate: '2026-11-01', now });

const CASES: Case[] = [
  // ---- delivery: calendar days after payment, 5 same city / 10 otherwise ----
  { name: 'delivered the same day', rule: DEL, facts: delivery({ deliveredAt: dh('2026-11-16T18:00') }), outcome: 'compliant' },
  { name: 'same city, delivered at 23:59 on the 5th day', rule: DEL, facts: delivery({ deliveredAt: dh('2026-11-21T23:59') }), outcome: 'compliant', numbers: { deadline: '2026-11-21', days: 5 } },
  { name: 'same city, delivered 00:01 on the 6th day', rule: DEL, facts: delivery({ deliveredAt: dh('2026-11-22T00:01') }), outcome: 'breach', numbers: { daysLate: 1 }, says: ['১ দিন দেরি', '1 day late'] },
  { name: 'other city, delivered on the 10th day', rule: DEL, facts: delivery({ sameCity: false, deliveredAt: dh('2026-11-26T23:59') }), outcome: 'compliant', numbers: { deadline: '2026-11-26', days: 10 } },
  { name: 'other city, delivered on the 11th day', rule: DEL, facts: delivery({ sameCity: false, deliveredAt: dh('2026-11-27T00:00') }), outcome: 'breach' },
  { name: 'not delivered, last day today', rule: DEL, facts: delivery({ deliveredAt: null, now: dh('2026-11-21T23:59') }), outcome: 'compliant', numbers: { daysLeft: 0 } },
  { name: 'not delivered, 3 days left', rule: DEL, facts: delivery({ deliveredAt: null, now: dh('2026-11-18T09:00') }), outcome: 'compliant', numbers: { daysLeft: 3 }, says: ['৩ দিন বাকি', '3 days left'] },
  {
    name: 'not delivered, 7 days late (other city)',
    rule: DEL,
    facts: delivery({ sameCity: false, deliveredAt: null, now: dh('2026-12-03T12:00') }),
    outcome: 'breach',
    numbers: { daysLate: 7, deadline: '2026-11-26' },
    says: ['২৬ নভে, ২০২৬', '৭ দিন দেরি', 'had to deliver by 26 Nov 2026', '7 days late', 'has not delivered'],
  },
  { name: 'paid 23:59 Dhaka: the day counts, 6th day is late', rule: DEL, facts: delivery({ paymentDate: dh('2026-11-16T23:59'), deliveredAt: dh('2026-11-22T10:00') }), outcome: 'breach' },
  { name: 'paid 00:01 Dhaka next day (same UTC date): in time', rule: DEL, facts: delivery({ paymentDate: dh('2026-11-17T00:01'), deliveredAt: dh('2026-11-22T10:00') }), outcome: 'compliant', numbers: { deadline: '2026-11-22' } },
  { name: 'weekend days count (calendar days)', rule: DEL, facts: delivery({ paymentDate: dh('2026-11-17T10:00'), deliveredAt: dh('2026-11-23T10:00') }), outcome: 'breach', numbers: { deadline: '2026-11-22' } },
  { name: 'cash on delivery: not applicable', rule: DEL, facts: delivery({ paymentChannel: 'cod', paymentDate: undefined }), outcome: 'not_applicable' },
  { name: 'city unknown', rule: DEL, facts: delivery({ sameCity: undefined, deliveredAt: null }), outcome: 'unknown', missing: ['sameCity'] },
  { name: 'delivery state unknown', rule: DEL, facts: delivery({}), outcome: 'unknown', missing: ['deliveredAt'] },
  { name: 'channel and now unknown', rule: DEL, facts: delivery({ paymentChannel: undefined, now: undefined }), outcome: 'unknown', missing: ['paymentChannel', 'now'] },

  // ---- dispatch: 48 exact hours from the payment instant ----
  { name: 'handed and told the same day', rule: DIS, facts: dispatch({}), outcome: 'compliant' },
  { name: 'handed and told at exactly 48 h', rule: DIS, facts: dispatch({ handedToCourierAt: dh('2026-11-18T10:00'), buyerToldShippedAt: dh('2026-11-18T10:00') }), outcome: 'compliant' },
  { name: 'handed at 48 h + 1 min', rule: DIS, facts: dispatch({ handedToCourierAt: dh('2026-11-18T10:01') }), outcome: 'breach', says: ['courier', 'কুরিয়ার'] },
  { name: 'buyer never told, 48 h gone', rule: DIS, facts: dispatch({ buyerToldShippedAt: null }), outcome: 'breach', says: ['Telling the buyer', 'has not happened'] },
  { name: 'neither yet, within 48 h', rule: DIS, facts: dispatch({ handedToCourierAt: null, buyerToldShippedAt: null, now: dh('2026-11-17T10:00') }), outcome: 'compliant', says: ['still time'] },
  { name: 'weekend does not stretch 48 h', rule: DIS, facts: dispatch({ paymentDate: dh('2026-11-19T10:00'), handedToCourierAt: dh('2026-11-22T09:00'), buyerToldShippedAt: dh('2026-11-19T11:00') }), outcome: 'breach' },
  { name: 'dispatch: cash on delivery', rule: DIS, facts: dispatch({ paymentChannel: 'cod' }), outcome: 'not_applicable' },
  { name: 'dispatch: buyer told unknown', rule: DIS, facts: dispatch({ buyerToldShippedAt: undefined }), outcome: 'unknown', missing: ['buyerToldShippedAt'] },

  // ---- advance above 10% for goods not in stock only through escrow ----
  { name: 'cash on delivery: no advance', rule: ADV, facts: advance({ paymentChannel: 'cod' }), outcome: 'not_applicable' },
  { name: 'advance of 0', rule: ADV, facts: advance({ advancePaidBdt: 0 }), outcome: 'not_applicable' },
  { name: 'in stock: any advance allowed', rule: ADV, facts: advance({ advancePaidBdt: 5000, inStock: true }), outcome: 'not_applicable' },
  { name: 'exactly 10% without escrow', rule: ADV, facts: advance({ advancePaidBdt: 1000, advanceViaEscrow: false }), outcome: 'compliant', numbers: { limitBdt: 1000 } },
  { name: '10% + ৳1 without escrow', rule: ADV, facts: advance({ advancePaidBdt: 1001, advanceViaEscrow: false }), outcome: 'breach', says: ['৳১,০০১', '৳১০,০০০', '৳1,001', 'not through escrow'] },
  { name: '10% + ৳1 through escrow', rule: ADV, facts: advance({ advancePaidBdt: 1001, advanceViaEscrow: true }), outcome: 'compliant' },
  { name: 'COD with a large advance still judged', rule: ADV, facts: advance({ paymentChannel: 'cod', advancePaidBdt: 3000, advanceViaEscrow: false }), outcome: 'breach' },
  { name: 'escrow unknown', rule: ADV, facts: advance({ advancePaidBdt: 5000 }), outcome: 'unknown', missing: ['advanceViaEscrow'] },
  { name: 'advance unknown', rule: ADV, facts: advance({}), outcome: 'unknown', missing: ['advancePaidBdt'] },
  { name: 'stock unknown', rule: ADV, facts: advance({ advancePaidBdt: 5000, inStock: undefined }), outcome: 'unknown', missing: ['inStock'] },
  { name: 'price unknown', rule: ADV, facts: advance({ advancePaidBdt: 5000, priceBdt: undefined }), outcome: 'unknown', missing: ['priceBdt'] },

  // ---- refund: 10 calendar days of payment, same channel, in full, no charges ----
  { name: 'no refund due', rule: REF, facts: refund({ refundDueReason: 'none' }), outcome: 'not_applicable' },
  { name: 'buyer return: not this rule', rule: REF, facts: refund({ refundDueReason: 'returned_by_buyer' }), outcome: 'not_applicable' },
  { name: 'nothing paid', rule: REF, facts: refund({ paymentChannel: 'cod', amountPaidBdt: 0 }), outcome: 'not_applicable' },
  { name: 'refunded the same day', rule: REF, facts: refund({ refundedAt: dh('2026-11-16T15:00') }), outcome: 'compliant', says: ['৳২,০০০', 'full ৳2,000'] },
  { name: 'seller cancelled, refunded on the 10th day 23:59', rule: REF, facts: refund({ refundDueReason: 'cancelled_by_seller', refundedAt: dh('2026-11-26T23:59') }), outcome: 'compliant' },
  { name: 'refunded 00:01 on the 11th day', rule: REF, facts: refund({ refundedAt: dh('2026-11-27T00:01') }), outcome: 'breach', numbers: { daysLate: 1 } },
  { name: 'not refunded, last day today', rule: REF, facts: refund({ refundedAt: null, now: dh('2026-11-26T12:00') }), outcome: 'compliant', numbers: { daysLeft: 0 } },
  { name: 'not refunded, 7 days late', rule: REF, facts: refund({ refundedAt: null, now: dh('2026-12-03T12:00') }), outcome: 'breach', says: ['৭ দিন দেরি', 'has not been refunded', '26 Nov 2026'] },
  { name: 'refunded to another channel', rule: REF, facts: refund({ refundChannel: 'nagad' }), outcome: 'breach', says: ['same channel', 'paid by bKash but was refunded by Nagad', 'বিকাশ', 'নগদ'] },
  { name: 'refunded short', rule: REF, facts: refund({ refundedAmountBdt: 1800 }), outcome: 'breach', says: ['৳২০০ কম', '৳200 short'] },
  { name: 'charges taken', rule: REF, facts: refund({ refundChargesBdt: 50 }), outcome: 'breach', says: ['৳৫০', 'no charges'] },
  { name: 'refund channel unknown', rule: REF, facts: refund({ refundChannel: undefined }), outcome: 'unknown', missing: ['refundChannel'] },
  { name: 'late and channel unknown: still a breach', rule: REF, facts: refund({ refundedAt: dh('2026-12-01T10:00'), refundChannel: undefined }), outcome: 'breach', missing: ['refundChannel'] },
  { name: 'reason unknown', rule: REF, facts: refund({ refundDueReason: undefined }), outcome: 'unknown', missing: ['refundDueReason'] },
  { name: 'refund paid 23:59 Dhaka, refunded 00:30 of the 11th', rule: REF, facts: refund({ paymentDate: dh('2026-11-16T23:59'), refundedAt: dh('2026-11-27T00:30') }), outcome: 'breach' },
  { name: 'refund paid 00:01 Dhaka, refunded 00:30 of the 10th', rule: REF, facts: refund({ paymentDate: dh('2026-11-17T00:01'), refundedAt: dh('2026-11-27T00:30') }), outcome: 'compliant' },

  // ---- cash-back: 72 exact hours, not held in a wallet ----
  { name: 'no cash-back promised', rule: CB, facts: cashback({ cashbackPromisedBdt: 0 }), outcome: 'not_applicable' },
  { name: 'credited at exactly 72 h over the weekend', rule: CB, facts: cashback({ cashbackCreditedAt: dh('2026-11-22T10:00') }), outcome: 'compliant' },
  { name: 'credited at 72 h + 1 min', rule: CB, facts: cashback({ cashbackCreditedAt: dh('2026-11-22T10:01') }), outcome: 'breach', says: ['72 hours'] },
  { name: 'credited in time but held in a wallet', rule: CB, facts: cashback({ cashbackHeldInWallet: true }), outcome: 'breach', says: ['৳২০০', 'wallet'] },
  { name: 'not credited, still within 72 h', rule: CB, facts: cashback({ cashbackCreditedAt: null, now: dh('2026-11-21T10:00') }), outcome: 'compliant' },
  { name: 'not credited, 72 h gone', rule: CB, facts: cashback({ cashbackCreditedAt: null, now: dh('2026-11-23T10:00') }), outcome: 'breach' },
  { name: 'cash-back promise unknown', rule: CB, facts: cashback({ cashbackPromisedBdt: undefined }), outcome: 'unknown', missing: ['cashbackPromisedBdt'] },
  { name: 'wallet unknown', rule: CB, facts: cashback({ cashbackHeldInWallet: undefined }), outcome: 'unknown', missing: ['cashbackHeldInWallet'] },

  // ---- merchant acts on a complaint within 3 working days ----
  { name: 'acted 23:59 on the 3rd working day', rule: MR, facts: response({ merchantActedAt: dh('2026-11-18T23:59') }), outcome: 'compliant', numbers: { deadline: '2026-11-18' } },
  { name: 'acted 00:01 after the 3rd working day', rule: MR, facts: response({ merchantActedAt: dh('2026-11-19T00:01') }), outcome: 'breach', numbers: { daysLate: 1 } },
  { name: 'Friday and Saturday not counted', rule: MR, facts: response({ complaintToMerchantAt: dh('2026-11-18T10:00'), merchantActedAt: dh('2026-11-23T20:00') }), outcome: 'compliant', numbers: { deadline: '2026-11-23' } },
  { name: 'Victory Day not counted', rule: MR, facts: response({ complaintToMerchantAt: dh('2026-12-14T10:00'), merchantActedAt: dh('2026-12-20T18:00') }), outcome: 'compliant', numbers: { deadline: '2026-12-20' } },
  { name: 'after the holiday-extended deadline', rule: MR, facts: response({ complaintToMerchantAt: dh('2026-12-14T10:00'), merchantActedAt: dh('2026-12-21T09:00') }), outcome: 'breach' },
  { name: 'complaint Wed 23:59 Dhaka: due Mon', rule: MR, facts: response({ complaintToMerchantAt: dh('2026-11-18T23:59'), merchantActedAt: dh('2026-11-24T12:00') }), outcome: 'breach', numbers: { deadline: '2026-11-23' } },
  { name: 'complaint Thu 00:01 Dhaka: due Tue', rule: MR, facts: response({ complaintToMerchantAt: dh('2026-11-19T00:01'), merchantActedAt: dh('2026-11-24T12:00') }), outcome: 'compliant', numbers: { deadline: '2026-11-24' } },
  { name: 'not acted, still time', rule: MR, facts: response({ merchantActedAt: null, now: dh('2026-11-17T10:00') }), outcome: 'compliant', numbers: { daysLeft: 1 } },
  { name: 'not acted, deadline gone', rule: MR, facts: response({ merchantActedAt: null, now: dh('2026-11-20T10:00') }), outcome: 'breach', says: ['has not acted', '১৮ নভে, ২০২৬'] },
  { name: 'merchant action unknown', rule: MR, facts: response({ merchantActedAt: undefined }), outcome: 'unknown', missing: ['merchantActedAt'] },
  { name: 'no complaint to the merchant known', rule: MR, facts: response({ complaintToMerchantAt: undefined }), outcome: 'unknown', missing: ['complaintToMerchantAt'] },

  // ---- the page shows trade licence, DBID, return policy ----
  { name: 'licence and DBID shown', rule: PI, facts: { pageShowsTradeLicence: true, pageShowsDbid: true }, outcome: 'compliant' },
  { name: 'DBID missing', rule: PI, facts: { pageShowsTradeLicence: true, pageShowsDbid: false }, outcome: 'breach', says: ['DBID', 'ডিবিআইডি'] },
  { name: 'both missing', rule: PI, facts: { pageShowsTradeLicence: false, pageShowsDbid: false }, outcome: 'breach', says: ['does not show: trade licence number, DBID', 'ট্রেড লাইসেন্স নম্বর, ডিবিআইডি'] },
  { name: 'DBID unknown', rule: PI, facts: { pageShowsTradeLicence: true }, outcome: 'unknown', missing: ['pageShowsDbid'] },
  { name: 'return policy shown', rule: RP, facts: { pageShowsReturnPolicy: true }, outcome: 'compliant' },
  { name: 'return policy missing', rule: RP, facts: { pageShowsReturnPolicy: false }, outcome: 'breach', says: ['রিটার্ন নীতি'] },
  { name: 'return policy unknown', rule: RP, facts: {}, outcome: 'unknown', missing: ['pageShowsReturnPolicy'] },

  // ---- CRPA s.60: 30 days from the cause of action ----
  { name: 'regulator: day of the problem', rule: RW, facts: regulator(dh('2026-11-01T10:00')), outcome: 'compliant', numbers: { daysLeft: 30, lastDay: '2026-12-01' }, says: ['৩০ দিন বাকি', '30 days left'] },
  { name: 'regulator: last day, 23:59', rule: RW, facts: regulator(dh('2026-12-01T23:59')), outcome: 'compliant', numbers: { daysLeft: 0 }, says: ['আজই শেষ দিন', 'today is the last day'] },
  { name: 'regulator: 00:01 the day after', rule: RW, facts: regulator(dh('2026-12-02T00:01')), outcome: 'breach', numbers: { daysLeft: -1, merchantRouteOpen: true }, says: ["regulator's route is closed", 'merchant is still open', 'বিক্রেতার কাছে অভিযোগ এখনও করা যায়'] },
  { name: 'regulator: 18:30 UTC is already the next Dhaka day', rule: RW, facts: regulator('2026-12-01T18:30:00Z'), outcome: 'breach' },
  { name: 'regulator: cause unknown', rule: RW, facts: { now: dh('2026-12-01T10:00') }, outcome: 'unknown', missing: ['causeOfActionDate'] },

  // ---- amendments: each order judged by the set in force on its order date ----
  { name: 'order 30 Nov 23:59: 2021 set, 5 days', rule: DEL, sets: SETS, facts: delivery({ orderDate: dh('2026-11-30T23:59'), paymentDate: dh('2026-12-01T10:00'), deliveredAt: dh('2026-12-05T10:00') }), outcome: 'compliant', version: 'dcog-2021.1' },
  { name: 'order 1 Dec 00:01: amended set, 3 days', rule: DEL, sets: SETS, facts: delivery({ orderDate: dh('2026-12-01T00:01'), paymentDate: dh('2026-12-01T10:00'), deliveredAt: dh('2026-12-05T10:00') }), outcome: 'breach', version: 'test-2026.12', numbers: { days: 3 } },
  { name: 'order at 18:30 UTC 30 Nov is 1 Dec in Dhaka', rule: DEL, sets: SETS, facts: delivery({ orderDate: '2026-11-30T18:30:00Z', paymentDate: dh('2026-12-01T10:00'), deliveredAt: dh('2026-12-05T10:00') }), outcome: 'breach', version: 'test-2026.12' },
  { name: 'sets given in any order', rule: DEL, sets: [AMENDED, RULE_SET_2021], facts: delivery({ orderDate: dh('2026-11-10T10:00'), deliveredAt: dh('2026-11-20T10:00') }), outcome: 'compliant', version: 'dcog-2021.1' },
  { name: 'no order date: judged by payment date', rule: DEL, sets: SETS, facts: delivery({ paymentDate: dh('2026-12-02T10:00'), deliveredAt: dh('2026-12-06T10:00') }), outcome: 'breach', version: 'test-2026.12' },
  { name: 'a rule of the amendment not yet in force', rule: 'test.future', sets: SETS, facts: delivery({ orderDate: dh('2026-12-02T10:00') }), outcome: 'not_applicable', version: 'test-2026.12' },
];

describe('policy rule set dcog-2021.1: the case table', () => {
  it('has at least 60 cases and covers every rule', () => {
    assert.ok(CASES.length >= 60, `${CASES.length} cases`);
    for (const r of RULE_SET_2021.rules) assert.ok(CASES.some((c) => c.rule === r.id), `no case for ${r.id}`);
  });

  for (const c of CASES) {
    it(`${c.rule}: ${c.name} → ${c.outcome}`, () => {
      const facts = FactsSchema.parse(c.facts);
      const result = evaluate(c.sets ?? [RULE_SET_2021], { orderDate: facts.paymentDate ?? facts.now ?? new Date(dh('2026-11-16T10:00')), ...stripUndefined(facts) }, CAL);
      if (c.version !== undefined) assert.equal(result.version, c.version);
      const f = result.findings.find((x) => x.ruleId === c.rule);
      assert.ok(f, `no finding for ${c.rule}`);
      assert.equal(f.outcome, c.outcome, `${f.explanation.en}`);
      if (c.missing) assert.deepEqual(f.missingFacts, c.missing);
      else if (f.outcome !== 'unknown') assert.equal(f.missingFacts, undefined);
      for (const [k, v] of Object.entries(c.numbers ?? {})) assert.equal(f.numbers[k], v, `numbers.${k}`);
      for (const s of c.says ?? []) assert.ok(f.explanation.bn.includes(s) || f.explanation.en.includes(s), `"${s}" not in:\n${f.explanation.bn}\n${f.explanation.en}`);
      assert.ok(f.explanation.bn.length > 0 && f.explanation.en.length > 0);
      assert.doesNotMatch(f.explanation.bn, /[0-9]/, 'Bengali explanation uses Bengali digits');
    });
  }
});

/** Keep a case's explicit undefined from hiding the default order date. */
function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

describe('policy evaluation', () => {
  it('rule ids are unique and every needed fact is a known fact', () => {
    const ids = RULE_SET_2021.rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    const known = Object.keys(FactsSchema.shape);
    for (const r of RULE_SET_2021.rules) for (const n of r.needs) assert.ok(known.includes(n), `${r.id} needs ${n}`);
  });

  it('orders before the guidelines have no rule set', () => {
    const r = evaluateInput([RULE_SET_2021], { orderDate: dh('2021-01-05T10:00') }, CAL);
    assert.equal(r.version, null);
    assert.deepEqual(r.findings, []);
  });

  it('with no date at all, nothing is judged', () => {
    assert.deepEqual(evaluate([RULE_SET_2021], {}, CAL), { version: null, judgedOn: null, judgedBy: null, findings: [] });
  });

  it('every rule answers, with a known outcome, for empty facts on a known date', () => {
    const r = evaluateInput([RULE_SET_2021], { orderDate: dh('2026-11-01T10:00') }, CAL);
    assert.equal(r.findings.length, RULE_SET_2021.rules.length);
    for (const f of r.findings) assert.equal(f.outcome, 'unknown', f.ruleId);
  });

  it('rejects malformed facts', () => {
    assert.throws(() => FactsSchema.parse({ paymentDate: 'not a date' }));
    assert.throws(() => FactsSchema.parse({ amountPaidBdt: -5 }));
    assert.throws(() => FactsSchema.parse({ paymentChannel: 'paypal' }));
    assert.throws(() => FactsSchema.parse({ causeOfActionDate: '1/11/2026' }));
  });

  it('property: delivery is a breach exactly when it came after the last instant of the 5th Dhaka day', () => {
    const start = Date.parse('2026-01-01T00:00:00+06:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 * 24 * 60 }), fc.integer({ min: 0, max: 20 * 24 * 60 }), (payMin, afterMin) => {
        const paid = new Date(start + payMin * 60_000);
        const delivered = new Date(paid.getTime() + afterMin * 60_000);
        const r = evaluate([RULE_SET_2021], { paymentChannel: 'card', paymentDate: paid, sameCity: true, deliveredAt: delivered, now: delivered }, CAL);
        const f = r.findings.find((x) => x.ruleId === DEL)!;
        // Reference: Dhaka day numbers by shifting the instant by +6 h.
        const day = (d: Date) => Math.floor((d.getTime() + 6 * 3_600_000) / 86_400_000);
        const expected = day(delivered) - day(paid) > 5 ? 'breach' : 'compliant';
        assert.equal(f.outcome, expected);
      }),
    );
  });

  it('property: being later never turns a breach into compliance (merchant response)', () => {
    const start = Date.parse('2026-11-01T00:00:00+06:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 }), fc.integer({ min: 0, max: 20 * 24 }), fc.integer({ min: 0, max: 5 * 24 }), (c, a, extra) => {
        const complaint = new Date(start + c * 3_600_000);
        const acted = new Date(complaint.getTime() + a * 3_600_000);
        const later = new Date(acted.getTime() + extra * 3_600_000);
        const judge = (at: Date) =>
          evaluate([RULE_SET_2021], { orderDate: complaint, complaintToMerchantAt: complaint, merchantActedAt: at, now: at }, CAL).findings.find((x) => x.ruleId === MR)!.outcome;
        if (judge(acted) === 'breach') assert.equal(judge(later), 'breach');
      }),
    );
  });
});
