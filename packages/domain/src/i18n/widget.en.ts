// The widget, the signed order context and the trust badge (English). Kept apart from en.ts
// so the feature's words sit together; en.ts spreads them in.
export const widgetEn = {
  'error.order_context_invalid': "The shop's confirmation of this order is not valid (its signature does not match), so nothing was filed. Open the complaint form again from the shop's page.",
  'error.order_context_expired': "The shop's confirmation of this order has expired, so nothing was filed. Reload the shop's page and open the complaint form again.",
  'error.order_context_merchant': "The shop's confirmation of this order belongs to another seller, so nothing was filed.",
  'error.order_context_phone': 'The shop confirmed this order for a different mobile number, so nothing was filed. Sign in with the number you gave the shop.',
  'error.order_context_mismatch': 'The order details differ from what the shop confirmed, so nothing was filed.',

  'complaint.orderConfirmed': 'Order confirmed by the merchant',
  'complaint.orderConfirmedHint': "The seller's own system signed these order details.",

  // The loader's words (packages/widget takes them from here at build time).
  'widget.button': 'Complain',
  'widget.dialog': 'File a complaint on Nalish',
  'widget.close': 'Close',
  'widget.frame': 'Nalish complaint form',
  'widget.notHere': 'The complaint form cannot open on this website: it is not one the seller registered with Nalish. You can still complain on Nalish itself.',
  'widget.openNalish': 'Complain on Nalish (opens in a new tab)',

  'badge.brand': 'Nalish',
  'badge.registered': 'Registered seller',
  'badge.unregistered': 'Not registered on Nalish',
  'badge.suspended': 'Registration suspended',
  'badge.licence.yes': 'Trade licence ✓',
  'badge.licence.no': 'No trade licence',
  'badge.dbid.yes': 'DBID ✓',
  'badge.dbid.no': 'No DBID',
  'badge.complaints': '{n} complaints in the last 12 months',
  'badge.onTime': '{pct}% answered on time',
  'badge.resolved': '{pct}% resolved',
  'badge.verifiedFor': 'Verified for {site}',
  'badge.notVerified': 'Not verified for this site',
  'badge.notVerifiedLead': 'This badge was issued to another website. Check the seller on Nalish.',
  'badge.profile': "See {name}'s record on Nalish",
  'badge.unknown': 'Unknown seller',
} as const;
