// The facts of one line of a claim: one payment to the collapsed merchant. The same schema
// validates a line the claimant types, a line an officer enters and a row of an imported list
// once parsed (importRows.ts), so every line has passed the same rules.
import { z } from 'zod';
import { dhakaDate } from '../calendar/calendar.ts';
import { DhakaDay, Instant } from '../wire.ts';
import { ID_PATTERN } from './keys.ts';
import { MAX_LINE_POISHA } from './money.ts';
import { DELIVERY, GATEWAYS, PAYMENT_CHANNELS, type PaymentChannel } from './vocabulary.ts';

export const Poisha = z.number().int().min(0);
const Id = z.string().trim().min(1).max(100).regex(ID_PATTERN, 'letters, digits and - _ / . # : only');
export const MAX_REFUNDS_PER_LINE = 20;

/** A refund the claimant already received for this payment (partial refunds, cash-back paid out). */
export const RefundReceivedSchema = z
  .object({
    amountPoisha: Poisha.min(1).max(MAX_LINE_POISHA),
    on: DhakaDay,
    channel: z.enum(PAYMENT_CHANNELS),
  })
  .strict();
export type RefundReceived = z.infer<typeof RefundReceivedSchema>;

/** Channels where the money went through a gateway or a bank and a transaction id exists. */
export const CHANNELS_WITH_TRANSACTION: Record<PaymentChannel, boolean> = {
  cod: false,
  bkash: true,
  nagad: true,
  rocket: true,
  card: true,
  bank: true,
  airtime: true,
};

const LineFactsObject = z
  .object({
    merchantOrderId: Id.optional(),
    orderDate: DhakaDay,
    /** What was bought; a gateway's list does not know it (the claimant adds it on confirming). */
    item: z.string().trim().min(1).max(300).optional(),
    /** What the claimant actually paid: the discounted price, never the list price or a cheque's face value. */
    amountPaidPoisha: Poisha.min(1).max(MAX_LINE_POISHA),
    channel: z.enum(PAYMENT_CHANNELS),
    gateway: z.enum(GATEWAYS).optional(),
    gatewayTxnId: Id.optional(),
    /** Only the last 4 digits of the wallet, card or account paid from. */
    payerAccountLast4: z.string().regex(/^\d{4}$/, 'the last 4 digits').optional(),
    paidAt: Instant.optional(),
    /** A gateway's list does not know it; the claimant says it. */
    delivered: z.enum(DELIVERY).optional(),
    refunds: z.array(RefundReceivedSchema).max(MAX_REFUNDS_PER_LINE).default([]),
  })
  .strict();

/** The rules between fields; each has a message in the catalogues (claims.problem.*). */
export const LINE_PROBLEMS = ['order_or_transaction_required', 'gateway_required', 'cod_without_gateway', 'item_required', 'delivered_required', 'date_in_future'] as const;
export type LineProblem = (typeof LINE_PROBLEMS)[number];

/** A Zod issue that carries its problem code, so every form and import can say it in Bengali. */
function problem(ctx: z.RefinementCtx, path: string, code: LineProblem, message: string): void {
  ctx.addIssue({ code: 'custom', path: [path], message, params: { problem: code } });
}

function lineFactsIssues(f: z.infer<typeof LineFactsObject>, ctx: z.RefinementCtx): void {
  // A payment nobody can find again cannot be checked or told apart from another's.
  if (!f.merchantOrderId && !f.gatewayTxnId) problem(ctx, 'merchantOrderId', 'order_or_transaction_required', 'name the order id or the transaction id');
  if (f.gatewayTxnId && !f.gateway) problem(ctx, 'gateway', 'gateway_required', 'say which gateway the transaction id is from');
  if (f.channel === 'cod' && f.gateway) problem(ctx, 'gateway', 'cod_without_gateway', 'cash on delivery goes through no gateway');
}

/** The facts of a line as any source gives them (an imported list may not know the item or delivery). */
export const LineFactsSchema = LineFactsObject.superRefine(lineFactsIssues);
export type LineFacts = z.infer<typeof LineFactsSchema>;

/** A line the claimant (or an officer) writes: they know what they bought and whether it came. */
export const ClaimantLineFactsSchema = LineFactsObject.superRefine((f, ctx) => {
  lineFactsIssues(f, ctx);
  if (!f.item) problem(ctx, 'item', 'item_required', 'say what you bought');
  if (!f.delivered) problem(ctx, 'delivered', 'delivered_required', 'say whether it was delivered');
});

/** A correction of some facts (the claimant curing a deficiency, an officer resolving a dispute).
 *  No defaults here: a correction of one fact must not reset another (the refunds list). */
export const LineFactsPatchSchema = LineFactsObject.extend({ refunds: z.array(RefundReceivedSchema).max(MAX_REFUNDS_PER_LINE) })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'change at least one fact' });
export type LineFactsPatch = z.infer<typeof LineFactsPatchSchema>;

/** Apply a correction and check the result against the same rules as a new line. */
export function patchLineFacts(facts: LineFacts, patch: LineFactsPatch): LineFacts | null {
  const r = LineFactsSchema.safeParse({ ...facts, ...patch });
  return r.success ? r.data : null;
}

/** The problem code of a Zod issue made by these schemas, if it has one. */
export function problemOf(issue: { params?: Record<string, unknown> | undefined }): LineProblem | null {
  const p = issue.params?.['problem'];
  return typeof p === 'string' && (LINE_PROBLEMS as readonly string[]).includes(p) ? (p as LineProblem) : null;
}

export interface LineFieldProblem {
  readonly path: string;
  readonly problem: LineProblem;
}

/** Checks that need today's Dhaka date, so the schema cannot make them: nothing in the future. */
export function lineDateProblems(f: LineFacts, today: string): LineFieldProblem[] {
  const out: LineFieldProblem[] = [];
  const future = (path: string, date: string | undefined) => {
    if (date && date > today) out.push({ path, problem: 'date_in_future' });
  };
  future('orderDate', f.orderDate);
  // An instant's Dhaka date: 18:00 UTC is already the next day in Dhaka.
  future('paidAt', f.paidAt ? dhakaDate(new Date(f.paidAt)) : undefined);
  f.refunds.forEach((r, i) => future(`refunds.${i}.on`, r.on));
  return out;
}

/**
 * A consumer's open complaint against the merchant as a claim line, in one tap: the order and
 * what was paid carry over (the complaint counts whole taka, the line poisha); a complaint about
 * an order never delivered says so. The claimant adds what the complaint did not ask (the item,
 * the gateway and transaction id) before the line is saved with ClaimantLineFactsSchema.
 */
export function lineFromComplaint(
  order: { number: string; date: string; amountBdt: number; paymentChannel: PaymentChannel },
  category: string,
): Partial<LineFacts> {
  return {
    merchantOrderId: order.number,
    orderDate: order.date,
    amountPaidPoisha: order.amountBdt * 100,
    channel: order.paymentChannel,
    ...(category === 'not_delivered' ? { delivered: 'no' as const } : {}),
    refunds: [],
  };
}
