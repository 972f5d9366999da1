// Eligibility findings and the four units every figure is counted in.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ClaimState } from './claimStates.ts';
import { REJECTION_FOR, eligibilityText, isLate, lateText, lineEligibility } from './eligibility.ts';
import { formatDhakaDay, hasClaimMessage } from '../i18n/claims.ts';
import { PAYMENT_CHANNELS } from './vocabulary.ts';
import { lineKeys } from './keys.ts';
import { type FigureLine, type UnitRow, MEASURES, UNITS, fourUnits, fourUnitsText, measureOf, programmeFigures } from './units.ts';
import { MERCHANT, allowedLine, dhaka, facts, line, matchedLine, programme } from './fixtures.testing.ts';

describe('eligibility', () => {
  const e = programme().eligibility; // orders 1 Jan – 15 Sep 2021; bkash, nagad, card, cod, bank, rocket

  it('finds orders outside the range and channels not covered, with the code an officer would reject with', () => {
    assert.deepEqual(lineEligibility(e, { orderDate: '2021-01-01', channel: 'bkash' }), []);
    assert.deepEqual(lineEligibility(e, { orderDate: '2021-09-15', channel: 'cod' }), []);
    assert.deepEqual(lineEligibility(e, { orderDate: '2020-12-31', channel: 'bkash' }), ['order_before_range']);
    assert.deepEqual(lineEligibility(e, { orderDate: '2021-09-16', channel: 'airtime' }), ['order_after_range', 'channel_not_eligible']);
    assert.equal(REJECTION_FOR.order_after_range, 'order_date_out_of_range');
    assert.equal(REJECTION_FOR.channel_not_eligible, 'channel_not_eligible');
  });

  it('late means after the end of the last date in Dhaka (23:59 is in time, 00:01 the next day is late)', () => {
    const w = { lastDate: '2026-04-30' };
    assert.equal(isLate(w, dhaka('2026-04-30T23:59')), false);
    assert.equal(isLate(w, dhaka('2026-05-01T00:01')), true);
    // 18:30 UTC on the 30th is already 1 May in Dhaka.
    assert.equal(isLate(w, new Date('2026-04-30T18:30:00Z')), true);
  });
});

const row = (claimantKey: string, lineKey: string, order: string | null, txn: string | null, taka: number): UnitRow => ({
  claimantKey,
  lineKey,
  keys: lineKeys(MERCHANT, { merchantOrderId: order ?? undefined, gateway: txn ? 'bkash' : undefined, gatewayTxnId: txn ?? undefined }),
  amountPoisha: taka * 100,
});

describe('four units from one definition', () => {
  it('counts claimants, orders and transactions apart (one order paid in two transactions; a cash order; a payment with only a transaction id)', () => {
    const rows = [
      row('A', 'a1', 'O-1', 'T1', 5000),
      row('A', 'a2', 'o 1', 'T2', 3000), // the same order, typed differently, a second payment
      row('B', 'b1', 'O-2', 'T3', 2000),
      row('B', 'b2', 'O-3', null, 1500), // cash on delivery: no transaction id
      row('C', 'c1', null, 'T4', 700), // no order id
    ];
    assert.deepEqual(fourUnits(rows), { claimants: 3, orders: 4, transactions: 5, amountPoisha: 12_200_00 });
  });

  it('a payment two claimants both name is one transaction, claimed by two claimants (the dispute figure shows it)', () => {
    assert.deepEqual(fourUnits([row('A', 'a1', null, 'T1', 5000), row('B', 'b1', null, 't-1', 5000)]), { claimants: 2, orders: 2, transactions: 1, amountPoisha: 10_000_00 });
  });

  it('never more claimants, orders or transactions than payments; nothing counted twice for the same line', () => {
    const arb = fc.array(fc.record({ c: fc.constantFrom('A', 'B', 'C'), o: fc.option(fc.constantFrom('O1', 'O2', 'O3')), t: fc.option(fc.constantFrom('T1', 'T2')), taka: fc.nat(10_000) }), { maxLength: 30 });
    fc.assert(
      fc.property(arb, (xs) => {
        const rows = xs.map((x, i) => row(x.c, `l${i}`, x.o, x.t, x.taka));
        const u = fourUnits(rows);
        assert.ok(u.claimants <= rows.length && u.orders <= rows.length && u.transactions <= rows.length);
        assert.equal(u.amountPoisha, rows.reduce((s, r) => s + r.amountPoisha, 0));
        assert.deepEqual(fourUnits([...rows, ...rows]).orders, u.orders, 'the same rows again add no order');
      }),
    );
  });

  it('each measure takes its lines: drafts and withdrawn claims count nowhere; allowed counts the allowed amount', () => {
    const fl = (claimId: string, claimState: ClaimState, l: ReturnType<typeof line>): FigureLine => ({ claimId, claimState, line: l, keys: lineKeys(MERCHANT, l.facts) });
    const refunded = facts({ merchantOrderId: 'EV-2', gatewayTxnId: 'TX2', refunds: [{ amountPoisha: 50_000, on: '2021-07-01', channel: 'bkash' }] });
    const lines = [
      fl('A', 'draft', matchedLine()),
      fl('B', 'withdrawn', matchedLine({ id: 'b', facts: facts({ merchantOrderId: 'EV-9', gatewayTxnId: 'TX9' }) })),
      fl('C', 'in_payment', allowedLine({ id: 'c', facts: facts({ merchantOrderId: 'EV-3', gatewayTxnId: 'TX3' }), allowed: { amountPoisha: 600_000, reasons: ['partly_delivered'] } })),
      fl('D', 'under_review', line({ id: 'd', facts: refunded })),
      fl('E', 'rejected', line({ id: 'e', facts: facts({ merchantOrderId: 'EV-5', gatewayTxnId: 'TX5' }), rejection: { code: 'delivered', note: null } })),
    ];
    const f = programmeFigures(lines);
    assert.deepEqual(f.claimed, { claimants: 3, orders: 3, transactions: 3, amountPoisha: 850_000 + 800_000 + 850_000 });
    assert.deepEqual(f.matched, { claimants: 1, orders: 1, transactions: 1, amountPoisha: 850_000 });
    assert.deepEqual(f.allowed, { claimants: 1, orders: 1, transactions: 1, amountPoisha: 600_000 });
    assert.deepEqual(f.rejected, { claimants: 1, orders: 1, transactions: 1, amountPoisha: 850_000 });
    assert.deepEqual(f.disputed, { claimants: 0, orders: 0, transactions: 0, amountPoisha: 0 });
    assert.equal(measureOf('claimed', lines[0]!), null);
  });
});

describe('figures and findings in words', () => {
  it('a figure says all four units, in the reader’s digits', () => {
    const u = { claimants: 1204, orders: 1310, transactions: 1877, amountPoisha: 2_14_50_000_00 };
    assert.equal(fourUnitsText('en', u), '1,204 claimants, 1,310 orders, 1,877 transactions, ৳21,450,000');
    assert.equal(fourUnitsText('bn', u), '১,২০৪ জন দাবিদার, ১,৩১০টি অর্ডার, ১,৮৭৭টি লেনদেন, ৳২,১৪,৫০,০০০');
  });

  it('eligibility findings and lateness name the programme’s dates and the channel', () => {
    const e = programme().eligibility;
    assert.equal(eligibilityText('en', 'order_after_range', e, { channel: 'bkash' }), 'The order is after 15 Sept 2021, the cut-off of this programme.');
    assert.equal(eligibilityText('bn', 'channel_not_eligible', e, { channel: 'airtime' }), 'মোবাইল এয়ারটাইম দিয়ে পরিশোধ এই কর্মসূচিতে নেই।');
    assert.ok(eligibilityText('bn', 'order_before_range', e, { channel: 'bkash' }).startsWith(`অর্ডারটি ${formatDhakaDay('bn', '2021-01-01')} এর আগের`));
    assert.equal(lateText('en', { lastDate: '2026-04-30' }), 'Sent after the last date (30 Apr 2026): accepted, and checked after the claims sent in time.');
  });

  it('every unit, measure and channel has a label in both languages', () => {
    for (const k of [...UNITS.map((u) => `claims.unit.${u}`), ...MEASURES.map((m) => `claims.measure.${m}`), ...PAYMENT_CHANNELS.map((c) => `claims.channel.${c}`)]) assert.ok(hasClaimMessage(k), k);
  });
});
