// The trust badge: whether a merchant is registered (trade licence, DBID) and its record on
// Nalish over the last 12 months, bound to the merchant's own websites. The page showing the
// badge is known from the browser's Origin header (the badge script's fetch) or its Referer
// (the SVG image); on any other site the badge says "not verified for this site" and shows no
// record, so a good record cannot be borrowed by pasting another shop's snippet.
import { type Locale, t } from '@nalish/domain';
import type { BadgeRecord } from '@nalish/domain/responses';
import type { Queryable } from '../db/db.ts';
import { badgeRecord } from '../stats/figures.ts';

export type { BadgeRecord };

export interface Badge {
  merchantId: string;
  name: string;
  status: 'registered' | 'unclaimed' | 'suspended';
  registered: boolean;
  tradeLicence: boolean;
  dbid: boolean;
  profileUrl: string;
  /** The site showing the badge, and whether it is one of the merchant's websites. */
  site: { host: string | null; verified: boolean };
  record: BadgeRecord | null;
  text: BadgeText;
}

export interface BadgeText {
  brand: string;
  status: string;
  papers: string;
  lines: string[];
  site: string;
  profile: string;
}

/** A host as a website is stored: lower case, no trailing dot, no "www.". */
function hostOf(url: string | undefined): string | null {
  if (!url || url === 'null') return null;
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
    return host || null;
  } catch {
    return null;
  }
}

/** The page asking: the Origin header of a script's fetch, else the Referer of an image. */
export function pageHost(headers: { origin?: string | undefined; referer?: string | undefined }): string | null {
  return hostOf(headers.origin) ?? hostOf(headers.referer);
}

/** The merchant's website the host belongs to (itself or a subdomain of it), if any. */
export function matchingWebsite(host: string | null, websites: readonly string[]): string | null {
  if (!host) return null;
  return websites.find((w) => host === w || host.endsWith(`.${w}`)) ?? null;
}

// The record changes slowly and a badge is fetched on every page view of a shop: the figures
// (never the domain check) are kept for a minute per merchant.
const RECORD_TTL_MS = 60_000;
const records = new Map<string, { at: number; record: BadgeRecord }>();

export async function merchantRecord(db: Queryable, merchantId: string, now: Date): Promise<BadgeRecord> {
  const hit = records.get(merchantId);
  if (hit && now.getTime() - hit.at < RECORD_TTL_MS && hit.at <= now.getTime()) return hit.record;
  // The figures the merchant's page and the public profile show, over the last 12 months
  // (stats/figures.ts): complaints an officer rejected as invalid do not count against the
  // merchant; "resolved" is the consumer's own word.
  const record = await badgeRecord(db, merchantId, now);
  records.set(merchantId, { at: now.getTime(), record });
  return record;
}

export async function badgeFor(
  db: Queryable,
  merchantId: string,
  host: string | null,
  opts: { now: Date; publicUrl: string; locale: Locale },
): Promise<Badge | null> {
  const [m] = await db.query<{ id: string; name: string; status: Badge['status']; trade_licence: string | null; dbid: string | null; websites: string[] | null }>(
    `SELECT m.id, m.name, m.status, m.trade_licence, m.dbid,
            (SELECT array_agg(value ORDER BY value) FROM merchant_identifiers WHERE merchant_id = m.id AND kind = 'website') AS websites
       FROM merchants m WHERE m.id = $1`,
    [merchantId],
  );
  if (!m) return null;
  const verified = matchingWebsite(host, m.websites ?? []) !== null;
  const badge: Omit<Badge, 'text'> = {
    merchantId: m.id,
    name: m.name,
    status: m.status,
    registered: m.status === 'registered',
    tradeLicence: Boolean(m.trade_licence),
    dbid: Boolean(m.dbid),
    profileUrl: `${opts.publicUrl}/sellers/${m.id}`,
    site: { host, verified },
    record: verified ? await merchantRecord(db, m.id, opts.now) : null,
  };
  return { ...badge, text: badgeText(opts.locale, badge) };
}

/** The badge's sentences in the reader's language (numbers in Bengali digits for Bengali). */
export function badgeText(locale: Locale, b: Omit<Badge, 'text'>): BadgeText {
  // Copied onto another site, the badge vouches for nothing: no registration, no record.
  if (!b.site.verified) {
    return { brand: t(locale, 'badge.brand'), status: t(locale, 'badge.notVerified'), papers: '', lines: [t(locale, 'badge.notVerifiedLead')], site: '', profile: t(locale, 'badge.profile', { name: b.name }) };
  }
  const lines: string[] = [];
  if (b.record) {
    lines.push(t(locale, 'badge.complaints', { n: b.record.complaints }));
    const rates = [
      b.record.answeredOnTimePct === null ? null : t(locale, 'badge.onTime', { pct: b.record.answeredOnTimePct }),
      b.record.resolvedPct === null ? null : t(locale, 'badge.resolved', { pct: b.record.resolvedPct }),
    ].filter((x): x is string => x !== null);
    if (rates.length) lines.push(rates.join(' · '));
  } else {
    lines.push(t(locale, 'badge.notVerifiedLead'));
  }
  return {
    brand: t(locale, 'badge.brand'),
    status: t(locale, b.status === 'registered' ? 'badge.registered' : b.status === 'suspended' ? 'badge.suspended' : 'badge.unregistered'),
    papers: `${t(locale, b.tradeLicence ? 'badge.licence.yes' : 'badge.licence.no')} · ${t(locale, b.dbid ? 'badge.dbid.yes' : 'badge.dbid.no')}`,
    lines,
    site: t(locale, 'badge.verifiedFor', { site: b.site.host ?? '' }),
    profile: t(locale, 'badge.profile', { name: b.name }),
  };
}

/** Break a sentence into lines of about `max` characters (SVG text does not wrap by itself). */
function wrap(s: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The image variant: the same badge as an SVG (an <img> cannot link; the snippet wraps it in one). */
export function badgeSvg(locale: Locale, badge: Badge | null): string {
  const good = badge?.site.verified === true;
  const text = badge?.text;
  const rows: { text: string; size: number; weight?: number; colour?: string }[] = text
    ? [
        { text: `${text.brand} · ${text.status}`, size: 14, weight: 700, ...(good ? {} : { colour: '#9a3412' }) },
        ...(text.papers ? [{ text: text.papers, size: 12 }] : []),
        ...text.lines.flatMap((l) => wrap(l, 46)).map((l) => ({ text: l, size: 12 })),
        ...(text.site ? [{ text: text.site, size: 12, weight: 700, colour: '#0b6e4f' }] : []),
      ]
    : [{ text: `${t(locale, 'badge.brand')} · ${t(locale, 'badge.unknown')}`, size: 14, weight: 700 }];
  const width = 300;
  const height = 16 + rows.length * 20;
  const body = rows
    .map((r, i) => `<text x="14" y="${26 + i * 20}" font-size="${r.size}"${r.weight ? ` font-weight="${r.weight}"` : ''} fill="${r.colour ?? '#1f2937'}">${xml(r.text)}</text>`)
    .join('');
  const title = text ? [text.status, text.papers, ...text.lines, text.site].filter(Boolean).join('. ') : t(locale, 'badge.unknown');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xml(title)}" lang="${locale}">`
    + `<title>${xml(title)}</title>`
    + `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="8" fill="#ffffff" stroke="${good ? '#0b6e4f' : '#9a3412'}"/>`
    + `<rect x="0.5" y="0.5" width="5" height="${height - 1}" rx="2" fill="${good ? '#0b6e4f' : '#9a3412'}"/>`
    + `<g font-family="'Noto Sans Bengali','Hind Siliguri','Segoe UI',system-ui,sans-serif">${body}</g></svg>`;
}
