// access/webhookEndpoint.ts on its own: the merchant's staff, or its API key with
// webhooks:manage (a key without it is told which scope it lacks).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { webhookMerchantOf } from '../../src/access/webhookEndpoint.ts';
import { M1, M2, agent, consumer, fullKey, officer, otherStaff, readKey, refusal, system } from './actors.ts';

describe('access: webhook endpoints', () => {
  it('staff and a key with webhooks:manage reach their own merchant’s endpoints', () => {
    assert.equal(webhookMerchantOf(agent), M1);
    assert.equal(webhookMerchantOf(fullKey), M1);
    assert.equal(webhookMerchantOf(otherStaff), M2);
  });

  it('a key without the scope gets missing_scope; anyone not a merchant gets forbidden', async () => {
    assert.equal(await refusal(() => webhookMerchantOf(readKey)), 'missing_scope');
    for (const actor of [consumer, officer, system]) assert.equal(await refusal(() => webhookMerchantOf(actor)), 'forbidden');
  });
});
