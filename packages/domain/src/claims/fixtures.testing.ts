// For tests only: small factories for programmes, claims and lines (like the server's
// makeComplaint({ overrides })), shared by the claims tests.
import type { WorkingCalendar } from '../calendar/calendar.ts';
import { type ClaimAction, type ClaimCommand, parseClaimCommand, DECLARATION_VERSION } from './claimActions.ts';
import type { ClaimState } from './claimStates.ts';
import { type ClaimContext, type ClaimSnapshot, type ProgrammeFacts, INITIAL_CLAIM } from './claimMachine.ts';
import type { LineFacts } from './lineFacts.ts';
import { type LineSnapshot, newLine, stateOfLine } from './lines.ts';
import { type ProgrammeSnapshot, openProgramme } from './programme.ts';
import { type ClaimsSettings, DEFAULT_CLAIMS_SETTINGS } from './settings.ts';

export const MERCHANT = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
export const LINE_1 = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
export const LINE_2 = '1b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e';
export const LINE_3 = '2c3d4e5f-6a7b-4c8d-ae9f-0a1b2c3d4e5f';
export const ENTRY = '3d4e5f6a-7b8c-4d9e-bf0a-1b2c3d4e5f6a';
export const HOLD = '4e5f6a7b-8c9d-4eaf-8a1b-2c3d4e5f6a7b';
export const NO_HOLIDAYS: WorkingCalendar = { holidays: new Set() };

/** An instant in Dhaka wall-clock time: dhaka('2026-03-01T10:00'). */
export const dhaka = (local: string): Date => new Date(`${local}:00.000+06:00`);

export function facts(over: Partial<LineFacts> = {}): LineFacts {
  return {
    merchantOrderId: 'EV-10234',
    orderDate: '2021-06-10',
    item: 'Motorbike helmet',
    amountPaidPoisha: 850_000,
    channel: 'bkash',
    gateway: 'bkash',
    gatewayTxnId: '8N7A6B5C4D',
    payerAccountLast4: '5678',
    delivered: 'no',
    refunds: [],
    ...over,
  };
}

export function line(over: Partial<Omit<LineSnapshot, 'state'>> & { id?: string } = {}): LineSnapshot {
  const base = newLine({ id: over.id ?? LINE_1, no: over.no ?? 1, source: over.source ?? 'claimant', facts: over.facts ?? facts() });
  const merged = { ...base, ...over };
  return { ...merged, state: stateOfLine(merged) };
}

export const matchedLine = (over: Partial<Omit<LineSnapshot, 'state'>> = {}): LineSnapshot =>
  line({ gatewayMatch: { entryId: ENTRY, amountPoisha: 850_000 }, ...over });

export const allowedLine = (over: Partial<Omit<LineSnapshot, 'state'>> = {}): LineSnapshot =>
  matchedLine({ allowed: { amountPoisha: 850_000, reasons: ['matched_gateway_list'] }, ...over });

export function programme(over: Partial<ProgrammeSnapshot> = {}): ProgrammeSnapshot {
  const { snapshot } = openProgramme({
    merchantId: MERCHANT,
    eligibility: { orderDateFrom: '2021-01-01', orderDateTo: '2021-09-15', channels: ['bkash', 'nagad', 'card', 'cod', 'bank', 'rocket'] },
    window: { opensOn: '2026-03-01', lastDate: '2026-04-30' },
    moneyHeld: [{ holder: { kind: 'gateway', gateway: 'bkash' }, amountPoisha: 5_000_000_00, asOf: '2026-02-15', source: 'Letter of the Ministry of Commerce, 15 Feb 2026' }],
  });
  return { ...snapshot, ...over };
}

export const programmeFacts = (over: Partial<ProgrammeSnapshot> = {}): ProgrammeFacts => {
  const p = programme(over);
  return { state: p.state, window: p.window, holds: p.holds };
};

export function claim(state: ClaimState, over: Partial<ClaimSnapshot> = {}): ClaimSnapshot {
  return { ...INITIAL_CLAIM, state, lines: [matchedLine()], dueAt: new Date('2026-03-10T00:00:00Z'), ...over };
}

export function claimCtx(role: ClaimContext['role'], now: Date, over: Partial<Omit<ClaimContext, 'settings'>> & { settings?: Partial<ClaimsSettings> } = {}): ClaimContext {
  return {
    role,
    now,
    calendar: over.calendar ?? NO_HOLIDAYS,
    programme: over.programme ?? programmeFacts(),
    settings: { ...DEFAULT_CLAIMS_SETTINGS, ...over.settings },
  };
}

export function claimCmd(action: ClaimAction, payload: unknown = {}): ClaimCommand {
  return parseClaimCommand(action, payload);
}

export const SUBMIT = { declaration: true, declarationVersion: DECLARATION_VERSION };
