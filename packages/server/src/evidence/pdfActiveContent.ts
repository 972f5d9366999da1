// What in a PDF can act on its own when a reader opens it: JavaScript, actions that run on
// opening or on events (/OpenAction with an action, /AA), files carried inside it, and /Launch
// (start a program). Such a PDF is kept (a consumer's invoice may come from a shop's generator
// that adds a script for printing; refusing it would leave the consumer without evidence), and
// marked: the API, the web app and the download say so to whoever opens it (see README).
//
// The scan reads the file's bytes as PDF syntax: names with #xx escapes are decoded
// (/J#61vaScript is /JavaScript), and Flate-compressed streams (object streams hide
// dictionaries there) are inflated, within a budget, and read too. It looks for the markers, not
// whether they would run: a false alarm costs a warning; a miss would cost a reader.
import { inflateSync } from 'node:zlib';
import { ACTIVE_CONTENT_KINDS, type ActiveContentKind } from '@nalish/domain';

export { ACTIVE_CONTENT_KINDS, type ActiveContentKind };

/** Inflated bytes read at most, in all streams of one file together (a "zip bomb" stops here). */
const INFLATE_BUDGET = 50 * 1024 * 1024;

const decodeNames = (s: string) => s.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

function kindsIn(text: string, whole: string, found: Set<ActiveContentKind>): void {
  const t = decodeNames(text);
  if (/\/(JavaScript|JS)\b/.test(t)) found.add('javascript');
  if (/\/Launch\b/.test(t)) found.add('launch');
  if (/\/(EmbeddedFiles?|FileAttachment|RichMedia)\b/.test(t)) found.add('embedded_file');
  if (/\/AA\s*(<<|\d+\s+\d+\s+R)/.test(t)) found.add('auto_action');
  // /OpenAction is usually a place to open at ([3 0 R /Fit]): only an action (a dictionary with
  // /S, given here or by reference) runs something.
  for (const m of t.matchAll(/\/OpenAction\s*(<<[^>]*\/S\s*\/|(\d+)\s+(\d+)\s+R)/g)) {
    if (!m[2]) {
      found.add('auto_action');
      continue;
    }
    const obj = new RegExp(`(?:^|\\s)${m[2]}\\s+${m[3]}\\s+obj\\s*<<([\\s\\S]{0,2000}?)>>`).exec(whole);
    if (obj && /\/S\s*\//.test(decodeNames(obj[1]!))) found.add('auto_action');
  }
}

/** The kinds of active content a PDF carries (none: an empty list). */
export function pdfActiveContent(data: Buffer): ActiveContentKind[] {
  const found = new Set<ActiveContentKind>();
  const whole = data.toString('latin1');
  kindsIn(whole, whole, found);
  let budget = INFLATE_BUDGET;
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(whole); m && budget > 0; m = streams.exec(whole)) {
    const start = m.index + m[0].length;
    const end = whole.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const inflated = inflateSync(data.subarray(start, end), { maxOutputLength: budget });
      budget -= inflated.length;
      const text = inflated.toString('latin1');
      kindsIn(text, `${whole}\n${text}`, found);
    } catch {
      // Not Flate data (an image, say), or over the budget: nothing to read there.
    }
    streams.lastIndex = end;
  }
  return ACTIVE_CONTENT_KINDS.filter((k) => found.has(k));
}
