// The steps people take (each has its own endpoint and appears in a complaint's `actions`),
// read from the transition table: an action any role but the system may take. The others are
// the system's (routing, deadlines).
import type { Action } from './actions.ts';
import { TRANSITIONS } from './machine.ts';

export const HUMAN_ACTIONS: readonly Action[] = (Object.keys(TRANSITIONS) as Action[]).filter((a) => TRANSITIONS[a].roles.some((r) => r !== 'system'));

export const isHumanAction = (a: Action): boolean => HUMAN_ACTIONS.includes(a);
