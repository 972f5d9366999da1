// access/merchant.ts on its own: staff are people signed in (never an API key); owners are
// staff whose account is active with the owner role now.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { merchantOf, ownerOf, staffOf } from '../../src/access/merchant.ts';
import { M1, M2, agent, consumer, fullKey, officer, otherStaff, refusal, staff, staffDb, system } from './actors.ts';

describe('access: merchant', () => {
  it('staff: a signed-in member of the merchant, never an API key or another role', async () => {
    assert.deepEqual(staffOf(staff), { merchantId: M1, userId: 'u-owner' });
    assert.deepEqual(staffOf(otherStaff), { merchantId: M2, userId: 'u-other' });
    for (const actor of [fullKey, consumer, officer, system]) assert.equal(await refusal(() => staffOf(actor)), 'forbidden', JSON.stringify(actor));
  });

  it('owner: the role read from the account now, so a demoted or switched-off owner is refused at once', async () => {
    const db = staffDb({ 'u-owner': 'owner', 'u-agent': 'agent' });
    assert.deepEqual(await ownerOf(db, staff), { merchantId: M1, userId: 'u-owner' });
    assert.equal(await refusal(() => ownerOf(db, agent)), 'forbidden');
    assert.equal(await refusal(() => ownerOf(staffDb({}), staff)), 'forbidden');
    assert.equal(await refusal(() => ownerOf(db, fullKey)), 'forbidden');
  });

  it('the merchant an actor acts for: staff or key alike; anyone else is refused', async () => {
    assert.equal(merchantOf(fullKey), M1);
    assert.equal(merchantOf(agent), M1);
    for (const actor of [consumer, officer, system]) assert.equal(await refusal(() => merchantOf(actor)), 'forbidden');
  });
});
