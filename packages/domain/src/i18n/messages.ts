// Message look-up and formatting. Bengali readers get Bengali digits and dates (Intl, bn-BD);
// every date is shown in Asia/Dhaka time.
import { bn } from './bn.ts';
import { en, type MessageKey } from './en.ts';

export const LOCALES = ['bn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { bn, en };

const INTL: Record<Locale, string> = { bn: 'bn-BD', en: 'en-GB' };

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export type Params = Readonly<Record<string, string | number>>;

/** Fill {name} placeholders; numbers are written in the locale's digits. */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  return fillMessage(locale, CATALOGUES[locale][key], params);
}

/** A message's {name} placeholders filled, numbers in the locale's digits (t, and catalogues
 *  kept apart from the main one, such as the field messages). */
export function fillMessage(locale: Locale, template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(locale, v) : v;
  });
}

// Building an Intl formatter is costly (it showed in filing profiles): one per locale.
const memo = <T>(make: (l: Locale) => T): ((l: Locale) => T) => {
  const cache = new Map<Locale, T>();
  return (l) => {
    let f = cache.get(l);
    if (!f) cache.set(l, (f = make(l)));
    return f;
  };
};
const numberFormat = memo((l) => new Intl.NumberFormat(INTL[l], { maximumFractionDigits: 2 }));
const dateFormat = memo((l) => new Intl.DateTimeFormat(INTL[l], { timeZone: 'Asia/Dhaka', day: 'numeric', month: 'short', year: 'numeric' }));
const dateTimeFormat = memo(
  (l) =>
    new Intl.DateTimeFormat(INTL[l], {
      timeZone: 'Asia/Dhaka',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      // Bengali readers say the part of the day (সকাল, দুপুর, বিকাল, রাত), not AM/PM.
      ...(l === 'bn' ? { dayPeriod: 'short' as const } : {}),
    }),
);

export function formatNumber(locale: Locale, n: number): string {
  return numberFormat(locale).format(n);
}

/** Taka amounts as ৳ with the locale's digits: ৳১,৫০০ / ৳1,500. */
export function formatBdt(locale: Locale, amount: number): string {
  return `৳${formatNumber(locale, amount)}`;
}

/** A date as a reader in Dhaka reads it: "২৬ নভেম্বর ২০২৬" / "26 Nov 2026". */
export function formatDate(locale: Locale, instant: Date): string {
  return dateFormat(locale).format(instant);
}

export function formatDateTime(locale: Locale, instant: Date): string {
  if (locale === 'en') return dateTimeFormat(locale).format(instant);
  // Intl writes "২২ নভে, ২০২৬, ১১:৫৯ রাত্রি", and a message going on "…-এর মধ্যে" read
  // "রাত্রি-এর মধ্যে". Bengali says the part of the day first: "২২ নভে, ২০২৬, রাত ১১:৫৯".
  const parts = dateTimeFormat(locale).formatToParts(instant);
  const period = parts.find((p) => p.type === 'dayPeriod')?.value;
  const time = parts.findIndex((p) => p.type === 'hour');
  if (!period || time < 0) return parts.map((p) => p.value).join('');
  const text = parts
    .filter((p) => p.type !== 'dayPeriod')
    .map((p, i) => (i === time ? `${period === 'রাত্রি' ? 'রাত' : period} ${p.value}` : p.value))
    .join('');
  return text.trim();
}

/** Western digits written in Bengali (for codes that must stay readable as entered). */
export function toBengaliDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(0x09e6 + Number(d)));
}

/** Bengali (and Arabic-Indic) digits typed by a user, as Western digits. */
export function toWesternDigits(s: string): string {
  return s
    .replace(/[\u09e6-\u09ef]/g, (d) => String(d.charCodeAt(0) - 0x09e6))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** Pick the locale from an Accept-Language header; Bengali is the default. */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return 'bn';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'bn' || base === 'en') return base;
  }
  return 'bn';
}

/** Characters per SMS segment: Bengali needs UCS-2 (70, 67 when split); ASCII GSM-7 (160, 153). */
export function smsSegments(text: string): number {
  const unicode = /[^\x00-\x7f]/.test(text);
  const single = unicode ? 70 : 160;
  const multi = unicode ? 67 : 153;
  const length = [...text].length;
  return length <= single ? 1 : Math.ceil(length / multi);
}
