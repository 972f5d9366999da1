// access/officeCase.ts on its own: the office's lists are for officers (403 to others); the
// case file answers 404 to anyone but an officer, so it does not tell that the case exists.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseFileOfficer, officerOf } from '../../src/access/officeCase.ts';
import { consumer, fullKey, officer, refusal, staff, system } from './actors.ts';

describe('access: office cases', () => {
  it('an officer reaches the office’s lists and case files', () => {
    assert.equal(officerOf(officer), officer);
    assert.equal(caseFileOfficer(officer), officer);
  });

  it('anyone else: 403 on the lists, 404 on a case file', async () => {
    for (const actor of [consumer, staff, fullKey, system]) {
      assert.equal(await refusal(() => officerOf(actor)), 'forbidden');
      assert.equal(await refusal(() => caseFileOfficer(actor)), 'not_found');
    }
  });
});
