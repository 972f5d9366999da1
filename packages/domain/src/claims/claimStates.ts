// The states a claim can be in, who owns each one, and the few phases figures and filters use
// (like lifecycle/states.ts for complaints).
//
// "Open" states have an owner and a next date (a clock); the others have neither. A withdrawn
// claim is not open, but its claimant may reopen it while the programme takes claims: one claim
// per verified mobile number per programme, so a change of mind must not need a second claim.

export const CLAIM_STATES = [
  'draft',
  'submitted',
  'deficient',
  'under_review',
  'determined',
  'in_payment',
  'paid',
  'partly_paid',
  'rejected',
  'withdrawn',
] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export const CLAIM_ROLES = ['claimant', 'officer', 'system'] as const;
export type ClaimRole = (typeof CLAIM_ROLES)[number];

/** Who must act next: the claimant, the programme's officers, whoever pays (the gateway or bank holding the money), or Nalish itself. */
export const CLAIM_OWNERS = ['claimant', 'officer', 'payer', 'system'] as const;
export type ClaimOwner = (typeof CLAIM_OWNERS)[number];

/** Where a claim is, for figures and filters. */
export const CLAIM_PHASES = ['draft', 'with_officers', 'with_claimant', 'in_payment', 'finished'] as const;
export type ClaimPhase = (typeof CLAIM_PHASES)[number];

interface ClaimStateInfo {
  readonly owner: ClaimOwner | null;
  readonly phase: ClaimPhase;
  readonly open: boolean;
}

export const CLAIM_STATE_INFO: Record<ClaimState, ClaimStateInfo> = {
  draft: { owner: 'claimant', phase: 'draft', open: true },
  submitted: { owner: 'officer', phase: 'with_officers', open: true },
  deficient: { owner: 'claimant', phase: 'with_claimant', open: true },
  under_review: { owner: 'officer', phase: 'with_officers', open: true },
  determined: { owner: 'claimant', phase: 'with_claimant', open: true },
  in_payment: { owner: 'payer', phase: 'in_payment', open: true },
  paid: { owner: null, phase: 'finished', open: false },
  partly_paid: { owner: null, phase: 'finished', open: false },
  rejected: { owner: null, phase: 'finished', open: false },
  withdrawn: { owner: null, phase: 'finished', open: false },
};

export const isOpenClaim = (s: ClaimState): boolean => CLAIM_STATE_INFO[s].open;
export const claimPhaseOf = (s: ClaimState): ClaimPhase => CLAIM_STATE_INFO[s].phase;
export const OPEN_CLAIM_STATES: readonly ClaimState[] = CLAIM_STATES.filter(isOpenClaim);
/** Claims the public register lists: everything once submitted (a draft is nobody's business). */
export const REGISTER_STATES: readonly ClaimState[] = CLAIM_STATES.filter((s) => s !== 'draft');

/** Why a claim was rejected as a whole (a reason code; each has a label). Line-level reasons are in lines.ts. */
export const CLAIM_REJECT_CODES = [
  'not_eligible',
  'not_a_customer',
  'duplicate_claim',
  'deficiency_not_cured',
  'refunded_already',
  'false_claim',
  'nothing_allowed',
  'other',
] as const;
export type ClaimRejectCode = (typeof CLAIM_REJECT_CODES)[number];

/** What a deficiency notice may ask for (each a short label, fit for an SMS). */
export const MISSING_ITEMS = [
  'proof_of_payment',
  'transaction_id',
  'order_id',
  'order_date',
  'payer_account',
  'delivery_status',
  'refund_details',
  'cheque_copy',
  'identity_proof',
  'other',
] as const;
export type MissingItem = (typeof MISSING_ITEMS)[number];
