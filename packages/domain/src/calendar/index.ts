// The holiday table's entries, the reasons a day is not a working day and their messages, as
// the subpath export '@nalish/domain/calendar' (kept out of the main entry so the consumer
// pages' JavaScript does not grow until they use it). The working-day arithmetic
// (calendar.ts) and the deadline rules (dueRule.ts) are in the main entry; the endpoints'
// schemas (wire.ts) are here.
export * from './holidays.ts';
export * from './describe.ts';
export * from './messages.ts';
export * from './wire.ts';
