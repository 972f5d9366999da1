// Fraud signals for officers: patterns worth a look, never a reason to reject by themselves.
// A signal changes no state (nothing here is an action of any machine); an officer reviews it
// and dismisses it or keeps watching (a programme event), and rejects a claim only with a reason
// code of their own. Each detector is a pure function over what the server reads; its
// parameters are data (SignalSettings) and the tests pin what each one flags.
//
// - programme_burst: an hour with many more claims than the hours before it (a script, a
//   coached crowd). The first day of a programme is its own baseline: hours before a full
//   baseline exists are not judged, or the opening rush would flag itself.
// - address_burst: many claims from one address within days.
// - near_duplicate_claimants: two claims whose names and addresses nearly match (one person
//   with two SIMs); compared within blocks (district and house numbers) so 100,000 claims do
//   not make 5 billion pairs.
// - claimed_above_gateway: a line claims more than the gateway's list says was paid.
// - total_above_held: the programme's claims add up to more than the money reported held.
// - order_after_cutoff: an order dated after the programme's cut-off (the collapse).
import { z } from 'zod';
import type { DhakaDate } from '../calendar/calendar.ts';
import { claimText, formatDhakaDay } from '../i18n/claims.ts';
import { type Locale, formatDateTime, toWesternDigits } from '../i18n/messages.ts';
import { formatTaka } from './money.ts';

export const SIGNAL_CODES = ['programme_burst', 'address_burst', 'near_duplicate_claimants', 'claimed_above_gateway', 'total_above_held', 'order_after_cutoff'] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

export const SignalSettingsSchema = z.object({
  burstWindowMinutes: z.number().int().min(5).max(24 * 60).default(60),
  /** How many windows before make the baseline. */
  burstBaselineWindows: z.number().int().min(3).max(24 * 14).default(24),
  /** A window flags with at least this many claims … */
  burstMinClaims: z.number().int().min(2).default(50),
  /** … and at least this many times the baseline's average. */
  burstFactor: z.number().min(1).default(5),
  addressWindowDays: z.number().int().min(1).max(90).default(7),
  addressMinClaims: z.number().int().min(2).default(4),
  /** Similarity (0–1) of two names, and of two addresses, for a near-duplicate pair. */
  nameSimilarity: z.number().min(0.5).max(1).default(0.85),
  addressSimilarity: z.number().min(0.3).max(1).default(0.7),
  /** Pairs are compared within blocks of at most this many claims (a bigger block is an address burst). */
  maxBlock: z.number().int().min(2).max(2000).default(200),
});
export type SignalSettings = z.infer<typeof SignalSettingsSchema>;
export const DEFAULT_SIGNAL_SETTINGS: SignalSettings = SignalSettingsSchema.parse({});

export interface Signal {
  readonly code: SignalCode;
  /** Stable across runs, so an officer's review (dismissed, watching) sticks to it. */
  readonly key: string;
  readonly claimIds: readonly string[];
  readonly lineIds: readonly string[];
  /** The numbers behind it (counts, amounts in poisha, dates), for the message and the console. */
  readonly numbers: Readonly<Record<string, string | number>>;
}

const MINUTE = 60_000;

export interface SubmittedClaim {
  readonly claimId: string;
  readonly submittedAt: Date;
}

/** Hours (windows) with at least burstMinClaims claims and burstFactor times the average of the windows before. */
export function programmeBursts(claims: readonly SubmittedClaim[], s: SignalSettings = DEFAULT_SIGNAL_SETTINGS): Signal[] {
  if (claims.length === 0) return [];
  const width = s.burstWindowMinutes * MINUTE;
  const windows = new Map<number, string[]>();
  for (const c of claims) {
    const w = Math.floor(c.submittedAt.getTime() / width);
    const list = windows.get(w);
    if (list) list.push(c.claimId);
    else windows.set(w, [c.claimId]);
  }
  const first = Math.min(...windows.keys());
  const out: Signal[] = [];
  for (const [w, ids] of [...windows].sort((a, b) => a[0] - b[0])) {
    if (w - first < s.burstBaselineWindows) continue;
    let before = 0;
    for (let k = w - s.burstBaselineWindows; k < w; k++) before += windows.get(k)?.length ?? 0;
    const baseline = before / s.burstBaselineWindows;
    if (ids.length >= s.burstMinClaims && ids.length >= s.burstFactor * Math.max(baseline, 1)) {
      const from = new Date(w * width).toISOString();
      out.push({ code: 'programme_burst', key: `programme_burst:${from}`, claimIds: ids, lineIds: [], numbers: { count: ids.length, baseline: Math.round(baseline * 10) / 10, from } });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names and addresses, compared as people write them.

/** Honorifics and spellings of Muhammad that make one name look like two. */
const NAME_ALIASES: Record<string, string> = {
  md: 'md', mohammad: 'md', mohammed: 'md', muhammad: 'md', mohd: 'md', mohamed: 'md', muhammed: 'md',
  'মোঃ': 'md', 'মো': 'md', 'মোহাম্মদ': 'md', 'মুহাম্মদ': 'md', 'মুহম্মদ': 'md', 'মোহাম্মাদ': 'md',
  mst: 'mst', mosammat: 'mst', mosammath: 'mst', mossammat: 'mst', 'মোসাম্মৎ': 'mst', 'মোছাঃ': 'mst', 'মোসাঃ': 'mst', 'মোছা': 'mst',
};

export function normaliseName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[.,'’"()\-_/]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => NAME_ALIASES[w] ?? NAME_ALIASES[w.replace(/[ঃ:]$/, '')] ?? w)
    .join(' ');
}

const ADDRESS_WORDS: Record<string, string> = { 'h': 'house', 'hno': 'house', 'house#': 'house', 'bari': 'house', 'বাসা': 'house', 'বাড়ি': 'house', 'rd': 'road', 'sarak': 'road', 'সড়ক': 'road', 'রোড': 'road', 'sec': 'sector', 'সেক্টর': 'sector', 'blk': 'block', 'ব্লক': 'block', 'flat': 'flat', 'ফ্ল্যাট': 'flat' };

/** An address as a set of words: Western digits, no punctuation, common abbreviations spelt out. */
export function addressTokens(address: string): string[] {
  const words = toWesternDigits(address.normalize('NFC'))
    .toLowerCase()
    .replace(/[.,;:#'’"()\-_/]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return [...new Set(words.map((w) => ADDRESS_WORDS[w] ?? w))];
}

/** 1 − edit distance ÷ the longer length, over letters as a reader sees them. */
export function similarity(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0 && y.length === 0) return 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[y.length]! / Math.max(x.length, y.length);
}

/** Shared words ÷ all words (Jaccard) of two addresses. */
export function addressSimilarity(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  const shared = [...sa].filter((w) => sb.has(w)).length;
  const all = new Set([...sa, ...sb]).size;
  return all === 0 ? 0 : shared / all;
}

export interface ClaimantFacts {
  readonly claimId: string;
  readonly submittedAt: Date;
  readonly name: string;
  readonly district: string;
  readonly address: string;
}

const addressKey = (c: ClaimantFacts) => `${c.district}|${addressTokens(c.address).sort().join(' ')}`;

/** Addresses with addressMinClaims or more claims within addressWindowDays. */
export function addressBursts(claims: readonly ClaimantFacts[], s: SignalSettings = DEFAULT_SIGNAL_SETTINGS): Signal[] {
  const byAddress = new Map<string, ClaimantFacts[]>();
  for (const c of claims) {
    const k = addressKey(c);
    const list = byAddress.get(k);
    if (list) list.push(c);
    else byAddress.set(k, [c]);
  }
  const out: Signal[] = [];
  const span = s.addressWindowDays * 24 * 60 * MINUTE;
  for (const [k, list] of byAddress) {
    if (list.length < s.addressMinClaims) continue;
    const sorted = [...list].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    // The largest group within any window of the given span (two pointers).
    let best: ClaimantFacts[] = [];
    for (let i = 0, j = 0; j < sorted.length; j++) {
      while (sorted[j]!.submittedAt.getTime() - sorted[i]!.submittedAt.getTime() > span) i++;
      if (j - i + 1 > best.length) best = sorted.slice(i, j + 1);
    }
    if (best.length >= s.addressMinClaims) out.push({ code: 'address_burst', key: `address_burst:${k}`, claimIds: best.map((c) => c.claimId), lineIds: [], numbers: { count: best.length, days: s.addressWindowDays } });
  }
  return out;
}

/** Pairs of claims whose names and addresses both nearly match, compared within blocks of district and house numbers. */
export function nearDuplicateClaimants(claims: readonly ClaimantFacts[], s: SignalSettings = DEFAULT_SIGNAL_SETTINGS): Signal[] {
  const prepared = claims.map((c) => ({ c, name: normaliseName(c.name), tokens: addressTokens(c.address) }));
  const blocks = new Map<string, typeof prepared>();
  for (const p of prepared) {
    const numbers = p.tokens.filter((t) => /^\d+$/.test(t)).sort();
    const key = `${p.c.district}|${numbers.join(',')}`;
    const list = blocks.get(key);
    if (list) list.push(p);
    else blocks.set(key, [p]);
  }
  const out: Signal[] = [];
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > s.maxBlock) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const a = block[i]!;
        const b = block[j]!;
        const names = similarity(a.name, b.name);
        const addresses = addressSimilarity(a.tokens, b.tokens);
        if (names >= s.nameSimilarity && addresses >= s.addressSimilarity) {
          const [x, y] = [a.c.claimId, b.c.claimId].sort();
          out.push({ code: 'near_duplicate_claimants', key: `near_duplicate_claimants:${x}:${y}`, claimIds: [x!, y!], lineIds: [], numbers: { names: Math.round(names * 100), addresses: Math.round(addresses * 100) } });
        }
      }
    }
  }
  return out;
}

export interface MatchedLineFacts {
  readonly claimId: string;
  readonly lineId: string;
  readonly amountPaidPoisha: number;
  readonly orderDate: DhakaDate;
  /** The amount the gateway's list shows for the same transaction, when matched. */
  readonly gatewayAmountPoisha: number | null;
}

export function claimedAboveGateway(lines: readonly MatchedLineFacts[]): Signal[] {
  return lines
    .filter((l) => l.gatewayAmountPoisha !== null && l.amountPaidPoisha > l.gatewayAmountPoisha)
    .map((l) => ({
      code: 'claimed_above_gateway' as const,
      key: `claimed_above_gateway:${l.lineId}`,
      claimIds: [l.claimId],
      lineIds: [l.lineId],
      numbers: { claimed: l.amountPaidPoisha, gateway: l.gatewayAmountPoisha! },
    }));
}

export function ordersAfterCutoff(lines: readonly MatchedLineFacts[], cutoff: DhakaDate): Signal[] {
  return lines
    .filter((l) => l.orderDate > cutoff)
    .map((l) => ({ code: 'order_after_cutoff' as const, key: `order_after_cutoff:${l.lineId}`, claimIds: [l.claimId], lineIds: [l.lineId], numbers: { date: l.orderDate, cutoff } }));
}

/** The programme's claims (paid less refunds, of claims sent) against the money reported held. */
export function totalAboveHeld(claimedPoisha: number, heldPoisha: number): Signal[] {
  return claimedPoisha > heldPoisha ? [{ code: 'total_above_held', key: 'total_above_held', claimIds: [], lineIds: [], numbers: { claimed: claimedPoisha, held: heldPoisha } }] : [];
}

export interface SignalInput {
  readonly claimants: readonly ClaimantFacts[];
  readonly lines: readonly MatchedLineFacts[];
  readonly cutoff: DhakaDate;
  readonly claimedPoisha: number;
  readonly heldPoisha: number;
}

/** Every signal of a programme, in the order of SIGNAL_CODES. */
export function programmeSignals(input: SignalInput, s: SignalSettings = DEFAULT_SIGNAL_SETTINGS): Signal[] {
  return [
    ...programmeBursts(input.claimants, s),
    ...addressBursts(input.claimants, s),
    ...nearDuplicateClaimants(input.claimants, s),
    ...claimedAboveGateway(input.lines),
    ...totalAboveHeld(input.claimedPoisha, input.heldPoisha),
    ...ordersAfterCutoff(input.lines, input.cutoff),
  ];
}

/** What a signal says, in the officer's language, with its numbers. */
export function signalText(locale: Locale, s: Signal): string {
  const n = s.numbers;
  const num = (k: string) => Number(n[k] ?? 0);
  const str = (k: string) => String(n[k] ?? '');
  switch (s.code) {
    case 'programme_burst':
      return claimText(locale, 'claims.signal.programme_burst', { count: num('count'), baseline: num('baseline'), from: formatDateTime(locale, new Date(str('from'))) });
    case 'address_burst':
      return claimText(locale, 'claims.signal.address_burst', { count: num('count'), days: num('days') });
    case 'near_duplicate_claimants':
      return claimText(locale, 'claims.signal.near_duplicate_claimants');
    case 'claimed_above_gateway':
      return claimText(locale, 'claims.signal.claimed_above_gateway', { claimed: formatTaka(locale, num('claimed')), gateway: formatTaka(locale, num('gateway')) });
    case 'total_above_held':
      return claimText(locale, 'claims.signal.total_above_held', { claimed: formatTaka(locale, num('claimed')), held: formatTaka(locale, num('held')) });
    case 'order_after_cutoff':
      return claimText(locale, 'claims.signal.order_after_cutoff', { date: formatDhakaDay(locale, str('date')), cutoff: formatDhakaDay(locale, str('cutoff')) });
  }
}
