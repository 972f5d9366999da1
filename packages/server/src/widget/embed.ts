// Who may frame the embedded filing page (/embed/*): the merchant's own websites (and their
// subdomains, any port, http or https) and Nalish itself. Every other page of the app keeps
// refusing frames (frame-ancestors 'none', http/webApp.ts).
import type { Queryable } from '../db/db.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Hosts a CSP source may name: letters, digits, dots and hyphens (IPv4 included).
const PLAIN_HOST = /^[a-z0-9.-]+$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function frameAncestorSources(websites: readonly string[]): string[] {
  const out = ["'self'"];
  for (const w of websites) {
    if (!PLAIN_HOST.test(w)) continue;
    out.push(`http://${w}:*`, `https://${w}:*`);
    if (!IPV4.test(w) && w.includes('.')) out.push(`http://*.${w}:*`, `https://*.${w}:*`);
  }
  return out;
}

/** The frame-ancestors value for an embed page URL (its ?merchant= names the merchant). */
export async function embedFrameAncestors(db: Queryable, url: string): Promise<string> {
  const merchant = new URL(url, 'http://x').searchParams.get('merchant') ?? '';
  if (!UUID.test(merchant)) return "'self'";
  const rows = await db.query<{ value: string }>(
    `SELECT i.value FROM merchant_identifiers i JOIN merchants m ON m.id = i.merchant_id
      WHERE i.merchant_id = $1 AND i.kind = 'website' AND m.status = 'registered' ORDER BY i.value`,
    [merchant],
  );
  return frameAncestorSources(rows.map((r) => r.value)).join(' ');
}
