// The warning shown beside a PDF that can act when opened (the server marks it on upload:
// server/src/evidence/pdfActiveContent.ts), in the reader's language; one sentence for the API,
// the web app and the case file.
import { ACTIVE_CONTENT_KINDS, type ActiveContentKind } from '../complaint/evidence.ts';
import { type Locale, type MessageKey, t } from './messages.ts';


/** The warning, or null when the file carries nothing active. */
export function activeContentWarning(locale: Locale, kinds: readonly string[] | undefined): string | null {
  const known = (kinds ?? []).filter((k): k is ActiveContentKind => (ACTIVE_CONTENT_KINDS as readonly string[]).includes(k));
  if (known.length === 0) return null;
  return t(locale, 'evidence.active_content', { kinds: known.map((k) => t(locale, `evidence.kind.${k}` as MessageKey)).join(', ') });
}
