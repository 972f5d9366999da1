// The facts' two forms, who may state what, and how the parties' statements are layered.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileComplaintSchema } from '../complaint/filing.ts';
import { factsFromFiling } from '../complaint/filingFacts.ts';
import {
  CONSUMER_FACTS,
  ConsumerFactsSchema,
  FactsSchema,
  FactsWireSchema,
  MERCHANT_CONTESTABLE_FACTS,
  MerchantFactsSchema,
  WIRE_FACT_KEYS,
  layerFacts,
} from './facts.ts';

const filing = (over: Record<string, unknown> = {}) =>
  FileComplaintSchema.parse({
    merchant: { website: 'shop.test' },
    order: { number: 'A-1', date: '2026-11-05', amountBdt: 4200, paymentChannel: 'bkash' },
    category: 'not_delivered',
    description: 'Paid by bKash, nothing came and nobody answers the phone.',
    wantedRemedy: 'refund',
    preChecks: { contactedMerchant: true, contactedOn: '2026-11-18', remedyReceived: 'none', problemDate: '2026-11-17' },
    consumer: { name: 'Rahim', district: 'dhaka' },
    ...over,
  });

describe('policy facts', () => {
  it('reads a date without a time as the start of that day in Dhaka', () => {
    const f = FactsSchema.parse({ paymentDate: '2026-11-05', deliveredAt: null });
    assert.equal(f.paymentDate?.toISOString(), '2026-11-04T18:00:00.000Z');
    assert.equal(f.deliveredAt, null);
    assert.equal(FactsSchema.parse({ deliveredAt: '2026-11-05T10:00:00+06:00' }).deliveredAt?.toISOString(), '2026-11-05T04:00:00.000Z');
  });

  it('has one list of keys for both forms; the wire form refuses keys it does not know and instants without an offset', () => {
    assert.deepEqual([...WIRE_FACT_KEYS, 'now'].sort(), Object.keys(FactsSchema.shape).sort());
    assert.equal(FactsWireSchema.safeParse({ deliveredOn: '2026-11-05' }).success, false);
    assert.equal(FactsWireSchema.safeParse({ deliveredAt: '2026-11-05T10:00:00' }).success, false);
    assert.equal(FactsWireSchema.safeParse({ deliveredAt: '05/11/2026' }).success, false);
    assert.equal(FactsWireSchema.safeParse({ now: '2026-11-05' }).success, false);
    assert.equal(FactsWireSchema.safeParse({ refundedAmountBdt: -1 }).success, false);
  });

  it('lets each party state only its own facts', () => {
    assert.equal(ConsumerFactsSchema.safeParse({ deliveredAt: null, paymentDate: '2026-11-05' }).success, true);
    assert.equal(ConsumerFactsSchema.safeParse({ orderDate: '2026-11-05' }).success, false, 'the order date comes from the filing');
    assert.equal(MerchantFactsSchema.safeParse({ deliveredAt: '2026-11-07' }).success, true);
    assert.equal(MerchantFactsSchema.safeParse({ paymentDate: '2026-11-07' }).success, false, 'when the buyer paid is not the merchant’s to say');
    for (const k of MERCHANT_CONTESTABLE_FACTS) assert.ok(WIRE_FACT_KEYS.includes(k));
    for (const k of CONSUMER_FACTS) assert.ok(WIRE_FACT_KEYS.includes(k));
  });

  it('layers the statements: officer over merchant over consumer, saying where each fact came from', () => {
    const { facts, sources } = layerFacts({
      consumer: { deliveredAt: null, paymentDate: '2026-11-05', sameCity: false },
      merchant: { deliveredAt: '2026-11-09' },
      officer: { sameCity: true },
    });
    assert.deepEqual(facts, { deliveredAt: '2026-11-09', paymentDate: '2026-11-05', sameCity: true });
    assert.deepEqual(sources, { deliveredAt: 'merchant', paymentDate: 'consumer', sameCity: 'officer' });
    // The layer order is fixed, not the order the layers were written in.
    const reversed = layerFacts({ officer: { sameCity: true }, consumer: { sameCity: false } });
    assert.equal(reversed.facts.sameCity, true);
  });

  it('takes from a filing what it already says, and the consumer’s answers over the defaults', () => {
    const f = factsFromFiling(filing());
    assert.deepEqual(f, {
      orderDate: '2026-11-05',
      paymentChannel: 'bkash',
      priceBdt: 4200,
      amountPaidBdt: 4200,
      complaintToMerchantAt: '2026-11-18',
      causeOfActionDate: '2026-11-17',
    });
    // Cash on delivery: nothing is known to be paid; not contacted: no contact date.
    const cod = factsFromFiling(
      filing({
        order: { number: 'A-2', date: '2026-11-05', amountBdt: 900, paymentChannel: 'cod' },
        preChecks: { contactedMerchant: false, remedyReceived: 'none', problemDate: '2026-11-17' },
      }),
    );
    assert.equal(cod.amountPaidBdt, undefined);
    assert.equal(cod.complaintToMerchantAt, undefined);
    // An advance: the consumer says how much they paid.
    const partial = factsFromFiling(filing({ facts: { amountPaidBdt: 1000, advancePaidBdt: 1000, inStock: false } }));
    assert.equal(partial.amountPaidBdt, 1000);
    assert.equal(partial.inStock, false);
    // Keys outside the consumer's facts are refused at filing.
    assert.equal(FileComplaintSchema.safeParse({ ...filing(), facts: { orderDate: '2026-01-01' } }).success, false);
  });
});
