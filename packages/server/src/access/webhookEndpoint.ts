// Webhook endpoints and their deliveries: the merchant's staff, or one of its API keys with
// webhooks:manage. A merchant reaches only its own endpoints: webhooks/endpoints.ts and
// deliveries.ts name merchant_id in every query, and anything else is 404.
import { AppError } from '../errors.ts';
import { type Actor, hasScope } from './actor.ts';
import { merchantOf } from './merchant.ts';

export function webhookMerchantOf(actor: Actor): string {
  const merchantId = merchantOf(actor);
  if (!hasScope(actor, 'webhooks:manage')) throw new AppError('missing_scope', { scope: 'webhooks:manage' }, { scope: 'webhooks:manage' });
  return merchantId;
}
