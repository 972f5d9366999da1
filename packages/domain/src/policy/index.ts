// The policy engine's public surface, as the subpath export '@nalish/domain/policy' (kept out
// of the main entry so the consumer pages' JavaScript does not grow until they use it).
export * from './types.ts';
export * from './evaluate.ts';
export { RULE_SET_2021 } from './rules2021.ts';
