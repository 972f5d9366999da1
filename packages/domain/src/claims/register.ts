// The public register of a programme: one row per claim that was sent, pseudonymous (the claim
// number, the filing date, the number of lines, the amounts claimed and allowed, the state; no
// name, no phone number, no order or transaction id), with totals by channel and gateway, and a
// daily CSV of the same rows.
import { z } from 'zod';
import { type DhakaDate, dhakaDate } from '../calendar/calendar.ts';
import { DhakaDay, pageOf } from '../wire.ts';
import { refundablePoisha } from './amount.ts';
import { type ClaimState, CLAIM_STATES } from './claimStates.ts';
import { type ClaimSnapshot, claimAllowedPoisha } from './claimMachine.ts';
import { csvText } from './exportRows.ts';
import { poishaToDecimal } from './money.ts';
import { type FigureLine, type FourUnits, FourUnitsSchema, NO_UNITS, fourUnits, measureOf } from './units.ts';
import { GATEWAYS, type Gateway, PAYMENT_CHANNELS, type PaymentChannel } from './vocabulary.ts';

export interface RegisterRow {
  readonly claimNumber: string;
  readonly filedOn: DhakaDate;
  readonly lines: number;
  readonly claimedPoisha: number;
  /** Null until the claim is determined. */
  readonly allowedPoisha: number | null;
  readonly state: ClaimState;
  readonly late: boolean;
}

export const RegisterRowSchema = z.object({
  claimNumber: z.string(),
  filedOn: DhakaDay,
  lines: z.number().int(),
  claimedPoisha: z.number().int().describe('Paid less refunds received, over the claim’s lines'),
  allowedPoisha: z.number().int().nullable().describe('Null until the claim is determined'),
  state: z.enum(CLAIM_STATES),
  late: z.boolean().describe('Sent after the last date: accepted, and checked after the timely claims'),
});
export const RegisterPageSchema = pageOf(RegisterRowSchema);

/** The row of a claim, or null for a claim never sent (a draft is nobody's business). */
export function registerRow(claimNumber: string, c: ClaimSnapshot): RegisterRow | null {
  if (c.state === 'draft' || c.submittedAt === null) return null;
  return {
    claimNumber,
    filedOn: dhakaDate(new Date(c.submittedAt)),
    lines: c.lines.length,
    claimedPoisha: c.lines.reduce((sum, l) => sum + refundablePoisha(l.facts), 0),
    allowedPoisha: c.determination ? claimAllowedPoisha(c) : null,
    state: c.state,
    late: c.late,
  };
}

export const REGISTER_CSV_COLUMNS = ['claim_number', 'filed_on', 'lines', 'claimed_bdt', 'allowed_bdt', 'state', 'late'] as const;

export function registerCsv(rows: readonly RegisterRow[]): string {
  return csvText(
    REGISTER_CSV_COLUMNS,
    rows.map((r) => [r.claimNumber, r.filedOn, String(r.lines), poishaToDecimal(r.claimedPoisha), r.allowedPoisha === null ? '' : poishaToDecimal(r.allowedPoisha), r.state, r.late ? 'yes' : 'no']),
  );
}

export interface RegisterTotals {
  readonly byChannel: Record<PaymentChannel, { claimed: FourUnits; allowed: FourUnits }>;
  readonly byGateway: Record<Gateway | 'none', { claimed: FourUnits; allowed: FourUnits }>;
}

const Pair = z.object({ claimed: FourUnitsSchema, allowed: FourUnitsSchema });
export const RegisterTotalsSchema = z.object({
  byChannel: z.object(Object.fromEntries(PAYMENT_CHANNELS.map((c) => [c, Pair])) as Record<PaymentChannel, typeof Pair>),
  byGateway: z.object(Object.fromEntries([...GATEWAYS, 'none'].map((g) => [g, Pair])) as Record<Gateway | 'none', typeof Pair>).describe('"none": cash on delivery and payments through no gateway'),
});

/** Claimed and allowed, in four units, by the channel and by the gateway each payment went through. */
export function registerTotals(lines: readonly FigureLine[]): RegisterTotals {
  const pair = (pick: (f: FigureLine) => boolean) => {
    const mine = lines.filter(pick);
    const measure = (m: 'claimed' | 'allowed') =>
      fourUnits(mine.flatMap((f) => {
        const amount = measureOf(m, f);
        return amount === null ? [] : [{ claimantKey: f.claimId, lineKey: f.line.id, keys: f.keys, amountPoisha: amount }];
      }));
    return mine.length === 0 ? { claimed: NO_UNITS, allowed: NO_UNITS } : { claimed: measure('claimed'), allowed: measure('allowed') };
  };
  return {
    byChannel: Object.fromEntries(PAYMENT_CHANNELS.map((c) => [c, pair((f) => f.line.facts.channel === c)])) as RegisterTotals['byChannel'],
    byGateway: Object.fromEntries([...GATEWAYS, 'none' as const].map((g) => [g, pair((f) => (f.line.facts.gateway ?? 'none') === g)])) as RegisterTotals['byGateway'],
  };
}
