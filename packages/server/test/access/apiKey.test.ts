// access/apiKey.ts on its own: staff list the keys; only a signed-in owner creates or revokes
// one, so an API key can never mint more keys (not even one with every scope).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayListApiKeys, mayManageApiKeys } from '../../src/access/apiKey.ts';
import { M1, agent, consumer, fullKey, officer, refusal, staff, staffDb } from './actors.ts';

describe('access: API keys', () => {
  const db = staffDb({ 'u-owner': 'owner', 'u-agent': 'agent' });

  it('any staff member lists them; a key, a consumer or an officer does not', async () => {
    assert.equal(mayListApiKeys(agent).merchantId, M1);
    for (const actor of [fullKey, consumer, officer]) assert.equal(await refusal(() => mayListApiKeys(actor)), 'forbidden');
  });

  it('only an owner, signed in, creates or revokes them', async () => {
    assert.equal((await mayManageApiKeys(db, staff)).merchantId, M1);
    assert.equal(await refusal(() => mayManageApiKeys(db, agent)), 'forbidden');
    assert.equal(await refusal(() => mayManageApiKeys(db, fullKey)), 'forbidden');
  });
});
