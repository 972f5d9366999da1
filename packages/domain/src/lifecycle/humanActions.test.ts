import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HUMAN_ACTIONS } from './humanActions.ts';
import { TRANSITIONS } from './machine.ts';

describe('human actions', () => {
  it('are the steps a person may take; every other step is the system’s alone', () => {
    for (const [action, t] of Object.entries(TRANSITIONS)) {
      const human = t.roles.some((r) => r !== 'system');
      assert.equal(HUMAN_ACTIONS.includes(action as never), human, action);
    }
    assert.ok(HUMAN_ACTIONS.includes('respond') && !HUMAN_ACTIONS.includes('merchant_silent'));
  });
});
