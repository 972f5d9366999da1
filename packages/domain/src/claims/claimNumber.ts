// Claim numbers are made like complaint tracking codes (identity/trackingCode.ts): ten digits
// read out over the phone, grouped 482-193-5706, with a Damm check digit that catches a wrong
// digit or two swapped ones. Digits only, for readers of Bengali; a claim and a complaint are
// told apart by where they are looked up, and SMS say "দাবি" (claim) before the number.
import { makeTrackingCode, parseTrackingCode } from '../identity/trackingCode.ts';

/** A claim number from 9 random digits (the caller supplies randomness: the domain does no I/O). */
export const makeClaimNumber = (nineDigits: string): string => makeTrackingCode(nineDigits);

/** A claim number as a person typed it (Bengali digits, spaces), or null when it is not one. */
export const parseClaimNumber = (input: string): string | null => parseTrackingCode(input);
