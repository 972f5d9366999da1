// Instruments a claimant holds from the merchant: post-dated cheques (Alesha Mart's, often at
// the full retail price and often bounced) and vouchers. They are recorded with the claim but
// never counted as money owed (amount.ts): what is refunded is what was paid. Before a payment
// the instrument must be handed back, so the merchant cannot be made to pay twice; the
// surrender is a recorded condition ("cheque no. 004512 of Dutch-Bangla Bank returned on
// 12 Mar 2026"), an event of the claim, and a line of the payment checklist (conditions.ts).
import { z } from 'zod';
import type { Locale } from '../i18n/messages.ts';
import { DhakaDay, Uuid } from '../wire.ts';
import { ID_PATTERN } from './keys.ts';
import { MAX_LINE_POISHA, formatTaka } from './money.ts';
import { claimText, formatDhakaDay } from '../i18n/claims.ts';

export const INSTRUMENT_KINDS = ['cheque', 'voucher'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
export const MAX_INSTRUMENTS_PER_CLAIM = 20;

const Face = z.number().int().min(1).max(MAX_LINE_POISHA);
const Ref = z.string().trim().min(1).max(60).regex(ID_PATTERN);

export const ChequeSchema = z
  .object({
    kind: z.literal('cheque'),
    number: Ref,
    bank: z.string().trim().min(2).max(100),
    /** The amount written on the cheque: recorded, never what is refunded. */
    facePoisha: Face,
    /** The date written on the cheque (often post-dated). */
    dated: DhakaDay,
    bounced: z.boolean(),
    /** The lines (payments) the merchant gave it for, when the claimant knows. */
    lineIds: z.array(Uuid).max(50).default([]),
  })
  .strict();

export const VoucherSchema = z
  .object({
    kind: z.literal('voucher'),
    code: Ref,
    facePoisha: Face,
    expires: DhakaDay.optional(),
    lineIds: z.array(Uuid).max(50).default([]),
  })
  .strict();

export const InstrumentInputSchema = z.discriminatedUnion('kind', [ChequeSchema, VoucherSchema]);
export type InstrumentInput = z.infer<typeof InstrumentInputSchema>;

/** The surrender of an instrument, as recorded by an officer (or the payer's agent). */
export const SurrenderSchema = z
  .object({
    on: DhakaDay,
    /** Where it was handed in: the office, the bank branch. */
    place: z.string().trim().min(2).max(200),
    reference: z.string().trim().max(100).optional(),
  })
  .strict();
export type Surrender = z.infer<typeof SurrenderSchema>;

export interface Instrument {
  readonly id: string;
  readonly input: InstrumentInput;
  readonly surrender: Surrender | null;
}

/** The recorded condition in the reader's language: "Cheque no. 004512 (Dutch-Bangla Bank) returned on 12 Mar 2026". */
export function surrenderText(locale: Locale, i: Instrument): string {
  const date = i.surrender ? formatDhakaDay(locale, i.surrender.on) : null;
  const face = formatTaka(locale, i.input.facePoisha);
  if (i.input.kind === 'cheque') {
    return date
      ? claimText(locale, 'claims.instrument.cheque_returned', { number: i.input.number, bank: i.input.bank, face, date })
      : claimText(locale, 'claims.instrument.cheque_to_return', { number: i.input.number, bank: i.input.bank, face });
  }
  return date
    ? claimText(locale, 'claims.instrument.voucher_returned', { code: i.input.code, face, date })
    : claimText(locale, 'claims.instrument.voucher_to_return', { code: i.input.code, face });
}
