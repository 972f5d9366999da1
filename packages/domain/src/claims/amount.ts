// What can be refunded on a line: the amount actually paid less the refunds already received.
// One rule, in one place, used by the determination (an officer may allow at most this), the
// figures and the public register.
//
// Never a cheque's face value: Alesha Mart gave customers post-dated cheques at the full retail
// price, not the discounted price they paid; a cheque held is an instrument to surrender
// (instruments.ts), and its face value is not what the customer lost. Never negative (refunds
// above the payment, e.g. cash-back, leave nothing owed, not a debt of the claimant), never above
// what was paid (nothing adds to the payment).
import type { LineFacts } from './lineFacts.ts';

export function refundablePoisha(line: Pick<LineFacts, 'amountPaidPoisha' | 'refunds'>): number {
  const paid = Math.max(0, line.amountPaidPoisha);
  const refunded = line.refunds.reduce((sum, r) => sum + Math.max(0, r.amountPoisha), 0);
  return Math.min(paid, Math.max(0, paid - refunded));
}

/** The refunds already received on a line, in poisha. */
export const refundedPoisha = (line: Pick<LineFacts, 'refunds'>): number => line.refunds.reduce((sum, r) => sum + r.amountPoisha, 0);
