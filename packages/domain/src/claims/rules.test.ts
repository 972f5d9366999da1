// The rules of claims, each in one place: what can be refunded, money, the keys that make two
// claimants' payments the same payment, and the rules of a line's facts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { refundablePoisha } from './amount.ts';
import { duplicateOutcome, lastFourDigits, lineKeys, normaliseId, orderKey, transactionKey } from './keys.ts';
import { ClaimantLineFactsSchema, LineFactsSchema, lineDateProblems, lineFromComplaint, problemOf } from './lineFacts.ts';
import { MAX_LINE_POISHA, formatTaka, parseTaka, poishaToDecimal } from './money.ts';
import { MERCHANT, facts } from './fixtures.testing.ts';

describe('what can be refunded', () => {
  it('is the amount paid less the refunds received', () => {
    assert.equal(refundablePoisha(facts({ amountPaidPoisha: 850_000 })), 850_000);
    assert.equal(
      refundablePoisha(facts({ amountPaidPoisha: 850_000, refunds: [{ amountPoisha: 100_000, on: '2021-07-01', channel: 'bkash' }, { amountPoisha: 50_050, on: '2021-08-01', channel: 'nagad' }] })),
      699_950,
    );
  });

  it('is never negative (cash-back above the payment leaves nothing owed) and never above what was paid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_LINE_POISHA }), fc.array(fc.integer({ min: 0, max: MAX_LINE_POISHA }), { maxLength: 20 }), (paid, refunds) => {
        const r = refundablePoisha({ amountPaidPoisha: paid, refunds: refunds.map((amountPoisha) => ({ amountPoisha, on: '2021-07-01', channel: 'bkash' as const })) });
        assert.ok(r >= 0 && r <= paid);
        assert.equal(r, Math.max(0, paid - refunds.reduce((a, b) => a + b, 0)));
      }),
    );
  });

  it('never counts a cheque: Alesha Mart’s cheques at the retail price leave the refund at what was paid', () => {
    // A cheque is an instrument of the claim, not a fact of the line: the line has no field for it,
    // so its face value cannot enter the amount.
    assert.throws(() => LineFactsSchema.parse({ ...facts(), chequeFacePoisha: 1_200_000 }));
    assert.equal(refundablePoisha(facts({ amountPaidPoisha: 850_000 })), 850_000);
  });
});

describe('money', () => {
  it('reads amounts as people and spreadsheets write them, exactly, in poisha', () => {
    const cases: [string, number | null][] = [
      ['1050', 105_000],
      ['1,050.50', 105_050],
      ['১০৫০.৫', 105_050],
      ['৳১,০৫০', 105_000],
      ['Tk 1050', 105_000],
      ['BDT1,00,000', 10_000_000],
      ['1050 টাকা', 105_000],
      ['0.07', 7],
      ['1050.505', null],
      ['-5', null],
      ['', null],
      ['12abc', null],
      ['1e5', null],
    ];
    for (const [input, want] of cases) assert.equal(parseTaka(input), want, input);
  });

  it('writes poisha back as two decimals and as taka for a reader', () => {
    assert.equal(poishaToDecimal(105_050), '1050.50');
    assert.equal(poishaToDecimal(7), '0.07');
    assert.equal(formatTaka('en', 105_000), '৳1,050');
    assert.equal(formatTaka('en', 105_050), '৳1,050.50');
    assert.equal(formatTaka('bn', 105_050), '৳১,০৫০.৫০');
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (p) => assert.equal(parseTaka(poishaToDecimal(p)), p)));
  });
});

describe('duplicate keys', () => {
  it('one order however it is typed: case, separators, a leading #, Bengali digits', () => {
    const keys = ['#EV-10234', 'ev 10234', 'EV10234', 'EV_১০২৩৪', 'ev/10234'].map((x) => orderKey(MERCHANT, x));
    assert.equal(new Set(keys).size, 1);
    assert.equal(keys[0], `${MERCHANT}:EV10234`);
    // Leading zeros are kept: a wrong merge would hide one claimant's payment behind another's.
    assert.notEqual(orderKey(MERCHANT, '00123'), orderKey(MERCHANT, '123'));
    assert.notEqual(orderKey(MERCHANT, 'EV1'), orderKey('7a1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5', 'EV1'), 'another merchant’s order');
  });

  it('one transaction per gateway: the same id at another gateway is another transaction', () => {
    assert.equal(transactionKey('bkash', ' 8n7a-6b5c 4d '), 'bkash:8N7A6B5C4D');
    assert.notEqual(transactionKey('bkash', '8N7A6B5C4D'), transactionKey('nagad', '8N7A6B5C4D'));
    assert.equal(transactionKey(undefined, '8N7A6B5C4D'), null);
    assert.equal(transactionKey('bkash', '--'), null);
    assert.deepEqual(lineKeys(MERCHANT, { gateway: 'bkash', gatewayTxnId: '8N7A6B5C4D' }), { transaction: 'bkash:8N7A6B5C4D', order: null });
  });

  it('normalising is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => assert.equal(normaliseId(normaliseId(s)), normaliseId(s))));
  });

  it('a second claimant naming an existing payment opens a dispute with every holder, never a silent refusal', () => {
    const held = new Map([
      ['bkash:8N7A6B5C4D', [{ claimId: 'claim-A', lineId: 'line-A1' }]],
      [`${MERCHANT}:EV10234`, [{ claimId: 'claim-B', lineId: 'line-B1' }]],
    ]);
    const holders = (k: string) => held.get(k) ?? [];
    const keys = lineKeys(MERCHANT, { gateway: 'bkash', gatewayTxnId: '8N7A6B5C4D', merchantOrderId: 'EV-10234' });
    assert.deepEqual(duplicateOutcome('claim-C', keys, holders), {
      kind: 'dispute',
      with: [
        { claimId: 'claim-A', lineId: 'line-A1' },
        { claimId: 'claim-B', lineId: 'line-B1' },
      ],
    });
    // The same claimant typing a payment twice is told which line has it.
    assert.deepEqual(duplicateOutcome('claim-A', keys, holders), { kind: 'same_claim', lineId: 'line-A1' });
    assert.deepEqual(duplicateOutcome('claim-C', lineKeys(MERCHANT, { merchantOrderId: 'EV-99' }), holders), { kind: 'new' });
  });

  it('keeps only the last four digits of an account', () => {
    assert.equal(lastFourDigits('01712-345678'), '5678');
    assert.equal(lastFourDigits('০১৭১২৩৪৫৬৭৮'), '5678');
    assert.equal(lastFourDigits('12'), null);
  });
});

describe('the facts of a line', () => {
  const problems = (input: unknown, schema = LineFactsSchema) => {
    const r = schema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${problemOf(i as { params?: Record<string, unknown> }) ?? i.code}`);
  };

  it('a payment must be findable again: an order id or a transaction id (with its gateway)', () => {
    assert.deepEqual(problems({ ...facts(), merchantOrderId: undefined, gatewayTxnId: undefined }), ['merchantOrderId:order_or_transaction_required']);
    assert.deepEqual(problems({ ...facts(), gateway: undefined }), ['gateway:gateway_required']);
    assert.deepEqual(problems({ ...facts(), channel: 'cod' }), ['gateway:cod_without_gateway']);
    assert.deepEqual(problems(facts()), []);
  });

  it('a gateway list may not know the item or the delivery; the claimant must say both', () => {
    const fromList = { ...facts(), item: undefined, delivered: undefined };
    assert.deepEqual(problems(fromList), []);
    assert.deepEqual(problems(fromList, ClaimantLineFactsSchema).sort(), ['delivered:delivered_required', 'item:item_required']);
  });

  it('only the last four digits of the payer account are accepted; amounts are whole poisha above 0', () => {
    assert.deepEqual(problems({ ...facts(), payerAccountLast4: '01712345678' }), ['payerAccountLast4:invalid_format']);
    assert.deepEqual(problems({ ...facts(), amountPaidPoisha: 0 }), ['amountPaidPoisha:too_small']);
    assert.deepEqual(problems({ ...facts(), amountPaidPoisha: 10.5 }), ['amountPaidPoisha:invalid_type']);
  });

  it('no date in the future (Dhaka dates: 18:30 UTC is already tomorrow in Dhaka)', () => {
    const today = '2026-03-10';
    assert.deepEqual(lineDateProblems(facts({ orderDate: '2026-03-10', paidAt: '2026-03-10T17:59:00Z' }), today), []);
    assert.deepEqual(
      lineDateProblems(facts({ orderDate: '2026-03-11', paidAt: '2026-03-10T18:30:00Z', refunds: [{ amountPoisha: 1, on: '2026-03-12', channel: 'bkash' }] }), today),
      [
        { path: 'orderDate', problem: 'date_in_future' },
        { path: 'paidAt', problem: 'date_in_future' },
        { path: 'refunds.0.on', problem: 'date_in_future' },
      ],
    );
  });

  it('a complaint becomes a line in one tap: order, date, amount (taka to poisha) and channel carry over', () => {
    const l = lineFromComplaint({ number: 'EV-10234', date: '2021-06-10', amountBdt: 8500, paymentChannel: 'bkash' }, 'not_delivered');
    assert.deepEqual(l, { merchantOrderId: 'EV-10234', orderDate: '2021-06-10', amountPaidPoisha: 850_000, channel: 'bkash', delivered: 'no', refunds: [] });
    assert.equal(lineFromComplaint({ number: 'X1', date: '2021-06-10', amountBdt: 1, paymentChannel: 'cod' }, 'late_delivery').delivered, undefined);
  });
});
