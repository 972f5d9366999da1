// The keys that make a payment the same payment, whoever names it: (gateway, transaction id)
// and (merchant, order id). Each line of every claim, and each row of an imported list, is
// indexed under both; two claimants naming the same key is a dispute an officer resolves, never
// a silent refusal (duplicateOutcome). People type ids in many ways, so the keys are normalised
// here, once: the database's unique indexes (phase 2) hold these normalised values.
import { toWesternDigits } from '../i18n/messages.ts';
import type { Gateway, ListKind } from './vocabulary.ts';

/** An order id or a transaction id as typed: letters, digits and the separators people use. */
export const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} #\-_/.:]*$/u;

/**
 * An id in its comparable form: Bengali digits as Western, upper case, without the separators
 * and the leading '#' people add or leave out ("#EV-10234", "ev 10234" and "EV10234" are one
 * order). Leading zeros are kept: "00123" and "123" may be different orders, and a wrong merge
 * would hide a claim behind another's.
 */
export function normaliseId(raw: string): string {
  return toWesternDigits(raw.normalize('NFKC'))
    .toUpperCase()
    .replace(/[\s#\-_/.:]/g, '');
}

/** The transaction key: 'bkash:8N7A6B5C4D'. Null when the line names no transaction. */
export function transactionKey(gateway: Gateway | undefined | null, txnId: string | undefined | null): string | null {
  if (!gateway || !txnId) return null;
  const id = normaliseId(txnId);
  return id ? `${gateway}:${id}` : null;
}

/** The order key: '<merchant id>:EV10234'. Null when the line names no order id. */
export function orderKey(merchantId: string, orderId: string | undefined | null): string | null {
  if (!orderId) return null;
  const id = normaliseId(orderId);
  return id ? `${merchantId}:${id}` : null;
}

export interface LineKeys {
  readonly transaction: string | null;
  readonly order: string | null;
}

export function lineKeys(
  merchantId: string,
  facts: { gateway?: Gateway | undefined; gatewayTxnId?: string | undefined; merchantOrderId?: string | undefined },
): LineKeys {
  return { transaction: transactionKey(facts.gateway, facts.gatewayTxnId), order: orderKey(merchantId, facts.merchantOrderId) };
}

/** The keys as a list, for looking them up (a line has one or two). */
export const keysOf = (k: LineKeys): string[] => [k.transaction, k.order].filter((x): x is string => x !== null);

/** A line already holding a key: which claim and line. */
export interface KeyHolder {
  readonly claimId: string;
  readonly lineId: string;
}

/**
 * What happens when a claimant names a payment whose key is already on a claim:
 * - 'new': no claim holds it; the line is added.
 * - 'same_claim': this claim already has it; the claimant is told which line (a line twice in
 *   one claim is a typing slip, not a dispute).
 * - 'dispute': another claim holds it. The new line is added in state `disputed` and the lines
 *   holding the key are disputed too; an officer decides whose payment it was. Nobody's line is
 *   refused or hidden because someone else named it first.
 */
export type DuplicateOutcome =
  | { readonly kind: 'new' }
  | { readonly kind: 'same_claim'; readonly lineId: string }
  | { readonly kind: 'dispute'; readonly with: readonly KeyHolder[] };

export function duplicateOutcome(claimId: string, keys: LineKeys, holders: (key: string) => readonly KeyHolder[]): DuplicateOutcome {
  const found = new Map<string, KeyHolder>();
  for (const key of keysOf(keys)) for (const h of holders(key)) found.set(h.lineId, h);
  const own = [...found.values()].find((h) => h.claimId === claimId);
  if (own) return { kind: 'same_claim', lineId: own.lineId };
  if (found.size === 0) return { kind: 'new' };
  return { kind: 'dispute', with: [...found.values()] };
}

/** The last four digits of an account or wallet number; the rest is never kept. */
export function lastFourDigits(account: string): string | null {
  const digits = toWesternDigits(account).replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** An imported list's row holding a key: which entry, of which kind of list, for how much. */
export interface ListEntryRef {
  readonly entryId: string;
  readonly kind: ListKind;
  readonly amountPoisha: number;
}

/**
 * The list rows a line matches, by either key: at most one of each kind of list (the first
 * found; a list never holds one key twice, importRows.ts refuses it). The server turns each
 * into a `match_list` step on the line.
 */
export function listMatchesFor(keys: LineKeys, entries: (key: string) => readonly ListEntryRef[]): { gateway: ListEntryRef | null; merchant: ListEntryRef | null } {
  const found = keysOf(keys).flatMap((k) => entries(k));
  return { gateway: found.find((e) => e.kind === 'gateway') ?? null, merchant: found.find((e) => e.kind === 'merchant') ?? null };
}
