// A claims programme: one per collapsed merchant, opened by an officer, with a public page.
// Its states, what may change in each, and every change as a typed event, as one table (like
// the complaint lifecycle). The programme's facts are public: who is eligible, who holds the
// money and how much, the legal holds with their dates and sources, the claim window.
//
//   collecting ──(last date passes, or an officer after it)──▶ verifying ──▶ paying ──▶ closed
//
// Claims arrive while collecting; after the last date they are still accepted, marked late and
// queued behind (claimMachine.ts). A later issue lets a registered consumer society propose a
// programme; an officer still opens it.
import { z } from 'zod';
import { type DhakaDate, dhakaDate, endOfDhakaDate } from '../calendar/calendar.ts';
import { type DueRule, fixedRule } from '../calendar/dueRule.ts';
import { DhakaDay, Uuid } from '../wire.ts';
import { MAX_HELD_POISHA } from './money.ts';
import { GATEWAYS, PAYMENT_CHANNELS, type PaymentChannel } from './vocabulary.ts';

export const PROGRAMME_STATES = ['collecting', 'verifying', 'paying', 'closed'] as const;
export type ProgrammeState = (typeof PROGRAMME_STATES)[number];
export const PROGRAMME_ROLES = ['officer', 'system'] as const;
export type ProgrammeRole = (typeof PROGRAMME_ROLES)[number];

/** Legal holds and what each stops. "Cases pending: no refund until police clearance" needs a
 *  clearance on every line before it is allowed; a court's stay (or any other hold) stops payments. */
export const LEGAL_HOLD_KINDS = ['police_clearance_required', 'payments_stayed', 'other'] as const;
export type LegalHoldKind = (typeof LEGAL_HOLD_KINDS)[number];
export const HOLD_EFFECTS: Record<LegalHoldKind, { readonly stopsPayments: boolean; readonly requiresClearance: boolean }> = {
  police_clearance_required: { stopsPayments: false, requiresClearance: true },
  payments_stayed: { stopsPayments: true, requiresClearance: false },
  other: { stopsPayments: true, requiresClearance: false },
};

const Text = (max: number) => z.string().trim().min(3).max(max);
/** Where a public fact comes from: a letter, a notice, a news report (and its link when there is one). */
const Source = Text(500);
const SourceUrl = z.url({ protocol: /^https?$/ }).max(1000);

export const EligibilitySchema = z
  .object({
    /** Orders placed from this Dhaka date … */
    orderDateFrom: DhakaDay,
    /** … up to and including this one: the cut-off (orders after it are a fraud signal too). */
    orderDateTo: DhakaDay,
    channels: z.array(z.enum(PAYMENT_CHANNELS)).min(1).max(PAYMENT_CHANNELS.length),
  })
  .strict()
  .refine((e) => e.orderDateFrom <= e.orderDateTo, { message: 'the range ends before it starts', path: ['orderDateTo'] })
  .refine((e) => new Set(e.channels).size === e.channels.length, { message: 'each channel once', path: ['channels'] });
export type Eligibility = z.infer<typeof EligibilitySchema>;

export const HolderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('gateway'), gateway: z.enum(GATEWAYS) }).strict(),
  z.object({ kind: z.literal('bank_account'), bank: Text(100), accountLast4: z.string().regex(/^\d{4}$/) }).strict(),
  z.object({ kind: z.literal('other'), name: Text(200) }).strict(),
]);
export type Holder = z.infer<typeof HolderSchema>;

/** Money a third party reports holding for the merchant's customers, as of a date, from a source. */
export const MoneyHeldSchema = z
  .object({
    holder: HolderSchema,
    amountPoisha: z.number().int().min(0).max(MAX_HELD_POISHA),
    asOf: DhakaDay,
    source: Source,
    sourceUrl: SourceUrl.optional(),
  })
  .strict();
export type MoneyHeld = z.infer<typeof MoneyHeldSchema>;

export const ClaimWindowSchema = z
  .object({ opensOn: DhakaDay, lastDate: DhakaDay })
  .strict()
  .refine((w) => w.opensOn <= w.lastDate, { message: 'the window closes before it opens', path: ['lastDate'] });
export type ClaimWindow = z.infer<typeof ClaimWindowSchema>;

/** A public notice on the programme's page, Bengali first. */
export const NoticeSchema = z.object({ bn: Text(2000), en: Text(2000) }).strict();

export interface LegalHold {
  readonly id: string;
  readonly kind: LegalHoldKind;
  readonly note: string;
  readonly since: DhakaDate;
  readonly source: string;
  readonly sourceUrl: string | null;
  readonly lifted: { readonly on: DhakaDate; readonly source: string } | null;
}

export interface ProgrammeSnapshot {
  readonly state: ProgrammeState;
  readonly merchantId: string;
  readonly eligibility: Eligibility;
  readonly moneyHeld: readonly MoneyHeld[];
  readonly holds: readonly LegalHold[];
  readonly window: ClaimWindow;
  readonly notice: { readonly bn: string; readonly en: string } | null;
  readonly closure: { readonly code: 'completed' | 'cancelled'; readonly note: string } | null;
}

export const OpenProgrammeSchema = z
  .object({
    merchantId: Uuid,
    eligibility: EligibilitySchema,
    window: ClaimWindowSchema,
    moneyHeld: z.array(MoneyHeldSchema).max(20).default([]),
    notice: NoticeSchema.optional(),
  })
  .strict();
export type OpenProgrammeInput = z.infer<typeof OpenProgrammeSchema>;

export const ProgrammeActionPayloads = {
  set_eligibility: z.object({ eligibility: EligibilitySchema }).strict(),
  report_money_held: MoneyHeldSchema,
  add_legal_hold: z
    .object({ holdId: Uuid, kind: z.enum(LEGAL_HOLD_KINDS), note: Text(1000), since: DhakaDay, source: Source, sourceUrl: SourceUrl.optional() })
    .strict(),
  lift_legal_hold: z.object({ holdId: Uuid, on: DhakaDay, source: Source }).strict(),
  extend_window: z.object({ lastDate: DhakaDay }).strict(),
  update_notice: z.object({ notice: NoticeSchema }).strict(),
  start_verifying: z.object({}).strict(),
  start_paying: z.object({ note: Text(1000).optional() }).strict(),
  close: z.object({ code: z.enum(['completed', 'cancelled']), note: Text(2000) }).strict(),
} as const;

export type ProgrammeAction = keyof typeof ProgrammeActionPayloads;
export const PROGRAMME_ACTIONS = Object.keys(ProgrammeActionPayloads) as ProgrammeAction[];
export type ProgrammePayloadOf<A extends ProgrammeAction> = z.infer<(typeof ProgrammeActionPayloads)[A]>;
export type ProgrammeCommand = { [A in ProgrammeAction]: { action: A; payload: ProgrammePayloadOf<A> } }[ProgrammeAction];

export function parseProgrammeCommand(action: ProgrammeAction, payload: unknown): ProgrammeCommand {
  return { action, payload: ProgrammeActionPayloads[action].parse(payload) } as ProgrammeCommand;
}

export type ProgrammeGuard =
  | 'narrows_eligibility'
  | 'hold_not_active'
  | 'lift_before_hold'
  | 'window_not_later'
  | 'window_open'
  | 'payments_stayed'
  | 'claims_open';

export interface ProgrammeContext {
  readonly now: Date;
  readonly role: ProgrammeRole;
  /** Claims submitted so far: eligibility may widen after the first, never narrow. */
  readonly submittedClaims: number;
  /** Claims not finished (not paid, partly paid, rejected or withdrawn): a programme with money still owed stays open. */
  readonly openClaims: number;
}

/** The timer slots of a programme: its one clock, the claim window. */
export const PROGRAMME_TIMER_PURPOSES = ['claim_window'] as const;

/** The programme's one clock: the claim window. Its expiry moves the programme to verifying. */
export interface ProgrammeClock {
  readonly purpose: (typeof PROGRAMME_TIMER_PURPOSES)[number];
  readonly dueAt: Date;
  readonly rule: DueRule;
  readonly onExpiry: ProgrammeAction;
}

export interface ProgrammeOutcome {
  readonly from: ProgrammeState;
  readonly to: ProgrammeState;
  readonly snapshot: ProgrammeSnapshot;
  readonly clock: ProgrammeClock | 'keep' | null;
}

interface ProgrammeTransition<A extends ProgrammeAction> {
  readonly from: readonly ProgrammeState[];
  readonly roles: readonly ProgrammeRole[];
  readonly guard?: (s: ProgrammeSnapshot, p: ProgrammePayloadOf<A>, ctx: ProgrammeContext) => ProgrammeGuard | null;
  readonly to?: ProgrammeState;
  readonly patch?: (s: ProgrammeSnapshot, p: ProgrammePayloadOf<A>) => Partial<ProgrammeSnapshot>;
  /** Whether the step sets the window's clock again (the others keep it). */
  readonly resetsClock?: boolean;
}

const NOT_CLOSED: readonly ProgrammeState[] = ['collecting', 'verifying', 'paying'];

/** Whether every order and channel eligible under `before` is still eligible under `after`. */
export function widensOrKeeps(before: Eligibility, after: Eligibility): boolean {
  return after.orderDateFrom <= before.orderDateFrom && after.orderDateTo >= before.orderDateTo && before.channels.every((c) => after.channels.includes(c));
}

/** One holder is one entry: a new report from it replaces the last. */
export function holderKey(h: Holder): string {
  switch (h.kind) {
    case 'gateway':
      return `gateway:${h.gateway}`;
    case 'bank_account':
      return `bank:${h.bank.toLowerCase()}:${h.accountLast4}`;
    case 'other':
      return `other:${h.name.toLowerCase()}`;
  }
}

const activeHold = (s: ProgrammeSnapshot, id: string) => s.holds.find((h) => h.id === id && h.lifted === null);

export const PROGRAMME_TRANSITIONS: { readonly [A in ProgrammeAction]: ProgrammeTransition<A> } = {
  set_eligibility: {
    from: ['collecting'],
    roles: ['officer'],
    // Narrowing after claims arrived would turn claimants who filed in good faith ineligible.
    guard: (s, p, ctx) => (ctx.submittedClaims > 0 && !widensOrKeeps(s.eligibility, p.eligibility) ? 'narrows_eligibility' : null),
    patch: (_s, p) => ({ eligibility: p.eligibility }),
  },
  report_money_held: {
    from: NOT_CLOSED,
    roles: ['officer'],
    patch: (s, p) => ({ moneyHeld: [...s.moneyHeld.filter((m) => holderKey(m.holder) !== holderKey(p.holder)), p] }),
  },
  add_legal_hold: {
    from: NOT_CLOSED,
    roles: ['officer'],
    patch: (s, p) => ({
      holds: [...s.holds, { id: p.holdId, kind: p.kind, note: p.note, since: p.since, source: p.source, sourceUrl: p.sourceUrl ?? null, lifted: null }],
    }),
  },
  lift_legal_hold: {
    from: NOT_CLOSED,
    roles: ['officer'],
    guard: (s, p) => {
      const h = activeHold(s, p.holdId);
      if (!h) return 'hold_not_active';
      return p.on < h.since ? 'lift_before_hold' : null;
    },
    patch: (s, p) => ({ holds: s.holds.map((h) => (h.id === p.holdId ? { ...h, lifted: { on: p.on, source: p.source } } : h)) }),
  },
  extend_window: {
    from: ['collecting'],
    roles: ['officer'],
    // A published last date is a promise: it may move later, never earlier.
    guard: (s, p) => (p.lastDate > s.window.lastDate ? null : 'window_not_later'),
    patch: (s, p) => ({ window: { ...s.window, lastDate: p.lastDate } }),
    resetsClock: true,
  },
  update_notice: {
    from: NOT_CLOSED,
    roles: ['officer'],
    patch: (_s, p) => ({ notice: p.notice }),
  },
  start_verifying: {
    from: ['collecting'],
    roles: ['officer', 'system'],
    // Not before the published last date has passed (Dhaka time).
    guard: (s, _p, ctx) => (dhakaDate(ctx.now) > s.window.lastDate ? null : 'window_open'),
    to: 'verifying',
  },
  start_paying: {
    from: ['verifying'],
    roles: ['officer'],
    guard: (s) => (holdEffects(s.holds).stopsPayments ? 'payments_stayed' : null),
    to: 'paying',
  },
  close: {
    from: NOT_CLOSED,
    roles: ['officer'],
    guard: (_s, _p, ctx) => (ctx.openClaims > 0 ? 'claims_open' : null),
    to: 'closed',
    patch: (_s, p) => ({ closure: { code: p.code, note: p.note } }),
  },
};

/** What may change in each state: the steps an officer (or the system) may take in it. */
export function programmeActionsIn(state: ProgrammeState, role: ProgrammeRole): ProgrammeAction[] {
  return PROGRAMME_ACTIONS.filter((a) => PROGRAMME_TRANSITIONS[a].from.includes(state) && PROGRAMME_TRANSITIONS[a].roles.includes(role));
}

/** What the holds in force stop: payments altogether, or lines without a police clearance. */
export function holdEffects(holds: readonly LegalHold[]): { stopsPayments: boolean; requiresClearance: boolean } {
  const active = holds.filter((h) => h.lifted === null);
  return {
    stopsPayments: active.some((h) => HOLD_EFFECTS[h.kind].stopsPayments),
    requiresClearance: active.some((h) => HOLD_EFFECTS[h.kind].requiresClearance),
  };
}

/** The total reported held, over every holder's latest report. */
export const totalHeldPoisha = (s: Pick<ProgrammeSnapshot, 'moneyHeld'>): number => s.moneyHeld.reduce((sum, m) => sum + m.amountPoisha, 0);

/** The window's clock: the end of the last date (Dhaka), when collecting ends. */
export function windowClock(s: ProgrammeSnapshot): ProgrammeClock | null {
  if (s.state !== 'collecting') return null;
  const rule = fixedRule(endOfDhakaDate(s.window.lastDate));
  return { purpose: 'claim_window', dueAt: endOfDhakaDate(s.window.lastDate), rule, onExpiry: 'start_verifying' };
}

/** A new programme from the officer's form. */
export function openProgramme(input: OpenProgrammeInput): { snapshot: ProgrammeSnapshot; clock: ProgrammeClock | null } {
  const snapshot: ProgrammeSnapshot = {
    state: 'collecting',
    merchantId: input.merchantId,
    eligibility: input.eligibility,
    moneyHeld: dedupeHolders(input.moneyHeld),
    holds: [],
    window: input.window,
    notice: input.notice ?? null,
    closure: null,
  };
  return { snapshot, clock: windowClock(snapshot) };
}

function dedupeHolders(list: readonly MoneyHeld[]): MoneyHeld[] {
  const byHolder = new Map<string, MoneyHeld>();
  for (const m of list) byHolder.set(holderKey(m.holder), m);
  return [...byHolder.values()];
}

export type ProgrammeTransitionError =
  | { readonly code: 'invalid_transition'; readonly from: ProgrammeState; readonly action: ProgrammeAction }
  | { readonly code: 'role_not_allowed'; readonly role: ProgrammeRole; readonly action: ProgrammeAction }
  | { readonly code: 'guard_failed'; readonly guard: ProgrammeGuard; readonly action: ProgrammeAction };

export type ProgrammeTransitionResult = { ok: true; outcome: ProgrammeOutcome } | { ok: false; error: ProgrammeTransitionError };

export function transitionProgramme(s: ProgrammeSnapshot, cmd: ProgrammeCommand, ctx: ProgrammeContext): ProgrammeTransitionResult {
  const t = PROGRAMME_TRANSITIONS[cmd.action] as unknown as ProgrammeTransition<ProgrammeAction>;
  const payload = cmd.payload as never;
  if (!t.roles.includes(ctx.role)) return { ok: false, error: { code: 'role_not_allowed', role: ctx.role, action: cmd.action } };
  if (!t.from.includes(s.state)) return { ok: false, error: { code: 'invalid_transition', from: s.state, action: cmd.action } };
  const failed = t.guard?.(s, payload, ctx) ?? null;
  if (failed) return { ok: false, error: { code: 'guard_failed', guard: failed, action: cmd.action } };
  const to = t.to ?? s.state;
  const snapshot: ProgrammeSnapshot = { ...s, ...(t.patch?.(s, payload) ?? {}), state: to };
  // The window's clock runs only while collecting; leaving collecting stops it.
  const clock = to !== 'collecting' ? null : t.resetsClock ? windowClock(snapshot) : 'keep';
  return { ok: true, outcome: { from: s.state, to, snapshot, clock } };
}

/** Whether `channel` is one of the programme's eligible channels. */
export const channelEligible = (e: Eligibility, channel: PaymentChannel): boolean => e.channels.includes(channel);
