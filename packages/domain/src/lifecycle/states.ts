// The states a complaint can be in, who owns each one and which few categories
// statistics use (FixMyStreet's habit: many labels, few categories).

export const STATES = [
  'submitted',
  'with_merchant',
  'merchant_responded',
  'resolved',
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

export type Category = 'open' | 'with_merchant' | 'with_regulator' | 'closed';

interface StateInfo {
  readonly owner: StaticOwner | null;
  readonly category: Category;
  readonly terminal: boolean;
}

export const STATE_INFO: Record<State, StateInfo> = {
  submitted: { owner: 'system', category: 'open', terminal: false },
  with_merchant: { owner: 'merchant', category: 'with_merchant', terminal: false },
  merchant_responded: { owner: 'consumer', category: 'with_merchant', terminal: false },
  resolved: { owner: 'merchant', category: 'with_merchant', terminal: false },
  fulfilled: { owner: 'consumer', category: 'closed', terminal: false },
  escalated: { owner: 'regulator', category: 'with_regulator', terminal: false },
  under_review: { owner: 'regulator', category: 'with_regulator', terminal: false },
  info_requested: { owner: 'party', category: 'with_regulator', terminal: false },
  hearing_scheduled: { owner: 'regulator', category: 'with_regulator', terminal: false },
  decided: { owner: 'regulator', category: 'with_regulator', terminal: false },
  closed: { owner: null, category: 'closed', terminal: true },
  withdrawn: { owner: null, category: 'closed', terminal: true },
  rejected: { owner: null, category: 'closed', terminal: true },
};

export const isTerminal = (s: State): boolean => STATE_INFO[s].terminal;
export const categoryOf = (s: State): Category => STATE_INFO[s].category;
export const OPEN_STATES: readonly State[] = STATES.filter((s) => !STATE_INFO[s].terminal);
