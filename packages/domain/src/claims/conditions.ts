// What must be true before a claim can be paid, as a checklist the claimant and the officers
// both see, each item with its state. Issue 13's repayment rounds add theirs (a wallet in the
// claimant's own name); the place is here.
import type { ClaimSnapshot, ProgrammeFacts } from './claimMachine.ts';
import { holdEffects } from './programme.ts';

export const CONDITION_KINDS = [
  'determination_accepted',
  'programme_paying',
  'payments_not_stayed',
  'no_dispute',
  'no_hold',
  'police_clearance',
  'instrument_surrendered',
] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

export interface Condition {
  readonly kind: ConditionKind;
  readonly met: boolean;
  /** The line or instrument the condition is about, when it is about one. */
  readonly lineId?: string;
  readonly instrumentId?: string;
}

/** The payment checklist of a claim: only lines with money allowed are paid, so only they have conditions. */
export function paymentConditions(s: Pick<ClaimSnapshot, 'acceptance' | 'lines' | 'instruments'>, programme: Pick<ProgrammeFacts, 'state' | 'holds'>): Condition[] {
  const effects = holdEffects(programme.holds);
  const out: Condition[] = [
    { kind: 'determination_accepted', met: s.acceptance !== null },
    { kind: 'programme_paying', met: programme.state === 'paying' },
    { kind: 'payments_not_stayed', met: !effects.stopsPayments },
  ];
  for (const l of s.lines) {
    if (!l.allowed || l.rejection) continue;
    out.push({ kind: 'no_dispute', met: l.dispute === null, lineId: l.id });
    out.push({ kind: 'no_hold', met: l.hold === null, lineId: l.id });
    if (effects.requiresClearance) out.push({ kind: 'police_clearance', met: l.clearance !== null, lineId: l.id });
  }
  // An instrument is handed back before any payment, whichever line it was given for.
  for (const i of s.instruments) out.push({ kind: 'instrument_surrendered', met: i.surrender !== null, instrumentId: i.id });
  return out;
}

export const allConditionsMet = (conditions: readonly Condition[]): boolean => conditions.every((c) => c.met);
