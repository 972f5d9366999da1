// The states a complaint can be in, who owns each one and which few phases statistics use
// (FixMyStreet's habit: many labels, few categories; we call them phases, because "category"
// already means the kind of problem a consumer complains about).

export const STATES = [
  'submitted',
  'with_merchant',
  'merchant_responded',
  'resolved',
  'remedy_reported',
  'fulfilled',
  'escalated',
  'under_review',
  'info_requested',
  'hearing_scheduled',
  'decided',
  'closed',
  'withdrawn',
  'rejected',
] as const;
export type State = (typeof STATES)[number];

export const ROLES = ['consumer', 'merchant', 'officer', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Who must act next. Terminal states have no owner. 'party' is whichever side the
 * officer asked for information (consumer or merchant); the snapshot says which. */
export type Owner = 'system' | 'merchant' | 'consumer' | 'regulator';
type StaticOwner = Owner | 'party';

/** Where a complaint is, for figures and filters: just filed, with the merchant (answering or
 *  carrying out a remedy), with the regulator, or finished in substance (a received remedy
 *  waiting only for a rating counts as closed). */
export const PHASES = ['new', 'with_merchant', 'with_regulator', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

interface StateInfo {
  readonly owner: StaticOwner | null;
  readonly phase: Phase;
  readonly terminal: boolean;
}

export const STATE_INFO: Record<State, StateInfo> = {
  submitted: { owner: 'system', phase: 'new', terminal: false },
  with_merchant: { owner: 'merchant', phase: 'with_merchant', terminal: false },
  merchant_responded: { owner: 'consumer', phase: 'with_merchant', terminal: false },
  resolved: { owner: 'merchant', phase: 'with_merchant', terminal: false },
  // The merchant recorded the remedy as carried out; the consumer's word is awaited (their
  // silence closes it as "carried out, not confirmed", never as confirmed).
  remedy_reported: { owner: 'consumer', phase: 'with_merchant', terminal: false },
  fulfilled: { owner: 'consumer', phase: 'closed', terminal: false },
  escalated: { owner: 'regulator', phase: 'with_regulator', terminal: false },
  under_review: { owner: 'regulator', phase: 'with_regulator', terminal: false },
  info_requested: { owner: 'party', phase: 'with_regulator', terminal: false },
  hearing_scheduled: { owner: 'regulator', phase: 'with_regulator', terminal: false },
  decided: { owner: 'regulator', phase: 'with_regulator', terminal: false },
  closed: { owner: null, phase: 'closed', terminal: true },
  withdrawn: { owner: null, phase: 'closed', terminal: true },
  rejected: { owner: null, phase: 'closed', terminal: true },
};

export const isTerminal = (s: State): boolean => STATE_INFO[s].terminal;
export const phaseOf = (s: State): Phase => STATE_INFO[s].phase;
/** The states a complaint never leaves (no owner, no deadline). */
export const TERMINAL_STATES: readonly State[] = STATES.filter((s) => STATE_INFO[s].terminal);
/** The states of the regulator's phase: the office's queue. */
export const REGULATOR_STATES: readonly State[] = STATES.filter((s) => STATE_INFO[s].phase === 'with_regulator');
