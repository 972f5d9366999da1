// The policy engine's public surface, as the subpath export '@nalish/domain/policy' (kept out
// of the main entry so the consumer pages' JavaScript does not grow until they use it).
import { RULE_SET_2021 } from './rules2021.ts';
import type { RuleSet } from './types.ts';

export * from './types.ts';
export * from './evaluate.ts';
export { RULE_SET_2021 };

/** Every rule set, old and new: an amendment is added here, and each order is judged by the
 *  set in force on its order date. */
export const RULE_SETS: readonly RuleSet[] = [RULE_SET_2021];
