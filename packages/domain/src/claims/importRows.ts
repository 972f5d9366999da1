// The format of an imported list of payments: a gateway's customer list (the money it held in
// escrow) or the merchant's own order book. An officer uploads it as CSV in the console; a
// gateway or the merchant sends JSON rows through the API (with an Idempotency-Key). Both end as
// the same ListEntry, checked by the same rules as a line a claimant types (lineFacts.ts), and
// every problem names its line (CSV) or row (JSON) and column, in Bengali or English.
//
// CSV, UTF-8, the first line naming the columns (any order; only the required ones must be there):
//   customer_phone,customer_name,merchant_order_id,order_date,item,amount_paid,channel,gateway,
//   transaction_id,payer_account,paid_at,delivered,refunded_amount,refunded_on,refund_channel
//   01712345678,Rahim Uddin,EV-10234,30/06/2021,Helmet,"8,500.00",bKash,bkash,8N7A6B5C4D,01712345678,2021-06-30 14:05,no,,,
// - amounts in taka ("8500", "8,500.50", "৳৮,৫০০"); dates as 2021-06-30 or 30/06/2021 (day first,
//   as in Bangladesh); paid_at as a Dhaka local time "2021-06-30 14:05"; Bengali digits accepted;
// - channel cod|bkash|nagad|rocket|card|bank|airtime (or "Cash on delivery", "bKash", …);
//   gateway sslcommerz|shurjopay|bkash|nagad|bank_gateway|other; delivered yes|partly|no (হ্যাঁ|আংশিক|না);
// - payer_account: the whole number may be sent; only its last 4 digits are kept;
// - a gateway's list may leave gateway empty: the list's own gateway is used.
// The server tokenises the CSV (csv-parse, as for the holiday list) and hands the cells here.
// A list is imported whole or not at all: with any problem, nothing is imported and every
// problem is shown, so the uploader fixes the file and sends it again with the same key.
import { z } from 'zod';
import { dhakaTimeOn } from '../calendar/calendar.ts';
import { isIsoDate } from '../calendar/holidays.ts';
import { type ClaimMessageKey, claimText } from '../i18n/claims.ts';
import { type Locale, type Params, toWesternDigits } from '../i18n/messages.ts';
import { normalizeBdMobile } from '../identity/phone.ts';
import { DhakaDay, Instant } from '../wire.ts';
import { type LineKeys, lastFourDigits, lineKeys, keysOf } from './keys.ts';
import { type LineFacts, LineFactsSchema, Poisha, RefundReceivedSchema, problemOf } from './lineFacts.ts';
import { MAX_LINE_POISHA, parseTaka } from './money.ts';
import { DELIVERY, GATEWAYS, type Gateway, LIST_KINDS, PAYMENT_CHANNELS } from './vocabulary.ts';

export const LIST_COLUMNS = [
  'customer_phone',
  'customer_name',
  'merchant_order_id',
  'order_date',
  'item',
  'amount_paid',
  'channel',
  'gateway',
  'transaction_id',
  'payer_account',
  'paid_at',
  'delivered',
  'refunded_amount',
  'refunded_on',
  'refund_channel',
] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];
export const REQUIRED_LIST_COLUMNS: readonly ListColumn[] = ['customer_phone', 'order_date', 'amount_paid', 'channel'];
/** Rows in one upload or one API call; a bigger list is sent in parts, each with its own Idempotency-Key. */
export const MAX_LIST_ROWS = 5000;
/** Problems reported for one list: enough to fix a file, not a flood. */
export const MAX_LIST_PROBLEMS = 200;

/** One row as the API takes it (JSON): the line's facts, and who the customer is. */
export const ListRowSchema = z
  .object({
    customerPhone: z.string().trim().min(1).max(30),
    customerName: z.string().trim().min(1).max(200).optional(),
    merchantOrderId: z.string().optional(),
    orderDate: DhakaDay,
    item: z.string().optional(),
    amountPaidPoisha: Poisha.min(1).max(MAX_LINE_POISHA),
    channel: z.enum(PAYMENT_CHANNELS),
    gateway: z.enum(GATEWAYS).optional(),
    gatewayTxnId: z.string().optional(),
    /** The account or wallet paid from; only its last 4 digits are kept. */
    payerAccount: z.string().trim().max(40).optional(),
    paidAt: Instant.optional(),
    delivered: z.enum(DELIVERY).optional(),
    refunds: z.array(RefundReceivedSchema).max(20).default([]),
  })
  .strict();
export type ListRow = z.infer<typeof ListRowSchema>;

/** A list sent through the API: its kind, its source (the gateway's letter), and its rows (checked one by one). */
export const ListImportSchema = z
  .object({
    kind: z.enum(LIST_KINDS),
    /** For a gateway's list: whose list it is (rows without a gateway take it). */
    gateway: z.enum(GATEWAYS).optional(),
    source: z.string().trim().min(3).max(500),
    rows: z.array(z.unknown()).min(1).max(MAX_LIST_ROWS),
  })
  .strict()
  .refine((l) => l.kind !== 'gateway' || l.gateway !== undefined, { message: "a gateway's list names its gateway", path: ['gateway'] });
export type ListImport = z.infer<typeof ListImportSchema>;

/** A row once checked: the customer's number in E.164, and the line it pre-fills. */
export interface ListEntry {
  /** The line (CSV) or row number (JSON, from 1) it came from. */
  readonly line: number;
  readonly phone: string;
  readonly name: string | null;
  readonly facts: LineFacts;
  readonly keys: LineKeys;
}

/** A problem of a list, as a catalogue key: shown in the reader's language by listProblemText. */
export interface ListProblem {
  /** The line of the file (1 = the header) or the row (from 1); null for the list as a whole. */
  readonly line: number | null;
  readonly key: ClaimMessageKey;
  readonly params: Params;
}

export function listProblemText(locale: Locale, p: ListProblem): string {
  const text = claimText(locale, p.key, p.params);
  return p.line === null ? text : claimText(locale, 'claims.import.line', { line: p.line, problem: text });
}

export type ListResult = { ok: true; entries: ListEntry[] } | { ok: false; problems: ListProblem[] };

const FIELD_COLUMN: Record<string, ListColumn> = {
  customerPhone: 'customer_phone',
  customerName: 'customer_name',
  merchantOrderId: 'merchant_order_id',
  orderDate: 'order_date',
  item: 'item',
  amountPaidPoisha: 'amount_paid',
  channel: 'channel',
  gateway: 'gateway',
  gatewayTxnId: 'transaction_id',
  payerAccount: 'payer_account',
  payerAccountLast4: 'payer_account',
  paidAt: 'paid_at',
  delivered: 'delivered',
  refunds: 'refunded_amount',
};

const problem = (line: number | null, key: ClaimMessageKey, params: Params = {}): ListProblem => ({ line, key, params });

/** A Zod issue as a list problem, naming the column (CSV) or the field (JSON). */
function issueProblem(line: number, issue: z.core.$ZodIssue, row: Record<string, unknown>, csv: boolean): ListProblem {
  const field = String(issue.path[0] ?? '');
  const column = csv ? (FIELD_COLUMN[field] ?? field) : issue.path.join('.');
  const value = row[field];
  if (issue.code === 'unrecognized_keys') {
    return problem(line, 'claims.import.column_unknown', { column: issue.keys.join(', '), columns: csv ? LIST_COLUMNS.join(', ') : Object.keys(ListRowSchema.shape).join(', ') });
  }
  const rule = problemOf(issue as { params?: Record<string, unknown> });
  if (rule) return problem(line, `claims.problem.${rule}`);
  if (value === undefined || value === '') return problem(line, 'claims.import.required', { column });
  if (issue.code === 'too_big' && typeof value === 'string') return problem(line, 'claims.import.too_long', { column, max: Number(issue.maximum) });
  if (issue.code === 'invalid_value') return problem(line, 'claims.import.choice', { column, value: String(value), choices: issue.values.map(String).join(', ') });
  return problem(line, 'claims.import.invalid', { column, value: typeof value === 'object' ? JSON.stringify(value) : String(value) });
}

/** Check one row (JSON, or built from CSV cells) into an entry, or its problems. */
function checkRow(line: number, raw: unknown, defaults: { gateway?: Gateway | undefined }, csv: boolean): { entry: ListEntry } | { problems: ListProblem[] } {
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const withDefaults = defaults.gateway && obj.gateway === undefined && obj.channel !== 'cod' ? { ...obj, gateway: defaults.gateway } : obj;
  const parsed = ListRowSchema.safeParse(withDefaults);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => issueProblem(line, i, withDefaults, csv)) };
  const r = parsed.data;
  const phone = normalizeBdMobile(r.customerPhone);
  const last4 = r.payerAccount ? lastFourDigits(r.payerAccount) : null;
  const problems: ListProblem[] = [];
  if (!phone) problems.push(problem(line, 'claims.import.phone', { column: csv ? 'customer_phone' : 'customerPhone', value: r.customerPhone }));
  if (r.payerAccount && !last4) problems.push(problem(line, 'claims.import.invalid', { column: csv ? 'payer_account' : 'payerAccount', value: r.payerAccount }));
  const facts = LineFactsSchema.safeParse({
    merchantOrderId: r.merchantOrderId || undefined,
    orderDate: r.orderDate,
    item: r.item || undefined,
    amountPaidPoisha: r.amountPaidPoisha,
    channel: r.channel,
    gateway: r.gateway,
    gatewayTxnId: r.gatewayTxnId || undefined,
    payerAccountLast4: last4 ?? undefined,
    paidAt: r.paidAt,
    delivered: r.delivered,
    refunds: r.refunds,
  });
  if (!facts.success) problems.push(...facts.error.issues.map((i) => issueProblem(line, i, withDefaults, csv)));
  if (problems.length > 0 || !facts.success || !phone) return { problems };
  return { entry: { line, phone, name: r.customerName ?? null, facts: facts.data, keys: { transaction: null, order: null } } };
}

/** Check a list's rows (JSON) for a merchant: every row an entry, or every problem. */
export function checkListRows(merchantId: string, rows: readonly unknown[], defaults: { gateway?: Gateway | undefined } = {}): ListResult {
  return finish(merchantId, rows.map((raw, i) => checkRow(i + 1, raw, defaults, false)));
}

function finish(merchantId: string, checked: readonly ({ entry: ListEntry } | { problems: ListProblem[] })[]): ListResult {
  const problems: ListProblem[] = [];
  const entries: ListEntry[] = [];
  for (const c of checked) {
    if ('problems' in c) problems.push(...c.problems);
    else entries.push({ ...c.entry, keys: lineKeys(merchantId, c.entry.facts) });
  }
  // The same payment twice in one list: name both lines (a list cannot dispute itself).
  const seen = new Map<string, number>();
  for (const e of entries) {
    for (const key of keysOf(e.keys)) {
      const other = seen.get(key);
      if (other !== undefined && other !== e.line) {
        problems.push(problem(e.line, 'claims.import.duplicate_in_file', { other }));
        break;
      }
      seen.set(key, e.line);
    }
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).slice(0, MAX_LIST_PROBLEMS) };
  return { ok: true, entries };
}

// ---------------------------------------------------------------------------------------------
// CSV: cells as text, turned into a JSON row, then checked the same way.

const CHOICES: Record<'channel' | 'gateway' | 'delivered', Record<string, string>> = {
  channel: { cod: 'cod', 'cash on delivery': 'cod', 'ক্যাশ অন ডেলিভারি': 'cod', bkash: 'bkash', 'বিকাশ': 'bkash', nagad: 'nagad', 'নগদ': 'nagad', rocket: 'rocket', 'রকেট': 'rocket', card: 'card', 'কার্ড': 'card', bank: 'bank', 'ব্যাংক': 'bank', airtime: 'airtime' },
  gateway: { sslcommerz: 'sslcommerz', shurjopay: 'shurjopay', bkash: 'bkash', nagad: 'nagad', bank_gateway: 'bank_gateway', 'bank gateway': 'bank_gateway', other: 'other' },
  delivered: { yes: 'yes', y: 'yes', 'হ্যাঁ': 'yes', partly: 'partly', partial: 'partly', 'আংশিক': 'partly', no: 'no', n: 'no', 'না': 'no' },
};

/** A date as 2021-06-30 or 30/06/2021 (day first, as in Bangladesh), Bengali digits accepted. */
export function parseListDate(input: string): string | null {
  const s = toWesternDigits(input.trim());
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** A time as an ISO instant with its offset, or a Dhaka local time "2021-06-30 14:05[:30]" / "30/06/2021 14:05". */
export function parseListInstant(input: string): string | null {
  const s = toWesternDigits(input.trim());
  if (Instant.safeParse(s).success) return new Date(s).toISOString();
  const m = /^(\S+)[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  const date = m ? parseListDate(m[1]!) : null;
  if (!m || !date || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return null;
  return new Date(dhakaTimeOn(date, Number(m[2]), Number(m[3])).getTime() + Number(m[4] ?? 0) * 1000).toISOString();
}

export interface CsvRecord {
  /** The line of the file the record starts on. */
  readonly line: number;
  readonly cells: readonly string[];
}

/** Check a CSV list already split into cells (the first record the header). */
export function checkListCsv(merchantId: string, header: readonly string[], records: readonly CsvRecord[], defaults: { gateway?: Gateway | undefined } = {}): ListResult {
  const columns = header.map((c) => c.trim().toLowerCase());
  const problems: ListProblem[] = [];
  for (const c of columns.filter((c) => !(LIST_COLUMNS as readonly string[]).includes(c))) {
    problems.push(problem(1, 'claims.import.column_unknown', { column: c, columns: LIST_COLUMNS.join(', ') }));
  }
  const missing = REQUIRED_LIST_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) problems.push(problem(1, 'claims.import.header_missing', { columns: missing.join(', ') }));
  if (problems.length > 0) return { ok: false, problems };
  if (records.length === 0) return { ok: false, problems: [problem(null, 'claims.import.empty')] };
  if (records.length > MAX_LIST_ROWS) return { ok: false, problems: [problem(null, 'claims.import.too_many', { max: MAX_LIST_ROWS })] };

  const checked = records.map((rec) => {
    if (rec.cells.length !== columns.length) return { problems: [problem(rec.line, 'claims.import.unreadable')] };
    const cell = (c: ListColumn) => (rec.cells[columns.indexOf(c)] ?? '').trim();
    const cellProblems: ListProblem[] = [];
    const row: Record<string, unknown> = {};
    const text = (c: ListColumn, field: string) => {
      if (cell(c) !== '') row[field] = cell(c);
    };
    const convert = (c: ListColumn, field: string, parse: (v: string) => unknown, key: ClaimMessageKey) => {
      const v = cell(c);
      if (v === '') return;
      const out = parse(v);
      if (out === null) cellProblems.push(problem(rec.line, key, { column: c, value: v }));
      else row[field] = out;
    };
    const choice = (c: 'channel' | 'gateway' | 'delivered', field: string, list: readonly string[]) => {
      const v = cell(c);
      if (v === '') return;
      const out = CHOICES[c][v.toLowerCase()];
      if (!out) cellProblems.push(problem(rec.line, 'claims.import.choice', { column: c, value: v, choices: list.join(', ') }));
      else row[field] = out;
    };
    text('customer_phone', 'customerPhone');
    text('customer_name', 'customerName');
    text('merchant_order_id', 'merchantOrderId');
    convert('order_date', 'orderDate', parseListDate, 'claims.import.date');
    text('item', 'item');
    convert('amount_paid', 'amountPaidPoisha', parseTaka, 'claims.import.amount');
    choice('channel', 'channel', PAYMENT_CHANNELS);
    choice('gateway', 'gateway', GATEWAYS);
    text('transaction_id', 'gatewayTxnId');
    text('payer_account', 'payerAccount');
    convert('paid_at', 'paidAt', parseListInstant, 'claims.import.instant');
    choice('delivered', 'delivered', DELIVERY);
    // One refund per row: the total received, its (last) date and channel.
    const refundAmount = cell('refunded_amount');
    const amount = refundAmount === '' ? 0 : parseTaka(refundAmount);
    if (amount !== 0) {
      const on = parseListDate(cell('refunded_on'));
      const channel = CHOICES.channel[cell('refund_channel').toLowerCase()] ?? row.channel;
      if (amount === null) cellProblems.push(problem(rec.line, 'claims.import.amount', { column: 'refunded_amount', value: refundAmount }));
      if (on === null) cellProblems.push(cell('refunded_on') === '' ? problem(rec.line, 'claims.import.required', { column: 'refunded_on' }) : problem(rec.line, 'claims.import.date', { column: 'refunded_on', value: cell('refunded_on') }));
      if (amount !== null && on !== null) row.refunds = [{ amountPoisha: amount, on, channel }];
    }
    if (cellProblems.length > 0) return { problems: cellProblems };
    return checkRow(rec.line, row, defaults, true);
  });
  return finish(merchantId, checked);
}
