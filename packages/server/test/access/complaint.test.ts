// access/complaint.ts on its own: each party reaches only its own complaints, and a complaint
// someone may not see is "not found", never "forbidden".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorise, mayAccessComplaint } from '../../src/access/complaint.ts';
import { M1, OFFICE1, agent, consumer, fullKey, officer, otherConsumer, otherOfficer, otherStaff, refusal, staff, system } from './actors.ts';

const complaint = { consumer_phone: '+8801712345678', merchant_id: M1, office_id: OFFICE1 };

describe('access: complaint', () => {
  it('lets the consumer who filed it, the merchant (staff or key), an officer of its office and the system in', () => {
    for (const actor of [consumer, staff, agent, fullKey, officer, system]) assert.equal(mayAccessComplaint(actor, complaint), true, JSON.stringify(actor));
  });

  it('keeps another consumer, another merchant and another office out', () => {
    for (const actor of [otherConsumer, otherStaff, otherOfficer]) assert.equal(mayAccessComplaint(actor, complaint), false, JSON.stringify(actor));
  });

  it('answers not_found to an outsider and for a complaint that does not exist', async () => {
    assert.equal(await refusal(() => authorise(otherStaff, complaint)), 'not_found');
    assert.equal(await refusal(() => authorise(consumer, null)), 'not_found');
    assert.equal(authorise(officer, complaint), complaint);
  });
});
