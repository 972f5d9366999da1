// The merchant portal's page for the widget, the badge and the signing secret (English). The
// filing flow inside a shop's page speaks with the consumer's strings (consumer.embed.*).
export const widgetEn = {

  'merchant.nav.widget': 'Widget and badge',
  'merchant.widget.title': 'Widget and trust badge',
  'merchant.widget.lead': 'Put a complaint button and the Nalish trust badge on your shop, one script tag each.',
  'merchant.widget.button': 'The complaint button',
  'merchant.widget.buttonHint': 'Paste this before </body> on your shop’s pages. It adds a “Complain” button (in Bengali on Bengali pages) that opens the complaint form over your page. To sign the order details, add data-order with the token your server makes (see below).',
  'merchant.widget.badge': 'The trust badge',
  'merchant.widget.badgeHint': 'Paste this where the badge should appear. It shows your record only on your own websites ({sites}); anywhere else it says “not verified for this site”.',
  'merchant.widget.badgeNoSites': 'Nalish has no website of yours on record, so the badge will say “not verified” everywhere. Ask the Directorate to add your website.',
  'merchant.widget.code': 'The code to paste for {what}',
  'merchant.widget.copy': 'Copy',
  'merchant.widget.secret': 'Signing secret for order details',
  'merchant.widget.secretLead': 'Your shop’s server signs each order’s details (number, date, amount, payment, the buyer’s mobile) with this secret. A complaint filed with a valid signature shows “Order confirmed by the merchant”. Keep the secret on your server only, never in a web page.',
  'merchant.widget.secretNone': 'There is no signing secret yet.',
  'merchant.widget.secretActive': 'Current secret: {prefix}…, made {when}.',
  'merchant.widget.create': 'Create the signing secret',
  'merchant.widget.rotate': 'Replace the signing secret',
  'merchant.widget.rotateConfirm': 'The current secret stops working at once: order details your shop signed with it will no longer be confirmed. Replace it now?',
  'merchant.widget.rotateYes': 'Yes, replace it',
  'merchant.widget.created': 'Your new signing secret. It is shown only now: put it in your shop server’s settings.',
  'merchant.widget.theSecret': 'Signing secret',
  'merchant.widget.ownersOnly': 'Only an owner of the shop’s account can create or replace the signing secret.',
} as const;
