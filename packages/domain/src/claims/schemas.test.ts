// Request and response schemas, events, and the helpers phase 2 wires to routes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CLAIM_ACTIONS } from './claimActions.ts';
import { transitionClaim } from './claimMachine.ts';
import { makeClaimNumber, parseClaimNumber } from './claimNumber.ts';
import { CLAIM_EVENT_TYPES, CLAIM_NON_STEP_EVENTS, PROGRAMME_EVENT_TYPES } from './events.ts';
import { CLAIM_FEED_EVENT_TYPES, claimFeedEventOf } from './feedEvents.ts';
import { InstrumentInputSchema } from './instruments.ts';
import { lineKeys, listMatchesFor } from './keys.ts';
import { LINE_ACTIONS } from './lines.ts';
import { legalHoldText, moneyHeldText, presentClaim } from './present.ts';
import { noPinNoFeeNotice } from './sms.ts';
import { BulkStepSchema, MAX_BULK_CLAIMS, PrefilledAnswerSchema, StartClaimSchema, determinationForMatched, lineStepSchema } from './requests.ts';
import { ClaimViewSchema, ProgrammeViewSchema } from './views.ts';
import { claimText, formatDhakaDay } from '../i18n/claims.ts';
import { ENTRY, HOLD, LINE_2, MERCHANT, allowedLine, claim, claimCmd, claimCtx, dhaka, facts, line, matchedLine, programme, programmeFacts } from './fixtures.testing.ts';

const NOW = dhaka('2026-03-20T11:00');

describe('bulk determination from the gateway’s list', () => {
  it('allows each matched line at the smaller of paid and the gateway’s amount, less refunds; the machine accepts it', () => {
    const refunded = matchedLine({ id: LINE_2, no: 2, facts: facts({ gatewayTxnId: 'TX2', merchantOrderId: 'EV-2', refunds: [{ amountPoisha: 100_000, on: '2021-08-01', channel: 'bkash' }] }), gatewayMatch: { entryId: ENTRY, amountPoisha: 800_000 } });
    const c = claim('under_review', { lines: [matchedLine(), refunded] });
    const payload = determinationForMatched(c, 'All on the bKash list.');
    assert.ok(typeof payload !== 'string');
    assert.deepEqual(payload.lines, [
      { lineId: c.lines[0]!.id, decision: 'allow', amountPoisha: 850_000, reasons: ['matched_gateway_list'] },
      { lineId: LINE_2, decision: 'allow', amountPoisha: 700_000, reasons: ['matched_gateway_list', 'refunds_deducted'] },
    ]);
    const r = transitionClaim(c, claimCmd('determine', payload), claimCtx('officer', NOW));
    assert.ok(r.ok && r.outcome.snapshot.determination?.allowedPoisha === 1_550_000);
  });

  it('a line refunded in full is rejected as such; a claim with a line off the list, disputed or held is left to an officer', () => {
    const full = matchedLine({ facts: facts({ refunds: [{ amountPoisha: 850_000, on: '2021-08-01', channel: 'bkash' }] }) });
    const p = determinationForMatched(claim('under_review', { lines: [full] }), 'x y z');
    assert.ok(typeof p !== 'string');
    assert.deepEqual(p.lines, [{ lineId: full.id, decision: 'reject', code: 'refunded_in_full' }]);
    assert.equal(determinationForMatched(claim('under_review', { lines: [matchedLine(), line({ id: LINE_2, no: 2 })] }), 'n o t'), 'line_not_on_gateway_list');
    assert.equal(determinationForMatched(claim('under_review', { lines: [matchedLine({ dispute: { kind: 'second_claimant', withLineIds: [], since: NOW.toISOString(), note: null } })] }), 'x y z'), 'line_disputed');
    assert.equal(determinationForMatched(claim('under_review', { lines: [matchedLine({ hold: { kind: 'officer', reason: 'x', holdId: null, since: NOW.toISOString() } })] }), 'x y z'), 'line_held');
    assert.equal(determinationForMatched(claim('submitted'), 'x y z'), 'not_under_review');
  });
});

describe('request schemas', () => {
  it('bulk steps: at most 500 claims, each once, each with the version seen; the step’s payload checked', () => {
    const claims = (n: number) => Array.from({ length: n }, (_, i) => ({ number: makeClaimNumber(String(100_000_000 + i)), expectedVersion: 3 }));
    assert.ok(BulkStepSchema.safeParse({ claims: claims(MAX_BULK_CLAIMS), step: { action: 'start_review' } }).success);
    assert.equal(BulkStepSchema.safeParse({ claims: claims(MAX_BULK_CLAIMS + 1), step: { action: 'start_review' } }).success, false);
    assert.equal(BulkStepSchema.safeParse({ claims: [...claims(1), ...claims(1)], step: { action: 'start_review' } }).success, false);
    assert.equal(BulkStepSchema.safeParse({ claims: claims(2), step: { action: 'request_cure', payload: { items: [] } } }).success, false);
    assert.equal(BulkStepSchema.safeParse({ claims: claims(2), step: { action: 'reject', payload: { code: 'nothing_allowed', note: 'Nothing.' } } }).success, false, 'nil amounts are never a bulk rejection');
    assert.ok(BulkStepSchema.safeParse({ claims: claims(2), step: { action: 'reject', payload: { code: 'false_claim', note: 'The police found the receipts forged.' } } }).success);
  });

  it('a pre-filled line: confirming says whether it came; disputing says what is right and why', () => {
    assert.equal(PrefilledAnswerSchema.safeParse({ answer: 'confirm', entryId: ENTRY, expectedVersion: 1 }).success, false);
    assert.ok(PrefilledAnswerSchema.safeParse({ answer: 'confirm', entryId: ENTRY, expectedVersion: 1, delivered: 'no', item: 'Helmet' }).success);
    assert.equal(PrefilledAnswerSchema.safeParse({ answer: 'dispute', entryId: ENTRY, expectedVersion: 1, corrections: {}, reason: 'Wrong.' }).success, false);
    assert.ok(PrefilledAnswerSchema.safeParse({ answer: 'dispute', entryId: ENTRY, expectedVersion: 1, corrections: { amountPaidPoisha: 900_000 }, reason: 'I paid 9,000.' }).success);
  });

  it('starting a claim takes no phone number (it comes from the verified session)', () => {
    const claimant = { name: 'Rahim Uddin', district: 'dhaka', address: 'House 12, Road 5, Dhanmondi' };
    assert.ok(StartClaimSchema.safeParse({ claimant }).success);
    assert.equal(StartClaimSchema.safeParse({ claimant: { ...claimant, phone: '+8801712345678' } }).success, false);
    assert.equal(StartClaimSchema.parse({ claimant }).claimant.locale, 'bn');
  });

  it('a line step carries its payload schema; cheques and vouchers are checked', () => {
    assert.ok(lineStepSchema('resolve_dispute').safeParse({ expectedVersion: 4, payload: { outcome: 'keep', note: 'The statement shows it.' } }).success);
    assert.equal(lineStepSchema('resolve_dispute').safeParse({ expectedVersion: 4, payload: { outcome: 'remove', note: 'No code.' } }).success, false);
    assert.ok(InstrumentInputSchema.safeParse({ kind: 'cheque', number: '004512', bank: 'Dutch-Bangla Bank', facePoisha: 1_200_000, dated: '2021-12-15', bounced: true }).success);
    assert.equal(InstrumentInputSchema.safeParse({ kind: 'cheque', number: '004512', bank: 'DBBL', facePoisha: 0, dated: '2021-12-15', bounced: true }).success, false);
  });
});

describe('events, claim numbers, list matches', () => {
  it('every claim event type is distinct: steps, line steps and the others never share a name', () => {
    assert.equal(new Set(CLAIM_EVENT_TYPES).size, CLAIM_EVENT_TYPES.length);
    assert.equal(CLAIM_EVENT_TYPES.length, CLAIM_NON_STEP_EVENTS.length + CLAIM_ACTIONS.length + LINE_ACTIONS.length);
    assert.equal(new Set(PROGRAMME_EVENT_TYPES).size, PROGRAMME_EVENT_TYPES.length);
    assert.ok(CLAIM_EVENT_TYPES.includes('line_resolve_dispute') && CLAIM_EVENT_TYPES.includes('line_added'));
  });

  it('claim numbers are read back as typed, with Bengali digits, and a slip is caught', () => {
    const n = makeClaimNumber('482193570');
    assert.match(n, /^482-193-570\d$/);
    assert.equal(parseClaimNumber(n.replace(/-/g, ' ')), n);
    assert.equal(parseClaimNumber('৪৮২১৯৩৫৭০' + n.slice(-1)), n);
    assert.equal(parseClaimNumber(`${n.slice(0, -1)}${(Number(n.slice(-1)) + 1) % 10}`), null);
  });

  it('a line matches a gateway’s row and a merchant’s row by either key', () => {
    const keys = lineKeys(MERCHANT, facts());
    const rows = new Map([
      [keys.transaction!, [{ entryId: 'g1', kind: 'gateway' as const, amountPoisha: 850_000 }]],
      [keys.order!, [{ entryId: 'm1', kind: 'merchant' as const, amountPoisha: 850_000 }]],
    ]);
    assert.deepEqual(listMatchesFor(keys, (k) => rows.get(k) ?? []), { gateway: rows.get(keys.transaction!)![0], merchant: rows.get(keys.order!)![0] });
    assert.deepEqual(listMatchesFor(lineKeys(MERCHANT, { merchantOrderId: 'X' }), (k) => rows.get(k) ?? []), { gateway: null, merchant: null });
  });
});

describe('response schemas', () => {
  const claimant = { name: 'Rahim Uddin', district: 'dhaka' as const, address: 'House 12, Road 5, Dhanmondi', locale: 'bn' as const, phone: '+8801712345678' };
  const p = programme();
  const present = (snapshot: ReturnType<typeof claim>, role: 'claimant' | 'officer' | 'system' = 'claimant') =>
    presentClaim({
      number: '482-193-5706',
      version: 7,
      programmeId: HOLD,
      merchantName: 'Alesha Mart',
      snapshot,
      programme: { ...programmeFacts({ state: 'paying' }), eligibility: p.eligibility },
      claimant,
      role,
      locale: 'bn',
      timeline: [{ seq: 1, type: 'created', actorRole: 'claimant', fromState: null, toState: 'draft', at: NOW.toISOString(), payload: {} }],
      evidence: [],
    });

  it('a claim as presented always passes its response schema, in every state', () => {
    const instruments = [{ id: ENTRY, input: InstrumentInputSchema.parse({ kind: 'cheque', number: '004512', bank: 'Dutch-Bangla Bank', facePoisha: 1_200_000, dated: '2021-12-15', bounced: true }), surrender: null }];
    for (const state of ['draft', 'submitted', 'deficient', 'under_review', 'determined', 'in_payment', 'paid', 'partly_paid', 'rejected', 'withdrawn'] as const) {
      const snapshot = claim(state, {
        lines: [allowedLine(), line({ id: LINE_2, no: 2, facts: facts({ orderDate: '2022-01-05', channel: 'cod', gateway: undefined, gatewayTxnId: undefined }) })],
        instruments,
        submittedAt: state === 'draft' ? null : NOW.toISOString(),
        rejection: state === 'rejected' ? { code: 'false_claim', note: 'Forged receipts.' } : null,
        withdrawal: state === 'withdrawn' ? { by: 'lapsed', reason: null } : null,
        deficiency: state === 'deficient' ? { items: ['transaction_id'], note: null, noticeAt: NOW.toISOString() } : null,
      });
      for (const role of ['claimant', 'officer'] as const) {
        const view = present(snapshot, role);
        const r = ClaimViewSchema.safeParse(view);
        assert.ok(r.success, `${state}/${role}: ${JSON.stringify(!r.success && r.error.issues)}`);
      }
    }
  });

  it('what the claimant reads: the reason and the next date in words, eligibility findings, the cheque to hand back, the phone masked for others', () => {
    const view = present(claim('in_payment', { acceptance: 'claimant', dueAt: new Date('2026-04-19T17:59:59.999Z'), lines: [allowedLine(), line({ id: LINE_2, no: 2, facts: facts({ orderDate: '2022-01-05' }) })], instruments: [{ id: ENTRY, input: InstrumentInputSchema.parse({ kind: 'cheque', number: '004512', bank: 'Dutch-Bangla Bank', facePoisha: 1_200_000, dated: '2021-12-15', bounced: true }), surrender: null }] }));
    assert.equal(view.status.reason, 'awaiting_surrender');
    assert.equal(view.status.text.reason, 'আগে প্রতিষ্ঠানের দেওয়া চেক বা ভাউচার ফেরত দিতে হবে।');
    assert.equal(view.status.text.next, `টাকা দেওয়ার পরবর্তী খোঁজ ${formatDhakaDay('bn', '2026-04-19')} তারিখে`);
    assert.deepEqual(view.lines[1]!.eligibility, ['order_after_range']);
    assert.match(view.instruments[0]!.condition, /^চেক নং 004512 \(Dutch-Bangla Bank, লেখা অঙ্ক ৳১২,০০০\) টাকা পাওয়ার আগে ফেরত দিতে হবে$/);
    assert.equal(view.owedPoisha, 850_000);
    assert.equal(view.lines[0]!.gatewayAmountPoisha, undefined, 'the gateway’s figure is for officers');
    assert.equal(present(claim('under_review'), 'officer').lines[0]!.gatewayAmountPoisha, 850_000);
    assert.equal(present(claim('under_review'), 'system').claimant.phone, '+880 17•• ••• 678');
    assert.deepEqual(present(claim('determined'), 'claimant').actions.sort(), ['accept_determination', 'contest', 'withdraw']);
  });

  it('the programme’s public page schema takes its facts and figures', () => {
    const zero = { claimants: 0, orders: 0, transactions: 0, amountPoisha: 0 };
    const view = {
      id: HOLD,
      version: 3,
      merchant: { id: MERCHANT, name: 'Alesha Mart' },
      state: p.state,
      eligibility: p.eligibility,
      moneyHeld: p.moneyHeld.map((m) => ({ ...m, sourceUrl: m.sourceUrl ?? null })),
      totalHeldPoisha: 5_000_000_00,
      holds: [],
      window: { ...p.window, open: true },
      notice: null,
      figures: { claimed: zero, matched: zero, disputed: zero, held: zero, allowed: zero, rejected: zero },
      openedAt: NOW.toISOString(),
      closure: null,
    };
    const r = ProgrammeViewSchema.safeParse(view);
    assert.ok(r.success, JSON.stringify(!r.success && r.error.issues));
  });
});

describe('claim events for merchants’ and gateways’ systems', () => {
  const ev = <T extends import('./events.ts').ClaimEventType>(type: T, payload: unknown) => ({ type, payload }) as import('./events.ts').ClaimEvent;
  it('each public event comes from one step, and an outcome decides where a step can end two ways', () => {
    assert.equal(claimFeedEventOf(ev('submit', {}), 'submitted'), 'claim.submitted');
    assert.equal(claimFeedEventOf(ev('accept_determination', {}), 'in_payment'), 'claim.accepted');
    assert.equal(claimFeedEventOf(ev('answer_lapsed', {}), 'rejected'), 'claim.rejected');
    assert.equal(claimFeedEventOf(ev('record_received', { amountPoisha: 1, reference: 'r' }), 'in_payment'), null);
    assert.equal(claimFeedEventOf(ev('record_received', { amountPoisha: 1, reference: 'r' }), 'paid'), 'claim.paid');
    assert.equal(claimFeedEventOf(ev('line_record_clearance', { lineId: ENTRY, decision: 'objection', reference: 'CID', decidedOn: '2026-03-20' }), 'under_review'), 'line.held');
    assert.equal(claimFeedEventOf(ev('line_record_clearance', { lineId: ENTRY, decision: 'no_objection', reference: 'CID', decidedOn: '2026-03-20' }), 'under_review'), 'line.cleared');
    assert.equal(claimFeedEventOf(ev('created', {}), 'draft'), null, 'a draft is nobody else’s business');
  });
  it('every public event type is produced by some history event', () => {
    const produced = new Set<string>();
    for (const t of CLAIM_EVENT_TYPES) {
      for (const to of ['rejected', 'in_payment', 'paid']) {
        for (const decision of ['no_objection', 'objection']) {
          const out = claimFeedEventOf(ev(t, { decision }), to);
          if (out) produced.add(out);
        }
      }
    }
    assert.deepEqual(CLAIM_FEED_EVENT_TYPES.filter((t) => !produced.has(t)), []);
  });
});

describe('the programme page in words', () => {
  it('money held names the holder, the date and the source; a hold its kind, start, source and lifting', () => {
    assert.equal(
      moneyHeldText('en', { holder: { kind: 'bank_account', bank: 'Dutch-Bangla Bank', accountLast4: '1234' }, amountPoisha: 58_00_00_000_00, asOf: '2025-01-15', source: 'Bangladesh Bank letter' }),
      '৳580,000,000 reported held by Dutch-Bangla Bank account ending 1234 as of 15 Jan 2025. Source: Bangladesh Bank letter',
    );
    assert.ok(moneyHeldText('bn', programme().moneyHeld[0]!).startsWith(`${formatDhakaDay('bn', '2026-02-15')} পর্যন্ত বিকাশ এর কাছে ৳৫০,০০,০০০ আটকে আছে`));
    const hold = { id: HOLD, kind: 'police_clearance_required' as const, note: 'x', since: '2026-02-01', source: 'CID letter no. 44', sourceUrl: null, lifted: { on: '2026-05-02', source: 'CID letter no. 90' } };
    assert.deepEqual(legalHoldText('en', hold), {
      title: 'Cases pending: no refund until police clearance',
      since: 'Since 1 Feb 2026. Source: CID letter no. 44',
      lifted: 'Lifted on 2 May 2026. Source: CID letter no. 90',
    });
    assert.equal(legalHoldText('bn', { ...hold, lifted: null }).lifted, null);
  });

  it('every claims page says Nalish never asks for a PIN or a fee, and names the one sender; the declaration warns about false claims', () => {
    assert.equal(noPinNoFeeNotice('en', 'NALISH'), 'Nalish never asks for a PIN, an OTP for your wallet, or a fee. Messages from Nalish come only from the sender NALISH.');
    assert.match(noPinNoFeeNotice('bn', 'NALISH'), /পিন.*ফি.*NALISH/);
    assert.match(claimText('bn', 'claims.declaration'), /মিথ্যা দাবি করা অপরাধ/);
    assert.match(claimText('en', 'claims.declaration'), /a false claim is an offence/);
  });
});
