// Claims programmes, as the subpath export '@nalish/domain/claims' (kept out of the main entry,
// so the complaint pages' JavaScript does not carry it): the programme, the claim and its lines
// as typed tables, the rules, the figures, the signals, the files exchanged, the request and
// response schemas, the events, and the catalogue with its SMS. See docs/CLAIMS.md.
export * from './vocabulary.ts';
export * from './money.ts';
export * from './keys.ts';
export * from './claimNumber.ts';
export * from './lineFacts.ts';
export * from './amount.ts';
export * from './instruments.ts';
export * from './programme.ts';
export * from './lines.ts';
export * from './claimStates.ts';
export * from './claimActions.ts';
export * from './settings.ts';
export * from './claimMachine.ts';
export * from './conditions.ts';
export * from './status.ts';
export * from './eligibility.ts';
export * from './units.ts';
export * from './signals.ts';
export * from './importRows.ts';
export * from './exportRows.ts';
export * from './register.ts';
export * from './requests.ts';
export * from './events.ts';
export * from './views.ts';
export * from './sms.ts';
export * from '../i18n/claims.ts';
export * from './present.ts';
export * from './feedEvents.ts';
