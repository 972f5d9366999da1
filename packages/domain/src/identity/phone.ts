// Bangladeshi mobile numbers: +880 1X XXXX XXXX, where the operator digit X is 3–9
// (013/017 Grameenphone, 014/019 Banglalink, 015 Teletalk, 016/018 Robi/Airtel).
import { toWesternDigits } from '../i18n/messages.ts';

/** The number in E.164 form (+8801712345678), or null when it is not a Bangladeshi mobile. */
export function normalizeBdMobile(input: string): string | null {
  let digits = toWesternDigits(input).replace(/[\s\-().]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.startsWith('880')) digits = digits.slice(3);
  if (digits.startsWith('1') && digits.length === 10) digits = `0${digits}`;
  if (!/^01[3-9]\d{8}$/.test(digits)) return null;
  return `+88${digits}`;
}

/** For showing a number without giving all of it away: +880 17•• ••• 678. */
export function maskMobile(e164: string): string {
  return `${e164.slice(0, 4)} ${e164.slice(4, 6)}•• ••• ${e164.slice(-3)}`;
}
