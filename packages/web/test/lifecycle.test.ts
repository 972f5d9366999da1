// The web app's steps follow the domain's lifecycle table: every step the table gives an
// officer has its form in the console (or is marked as having none), and the console offers
// no form for a step that is not an officer's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIONS, TRANSITIONS } from '@nalish/domain';
import { OFFICER_ACTIONS, OFFICER_FORMS } from '../src/pages/regulator/case/Actions.tsx';

describe('officer steps in the console', () => {
  it('are the lifecycle’s officer steps, each with a form or marked as having none', () => {
    const officer = ACTIONS.filter((a) => TRANSITIONS[a].roles.includes('officer'));
    assert.deepEqual([...OFFICER_ACTIONS].sort(), [...officer].sort());
    assert.deepEqual(Object.keys(OFFICER_FORMS).sort(), [...officer].sort(), 'a form (or null) for every officer step, and for no other');
  });
});
