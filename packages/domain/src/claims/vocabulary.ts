// The words of a claims programme that several modules share: how a payment was made (the
// domain's one channel list, shared with complaints), which gateway carried it, whether the
// goods came, and who held money. One list each; the catalogues have a label for every value.
export { PAYMENT_CHANNELS, type PaymentChannel } from '../complaint/channels.ts';

/** The payment gateways that held advance payments in escrow from 30 June 2021 (and "other"
 *  for Foster, aamarPay and the rest, named in the line's item or the list's source). */
export const GATEWAYS = ['sslcommerz', 'shurjopay', 'bkash', 'nagad', 'bank_gateway', 'other'] as const;
export type Gateway = (typeof GATEWAYS)[number];

/** Whether the goods of one payment were delivered. */
export const DELIVERY = ['yes', 'partly', 'no'] as const;
export type Delivery = (typeof DELIVERY)[number];

/** Where a line came from: the claimant typed it, an imported list pre-filled it, an officer
 *  entered it, or the claimant's complaint against the merchant was carried over. */
export const LINE_SOURCES = ['claimant', 'gateway_list', 'merchant_list', 'officer', 'complaint'] as const;
export type LineSource = (typeof LINE_SOURCES)[number];

/** Who imports a list of payments: the gateway that held the money or the merchant's own books. */
export const LIST_KINDS = ['gateway', 'merchant'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
