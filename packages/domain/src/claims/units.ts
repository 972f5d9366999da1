// Figures in four units, from one definition: claimants, orders, transactions and taka. Reports
// of the 2021 collapse mixed them (Qcoom: 18,432 orders over 26,856 transactions), so nobody could
// say who was owed what. Every figure of a programme (its public page, the register's totals,
// an imported list, the officers' console) is counted here, in all four units at once:
// - claimants: distinct claims (one claim per verified mobile number per programme); for an
//   imported list, distinct customers;
// - orders: distinct order keys (keys.ts); a line that names no order id counts as one order;
// - transactions: distinct transaction keys; a line that names none (cash on delivery) counts
//   as one transaction;
// - taka: the sum of the measure's amounts, in poisha.
// The server's SQL (phase 2) implements the same definition, e.g.
//   COUNT(DISTINCT claim_id), COUNT(DISTINCT COALESCE(order_key, 'line:' || line_id)),
//   COUNT(DISTINCT COALESCE(txn_key, 'line:' || line_id)), SUM(amount) … FILTER (WHERE <measure>),
// and its tests compare it with fourUnits on the same rows.
import { z } from 'zod';
import { claimText } from '../i18n/claims.ts';
import type { Locale } from '../i18n/messages.ts';
import { refundablePoisha } from './amount.ts';
import { formatTaka } from './money.ts';
import type { ClaimState } from './claimStates.ts';
import type { LineKeys } from './keys.ts';
import type { LineSnapshot } from './lines.ts';

export const UNITS = ['claimants', 'orders', 'transactions', 'taka'] as const;
export type Unit = (typeof UNITS)[number];

export interface FourUnits {
  readonly claimants: number;
  readonly orders: number;
  readonly transactions: number;
  readonly amountPoisha: number;
}

export const FourUnitsSchema = z.object({
  claimants: z.number().int().describe('Distinct claimants (one claim per verified mobile number)'),
  orders: z.number().int().describe('Distinct orders; a payment naming no order id counts as one'),
  transactions: z.number().int().describe('Distinct transactions; a payment naming no transaction id counts as one'),
  amountPoisha: z.number().int().describe('Taka, in poisha (1/100 taka)'),
});

/** One payment as the figures see it. */
export interface UnitRow {
  /** The claim (or, for an imported list, the customer) it belongs to. */
  readonly claimantKey: string;
  readonly lineKey: string;
  readonly keys: LineKeys;
  readonly amountPoisha: number;
}

export const NO_UNITS: FourUnits = { claimants: 0, orders: 0, transactions: 0, amountPoisha: 0 };

export function fourUnits(rows: Iterable<UnitRow>): FourUnits {
  const claimants = new Set<string>();
  const orders = new Set<string>();
  const transactions = new Set<string>();
  let amountPoisha = 0;
  for (const r of rows) {
    claimants.add(r.claimantKey);
    orders.add(r.keys.order ?? `line:${r.lineKey}`);
    transactions.add(r.keys.transaction ?? `line:${r.lineKey}`);
    amountPoisha += r.amountPoisha;
  }
  return { claimants: claimants.size, orders: orders.size, transactions: transactions.size, amountPoisha };
}

/** A figure in words, all four units: "1,204 claimants, 1,310 orders, 1,877 transactions, ৳21,450,000" (Bengali: lakh and crore groups). */
export const fourUnitsText = (locale: Locale, u: FourUnits): string =>
  claimText(locale, 'claims.figures', { claimants: u.claimants, orders: u.orders, transactions: u.transactions, amount: formatTaka(locale, u.amountPoisha) });

/** What a programme counts. Each measure says which lines it takes and the amount of each. */
export const MEASURES = ['claimed', 'matched', 'disputed', 'held', 'allowed', 'rejected'] as const;
export type Measure = (typeof MEASURES)[number];

/** A line with what the figures need of its claim. */
export interface FigureLine {
  readonly claimId: string;
  readonly claimState: ClaimState;
  readonly line: LineSnapshot;
  readonly keys: LineKeys;
}

/** Claims that count as claimed: sent, and not withdrawn (a rejected claim was still claimed). */
const CLAIMED: Record<ClaimState, boolean> = {
  draft: false,
  submitted: true,
  deficient: true,
  under_review: true,
  determined: true,
  in_payment: true,
  paid: true,
  partly_paid: true,
  rejected: true,
  withdrawn: false,
};

/** The amount a line counts for in a measure, or null when the measure does not take it. */
export function measureOf(measure: Measure, f: FigureLine): number | null {
  if (!CLAIMED[f.claimState]) return null;
  const l = f.line;
  const claimed = refundablePoisha(l.facts);
  switch (measure) {
    case 'claimed':
      return claimed;
    case 'matched':
      return l.gatewayMatch || l.merchantMatch ? claimed : null;
    case 'disputed':
      return l.state === 'disputed' ? claimed : null;
    case 'held':
      return l.state === 'held' ? claimed : null;
    case 'allowed':
      return l.allowed && !l.rejection ? l.allowed.amountPoisha : null;
    case 'rejected':
      return l.rejection ? claimed : null;
  }
}

export type ClaimFigures = Record<Measure, FourUnits>;
export const ClaimFiguresSchema = z.object(Object.fromEntries(MEASURES.map((m) => [m, FourUnitsSchema])) as Record<Measure, typeof FourUnitsSchema>);

/** Every measure of a programme in four units. */
export function programmeFigures(lines: readonly FigureLine[]): ClaimFigures {
  return Object.fromEntries(
    MEASURES.map((m) => [
      m,
      fourUnits(
        lines.flatMap((f) => {
          const amount = measureOf(m, f);
          return amount === null ? [] : [{ claimantKey: f.claimId, lineKey: f.line.id, keys: f.keys, amountPoisha: amount }];
        }),
      ),
    ]),
  ) as ClaimFigures;
}
