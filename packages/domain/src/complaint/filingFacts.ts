// The policy facts a filing states (the rules run on them when the complaint is filed). Here,
// not in policy/facts.ts, because filing.ts already imports the facts' schema: the facts module
// does not need to know what a filing is.
import type { WireFacts } from '../policy/facts.ts';
import type { FileComplaintInput } from './filing.ts';

/**
 * The facts a filing already states, plus what the consumer added. The order date picks the
 * rule set; a prepaid order counts as paid in full unless the consumer says otherwise (cash on
 * delivery: nothing is known to be paid); the seller was contacted on the day the consumer gave.
 */
export function factsFromFiling(input: FileComplaintInput): WireFacts {
  const { order, preChecks } = input;
  return {
    orderDate: order.date,
    paymentChannel: order.paymentChannel,
    priceBdt: order.amountBdt,
    ...(order.paymentChannel === 'cod' ? {} : { amountPaidBdt: order.amountBdt }),
    ...(preChecks.contactedMerchant && preChecks.contactedOn ? { complaintToMerchantAt: preChecks.contactedOn } : {}),
    causeOfActionDate: preChecks.problemDate,
    ...input.facts,
  };
}
