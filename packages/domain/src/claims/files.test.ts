// The files a programme exchanges: the lists imported, the police and bank export, the police's
// clearance decisions, the public register's CSV.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LOCALES } from '../i18n/messages.ts';
import { lineKeys } from './keys.ts';
import { type ListResult, LIST_COLUMNS, MAX_LIST_ROWS, checkListCsv, checkListRows, listProblemText, parseListDate, parseListInstant } from './importRows.ts';
import { EXPORT_COLUMNS, checkClearanceCsv, csvCell, exportCsv, exportRow, lineReference, linesToExport, parseLineReference } from './exportRows.ts';
import { REGISTER_CSV_COLUMNS, registerCsv, registerRow, registerTotals } from './register.ts';
import { HOLD, LINE_2, MERCHANT, allowedLine, claim, dhaka, facts, line, matchedLine, programmeFacts } from './fixtures.testing.ts';

const HEADER = [...LIST_COLUMNS];
const cells = (over: Partial<Record<(typeof LIST_COLUMNS)[number], string>> = {}) =>
  HEADER.map(
    (c) =>
      ({
        customer_phone: '01712345678',
        customer_name: 'Rahim Uddin',
        merchant_order_id: 'EV-10234',
        order_date: '30/06/2021',
        item: 'Helmet',
        amount_paid: '8,500.50',
        channel: 'bKash',
        gateway: 'bkash',
        transaction_id: '8N7A6B5C4D',
        payer_account: '01712-345678',
        paid_at: '2021-06-30 14:05',
        delivered: 'না',
        refunded_amount: '',
        refunded_on: '',
        refund_channel: '',
        ...over,
      })[c],
  );
const rec = (line: number, over: Parameters<typeof cells>[0] = {}) => ({ line, cells: cells(over) });
const problems = (r: ListResult, locale: 'bn' | 'en' = 'en') => (r.ok ? [] : r.problems.map((p) => listProblemText(locale, p)));

describe('imported lists: CSV', () => {
  it('a good row becomes an entry: E.164 number, amount in poisha, day-first date, Dhaka time, only 4 digits of the account', () => {
    const r = checkListCsv(MERCHANT, HEADER, [rec(2, { payer_account: '01898-765432' })]);
    assert.ok(r.ok, JSON.stringify(problems(r)));
    const e = r.entries[0]!;
    assert.equal(e.phone, '+8801712345678');
    assert.equal(e.name, 'Rahim Uddin');
    assert.deepEqual(e.facts, {
      merchantOrderId: 'EV-10234',
      orderDate: '2021-06-30',
      item: 'Helmet',
      amountPaidPoisha: 850_050,
      channel: 'bkash',
      gateway: 'bkash',
      gatewayTxnId: '8N7A6B5C4D',
      payerAccountLast4: '5432',
      paidAt: '2021-06-30T08:05:00.000Z',
      delivered: 'no',
      refunds: [],
    });
    assert.deepEqual(e.keys, lineKeys(MERCHANT, e.facts));
    assert.ok(!JSON.stringify(e).includes('898765'), 'the rest of the account number is not kept');
  });

  it('a gateway’s list may leave the gateway, the item and the delivery empty', () => {
    const r = checkListCsv(MERCHANT, HEADER, [rec(2, { gateway: '', item: '', delivered: '' })], { gateway: 'bkash' });
    assert.ok(r.ok, JSON.stringify(problems(r)));
    assert.equal(r.entries[0]!.facts.gateway, 'bkash');
    assert.equal(r.entries[0]!.facts.item, undefined);
  });

  it('every problem names its line and column, in Bengali or English; nothing is imported', () => {
    const r = checkListCsv(MERCHANT, HEADER, [
      rec(2),
      rec(3, { customer_phone: '12345', amount_paid: 'eight thousand' }),
      rec(4, { order_date: '31/02/2021', channel: 'paypal' }),
      rec(5, { merchant_order_id: '', transaction_id: '' }),
      rec(6, { refunded_amount: '500', refunded_on: '' }),
      rec(7, { merchant_order_id: 'EV 10234', transaction_id: '' }), // the same order as line 2
    ]);
    assert.equal(r.ok, false);
    assert.deepEqual(problems(r), [
      'Line 3: amount_paid: "eight thousand" is not an amount in taka (like 1050 or 1050.50)',
      'Line 4: order_date: "31/02/2021" is not a date (like 2021-06-30)',
      'Line 4: channel must be one of cod, bkash, nagad, rocket, card, bank, airtime, not "paypal"',
      'Line 5: Give the order id or the transaction id.',
      'Line 6: refunded_on is required',
      'Line 7: the same payment is on line 2 too',
    ]);
    assert.deepEqual(problems(checkListCsv(MERCHANT, HEADER, [rec(3, { customer_phone: '12345' })]), 'bn'), ['লাইন ৩: customer_phone: "12345" বাংলাদেশি মোবাইল নম্বর নয়']);
  });

  it('the header: unknown and missing columns; an empty or too long list', () => {
    assert.deepEqual(problems(checkListCsv(MERCHANT, ['customer_phone', 'amount', 'order_date'], [])), [
      'Line 1: Unknown column "amount"; the columns are: ' + LIST_COLUMNS.join(', ') + '.',
      'Line 1: The first line must name the columns; missing: amount_paid, channel.',
    ]);
    assert.deepEqual(problems(checkListCsv(MERCHANT, HEADER, [])), ['The list has no rows.']);
    const many = Array.from({ length: MAX_LIST_ROWS + 1 }, (_, i) => rec(i + 2, { merchant_order_id: `EV-${i}`, transaction_id: `T${i}` }));
    assert.deepEqual(problems(checkListCsv(MERCHANT, HEADER, many)), [`A list can have at most 5,000 rows in one upload; send the rest in another.`]);
    assert.deepEqual(problems(checkListCsv(MERCHANT, HEADER, [{ line: 2, cells: ['01712345678'] }])), ['Line 2: the line cannot be read as CSV (check the quotes and the number of fields)']);
  });

  it('a refund on the row is one refund received: amount, date and channel', () => {
    const r = checkListCsv(MERCHANT, HEADER, [rec(2, { refunded_amount: '৳১,০০০', refunded_on: '2021-08-01', refund_channel: 'nagad' })]);
    assert.ok(r.ok);
    assert.deepEqual(r.entries[0]!.facts.refunds, [{ amountPoisha: 100_000, on: '2021-08-01', channel: 'nagad' }]);
  });

  it('dates and times as Bangladesh writes them', () => {
    assert.equal(parseListDate('2021-06-30'), '2021-06-30');
    assert.equal(parseListDate('৩০/০৬/২০২১'), '2021-06-30');
    assert.equal(parseListDate('1.7.2021'), '2021-07-01');
    assert.equal(parseListDate('06/30/2021'), null, 'month first is not read as a date');
    assert.equal(parseListInstant('2021-06-30 23:30'), '2021-06-30T17:30:00.000Z');
    assert.equal(parseListInstant('2021-06-30T23:30:00+06:00'), '2021-06-30T17:30:00.000Z');
    assert.equal(parseListInstant('2021-06-30 24:00'), null);
  });
});

describe('imported lists: JSON rows through the API', () => {
  const row = { customerPhone: '+8801712345678', orderDate: '2021-06-30', amountPaidPoisha: 850_000, channel: 'bkash', gatewayTxnId: '8N7A6B5C4D', payerAccount: '01712345678' };
  it('the same rules, the field named instead of the column, the row numbered from 1', () => {
    const ok = checkListRows(MERCHANT, [row], { gateway: 'bkash' });
    assert.ok(ok.ok);
    assert.equal(ok.entries[0]!.facts.payerAccountLast4, '5678');
    const bad = checkListRows(MERCHANT, [row, { ...row, amountPaidPoisha: 10.5, gatewayTxnId: 'X1' }, { ...row, extra: 1, gatewayTxnId: 'X2' }, 'junk'], { gateway: 'bkash' });
    assert.deepEqual(problems(bad), [
      'Line 2: amountPaidPoisha: "10.5" is not valid',
      'Line 3: Unknown column "extra"; the columns are: customerPhone, customerName, merchantOrderId, orderDate, item, amountPaidPoisha, channel, gateway, gatewayTxnId, payerAccount, paidAt, delivered, refunds.',
      'Line 4: customerPhone is required',
      'Line 4: orderDate is required',
      'Line 4: amountPaidPoisha is required',
      'Line 4: channel is required',
    ]);
  });

  it('messages exist in both languages for every problem', () => {
    const bad = checkListCsv(MERCHANT, HEADER, [rec(2, { customer_phone: '1', amount_paid: 'x', channel: 'y', order_date: 'z', paid_at: 'q', delivered: 'maybe' })]);
    for (const l of LOCALES) for (const p of problems(bad, l)) assert.doesNotMatch(p, /\{\w+\}/);
  });
});

describe('the police and bank export', () => {
  const number = '482-193-5706';
  const held = matchedLine({ id: LINE_2, no: 2, facts: facts({ gatewayTxnId: 'TX2', merchantOrderId: 'EV-2' }), hold: { kind: 'police_objection', reason: 'CID/9', holdId: null, since: dhaka('2026-03-01T10:00').toISOString() } });

  it('the police get the lines still to check; the bank only lines allowed with every condition met', () => {
    const review = claim('under_review', { lines: [matchedLine(), held, line({ id: '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c', no: 3, facts: facts({ gatewayTxnId: 'TX3', merchantOrderId: 'EV-3' }), rejection: { code: 'delivered', note: null } })] });
    assert.deepEqual(linesToExport('police', review, programmeFacts()).map((l) => l.no), [1]);
    assert.deepEqual(linesToExport('police', claim('submitted'), programmeFacts()), [], 'not before the officers take it up');

    const paying = claim('in_payment', { acceptance: 'claimant', lines: [allowedLine(), allowedLine({ id: LINE_2, no: 2, dispute: { kind: 'second_claimant', withLineIds: [], since: dhaka('2026-03-01T10:00').toISOString(), note: null } })] });
    assert.deepEqual(linesToExport('bank', paying, programmeFacts({ state: 'paying' })).map((l) => l.no), [1], 'the disputed line waits');
    assert.deepEqual(linesToExport('bank', paying, programmeFacts({ state: 'verifying' })), [], 'not before the programme pays');
    const clearanceHold = programmeFacts({ state: 'paying', holds: [{ id: HOLD, kind: 'police_clearance_required', note: 'Cases pending.', since: '2026-02-01', source: 'CID', sourceUrl: null, lifted: null }] });
    assert.deepEqual(linesToExport('bank', paying, clearanceHold), [], 'no clearance recorded yet');
  });

  it('a fixed CSV: header, claim number, line reference, amount in taka with two decimals, evidence links; formulas made inert', () => {
    const rows = [exportRow(number, allowedLine({ allowed: { amountPoisha: 850_050, reasons: ['matched_gateway_list'] } }), ['https://nalish.gov.bd/e/1', 'https://nalish.gov.bd/e/2']), exportRow(number, line({ no: 2, facts: facts({ gatewayTxnId: '=HYPERLINK(1)' }) }), [])];
    assert.equal(
      exportCsv(rows),
      'claimant_reference,line_reference,gateway,transaction_id,amount_bdt,evidence_links\r\n' +
        '482-193-5706,482-193-5706/1,bkash,8N7A6B5C4D,8500.50,https://nalish.gov.bd/e/1 https://nalish.gov.bd/e/2\r\n' +
        "482-193-5706,482-193-5706/2,bkash,'=HYPERLINK(1),8500.00,\r\n",
    );
    assert.deepEqual(EXPORT_COLUMNS, ['claimant_reference', 'line_reference', 'gateway', 'transaction_id', 'amount_bdt', 'evidence_links']);
    assert.equal(csvCell('a "b", c'), '"a ""b"", c"');
    assert.equal(lineReference(number, { no: 12 }), '482-193-5706/12');
    assert.deepEqual(parseLineReference(' 482-193-5706/12 '), { claimNumber: number, no: 12 });
    assert.equal(parseLineReference('482-193-5706'), null);
  });
});

describe('the police’s clearance decisions', () => {
  const header = ['line_reference', 'decision', 'reference', 'decided_on'];
  const known = (ref: string) => ref.startsWith('482-193-5706/');
  it('each line’s decision, in English or Bengali words; unknown lines and bad values named by line', () => {
    const ok = checkClearanceCsv(header, [{ line: 2, cells: ['482-193-5706/1', 'No objection', 'CID/2026/117', '20/03/2026'] }, { line: 3, cells: ['482-193-5706/2', 'আপত্তি আছে', 'CID/2026/118', '2026-03-20'] }], known);
    assert.ok(ok.ok);
    assert.deepEqual(ok.rows.map((r) => [r.lineReference, r.decision, r.decidedOn]), [['482-193-5706/1', 'no_objection', '2026-03-20'], ['482-193-5706/2', 'objection', '2026-03-20']]);
    const bad = checkClearanceCsv(header, [{ line: 2, cells: ['999-999-9999/1', 'maybe', '', 'soon'] }], known);
    assert.deepEqual(bad.ok ? [] : bad.problems.map((p) => listProblemText('en', p)), [
      'Line 2: no payment 999-999-9999/1 in this programme',
      'Line 2: decision must be no_objection or objection, not "maybe"',
      'Line 2: reference is required',
      'Line 2: decided_on: "soon" is not a date (like 2021-06-30)',
    ]);
  });
});

describe('the public register', () => {
  it('a row per claim sent: number, filing date (Dhaka), lines, claimed and allowed, state; no names or numbers', () => {
    const sent = claim('determined', {
      submittedAt: '2026-03-10T19:00:00.000Z', // 01:00 on 11 March in Dhaka
      lines: [allowedLine({ allowed: { amountPoisha: 600_000, reasons: ['partly_delivered'] } }), line({ id: LINE_2, no: 2, facts: facts({ refunds: [{ amountPoisha: 50_000, on: '2021-08-01', channel: 'bkash' }] }), rejection: { code: 'delivered', note: null } })],
      determination: { allowedPoisha: 600_000, note: 'x', at: '2026-03-20T05:00:00.000Z' },
    });
    const row = registerRow('482-193-5706', sent)!;
    assert.deepEqual(row, { claimNumber: '482-193-5706', filedOn: '2026-03-11', lines: 2, claimedPoisha: 850_000 + 800_000, allowedPoisha: 600_000, state: 'determined', late: false });
    assert.equal(registerRow('482-193-5706', claim('draft')), null);
    assert.equal(registerRow('482-193-5706', { ...sent, determination: null, state: 'under_review' })?.allowedPoisha, null);
    const csv = registerCsv([row]);
    assert.equal(csv, `${REGISTER_CSV_COLUMNS.join(',')}\r\n482-193-5706,2026-03-11,2,16500.00,6000.00,determined,no\r\n`);
    for (const personal of ['Rahim', '0171', '8N7A6B5C4D', 'EV-10234', '5678']) assert.ok(!JSON.stringify(row).includes(personal) && !csv.includes(personal), personal);
  });

  it('totals by channel and by gateway, in four units', () => {
    const lines = [
      { claimId: 'A', claimState: 'in_payment' as const, line: allowedLine(), keys: lineKeys(MERCHANT, facts()) },
      { claimId: 'B', claimState: 'submitted' as const, line: line({ facts: facts({ channel: 'cod', gateway: undefined, gatewayTxnId: undefined, merchantOrderId: 'EV-7' }) }), keys: lineKeys(MERCHANT, { merchantOrderId: 'EV-7' }) },
    ];
    const t = registerTotals(lines);
    assert.deepEqual(t.byChannel.bkash, { claimed: { claimants: 1, orders: 1, transactions: 1, amountPoisha: 850_000 }, allowed: { claimants: 1, orders: 1, transactions: 1, amountPoisha: 850_000 } });
    assert.deepEqual(t.byGateway.none.claimed, { claimants: 1, orders: 1, transactions: 1, amountPoisha: 850_000 });
    assert.deepEqual(t.byGateway.none.allowed, { claimants: 0, orders: 0, transactions: 0, amountPoisha: 0 });
    assert.deepEqual(t.byGateway.sslcommerz.claimed.claimants, 0);
  });
});
