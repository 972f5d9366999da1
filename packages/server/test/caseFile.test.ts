// The case file PDF: served only to an officer of the case's office, a real PDF whose text
// (extracted the way a reader or Nothi's indexer would) carries the case in Bengali.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { scriptRuns } from '../src/casefile/pdf.ts';
import { TINY_PNG, type TestService, type World, complaintInput, consumerLogin, fileVia, makeService, makeWorld, merchantLogin, multipart, officerLogin, step } from './harness.ts';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The text of a PDF made by pdfkit, without poppler: inflate every stream, read each font's
 * ToUnicode map, then decode the hex strings of the content streams with the font in force.
 */
export function extractPdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const body = m[2]!;
    const si = body.indexOf('stream');
    if (si < 0) {
      objects.set(m[1]!, { dict: body, stream: null });
      continue;
    }
    const start = si + (body[si + 6] === '\r' ? 8 : 7);
    const end = body.lastIndexOf('endstream');
    let data = Buffer.from(body.slice(start, end), 'latin1');
    if (/\/FlateDecode/.test(body.slice(0, si))) data = inflateSync(data);
    objects.set(m[1]!, { dict: body.slice(0, si), stream: data.toString('latin1') });
  }
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  const fontMaps = new Map<string, Map<string, string>>();
  for (const o of objects.values()) {
    for (const f of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(f[2]!);
      const tu = font?.dict.match(/\/ToUnicode (\d+) 0 R/);
      const cmap = tu ? objects.get(tu[1]!)?.stream : null;
      if (!cmap) continue;
      const map = new Map<string, string>();
      for (const b of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
        for (const r of b[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
          const lo = parseInt(r[1]!, 16);
          // A ligature maps to several code points: <0995 09cd 09b7> is ক্ষ.
          [...r[3]!.matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((h, i) => map.set((lo + i).toString(16).padStart(r[1]!.length, '0').toLowerCase(), utf16(h[1]!.replace(/ /g, ''))));
        }
      }
      fontMaps.set(f[1]!, map);
    }
  }
  let out = '';
  for (const o of objects.values()) {
    if (!o.stream || !/ Tf/.test(o.stream)) continue;
    let map: Map<string, string> | undefined;
    for (const tok of o.stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ|(ET)/g)) {
      if (tok[1]) map = fontMaps.get(tok[1]);
      else if (tok[3]) out += '\n';
      else for (const h of tok[2]!.matchAll(/<([0-9a-fA-F]+)>/g)) for (let i = 0; i < h[1]!.length; i += 4) out += map?.get(h[1]!.slice(i, i + 4).toLowerCase()) ?? '';
    }
  }
  return out;
}

function pdfText(pdf: Buffer, own = false): string {
  if (own || !hasPdftotext()) return extractPdfText(pdf);
  const dir = mkdtempSync(join(tmpdir(), 'casefile-'));
  writeFileSync(join(dir, 'c.pdf'), pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
}

/** The first page as PNG for docs/screenshots (to judge the shaping by eye), when poppler is there. */
function savePreview(pdf: Buffer): void {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch {
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'casefile-'));
  writeFileSync(join(dir, 'c.pdf'), pdf);
  const shots = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
  mkdirSync(shots, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', join(dir, 'c.pdf'), join(shots, 'regulator-casefile-bn')]);
  writeFileSync(join(dir, '..', 'nalish-casefile-last.pdf'), pdf);
}

describe('case file PDF', () => {
  let s: TestService;
  let w: World;
  let code: string;
  let consumer: Record<string, string>;
  let merchant: Record<string, string>;
  let officer: Record<string, string>;
  const get = (headers: Record<string, string> = {}, c = code) => s.app.inject({ method: 'GET', url: `/api/v1/regulator/cases/${c}/case-file.pdf`, headers });

  before(async () => {
    s = await makeService();
    w = await makeWorld(s.deps.db);
    const c = await consumerLogin(s);
    consumer = c.auth;
    const filed = await fileVia(
      s,
      consumer,
      complaintInput({
        consumer: { name: 'আবদুর রহমান', district: 'dhaka', locale: 'bn' },
        description: 'বিকাশে অগ্রিম টাকা দিয়েছি কিন্তু পার্সেল আসেনি। বিক্রেতা এখন ফোন ধরছে না।',
      }),
    );
    code = filed.trackingCode;
    const form = multipart('রসিদ.png', TINY_PNG, 'image/png');
    const up = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/evidence`, headers: { ...consumer, ...form.headers }, payload: form.payload });
    assert.equal(up.statusCode, 201, up.body);
    merchant = await merchantLogin(s, w.merchantUser);
    assert.equal((await step(s, merchant, code, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 1000, message: 'অর্ধেক টাকা ফেরত দিতে পারি।' })).statusCode, 200);
    assert.equal((await step(s, consumer, code, 'reject', { reason: 'আমি ২৫০০ টাকা দিয়েছি।' })).statusCode, 200);
    officer = await officerLogin(s, w.officer);
    assert.equal((await step(s, officer, code, 'assign', { officerId: w.officer.id })).statusCode, 200);
    const at = new Date(s.clock.now().getTime() + 5 * 86_400_000).toISOString();
    assert.equal((await step(s, officer, code, 'schedule_hearing', { at, mode: 'in_person', place: 'কারওয়ান বাজার, ঢাকা' })).statusCode, 200);
    // The hearing is held (attendance recorded) before the decision (issue 11.14); sessions do not last for days.
    s.clock.set(new Date(Date.parse(at) + 2 * 3600_000));
    officer = await officerLogin(s, w.officer);
    merchant = await merchantLogin(s, w.merchantUser);
    assert.equal((await step(s, officer, code, 'record_hearing', { attendance: 'both' })).statusCode, 200);
    const d = await step(s, officer, code, 'decide', { outcome: 'upheld', reasons: 'বিক্রেতা টাকা নিয়ে পণ্য সরবরাহ করেনি।', fineBdt: 20000, order: 'সাত দিনের মধ্যে পুরো টাকা ফেরত দিতে হবে।' });
    assert.equal(d.statusCode, 200, d.body);
    assert.equal((await step(s, officer, code, 'record_fine_collected', { amountBdt: 20000 })).statusCode, 200);
  });
  after(() => s.close());

  it('is refused to anyone but an officer of the case’s office', async () => {
    assert.equal((await get()).statusCode, 401);
    for (const headers of [consumer, merchant, await officerLogin(s, w.ctgOfficer)]) {
      const r = await get(headers);
      assert.equal(r.statusCode, 404, r.body);
      assert.equal(r.json().error.code, 'not_found');
    }
    assert.equal((await get(officer, '999-999-9999')).statusCode, 404);
    // Another officer of the same office may read it.
    assert.equal((await get(await officerLogin(s, w.otherOfficer))).statusCode, 200);
  });

  it('is a PDF with the case in Bengali: code, parties, timeline, evidence hash, decision, share, chain', async () => {
    const r = await get(officer);
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['content-type'], 'application/pdf');
    assert.match(String(r.headers['content-disposition']), new RegExp(`attachment; filename="nalish-case-${code}\\.pdf"`));
    const pdf = r.rawPayload;
    savePreview(pdf);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.length < 400_000, `PDF is ${pdf.length} bytes (fonts are subset)`);
    const view = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: officer })).json();
    // The extracted text keeps glyph order, so a pre-base vowel sign (ি, ে) comes out before its
    // consonant; check words without one, and the whole text once normalised the same way.
    const texts = [pdfText(pdf).replace(/\s+/g, ' '), pdfText(pdf, true).replace(/\s+/g, ' ')];
    for (const text of texts) {
    const bnCode = code.replace(/\d/g, (x) => String.fromCharCode(0x09e6 + Number(x)));
    for (const needle of [code, bnCode, 'সংরক্ষণ', 'আবদুর রহমান', 'ShopBD', 'টাকা', '৳২০,০০০', '৳৫,০০০', view.evidence[0].sha256, 'SHA-256']) {
      assert.ok(text.includes(needle), `missing ${needle} in: ${text.slice(0, 400)}`);
    }
    // The conjuncts come through as their letters: ক্ষ in সংরক্ষণ (above), ন্ত in সিদ্ধান্ত.
    assert.ok(text.includes('দ্ধান্ত'), 'সিদ্ধান্ত');
    }
  });

  it('says when the history chain is broken, naming the event', async () => {
    await s.deps.db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(
        `UPDATE events SET payload = jsonb_set(payload, '{reason}', '"edited later"')
         WHERE type = 'reject' AND complaint_id = (SELECT id FROM complaints WHERE tracking_code = $1)`,
        [code],
      );
    });
    const text = pdfText((await get(officer)).rawPayload).replace(/\s+/g, ' ');
    const view = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: officer })).json();
    const seq = view.timeline.find((e: { type: string }) => e.type === 'reject').seq as number;
    assert.equal(view.historyChain.brokenAtSeq, seq);
    assert.ok(text.includes('শৃঙ্খল ভাঙা'), text.slice(-600));
    assert.ok(text.includes(`ঘটনা নং ${String(seq).replace(/\d/g, (x) => String.fromCharCode(0x09e6 + Number(x)))}`), text.slice(-600));
  });

  it('puts Bengali in the Bengali font and Latin in the Latin one', () => {
    assert.deepEqual(scriptRuns('কোড: 482-193 ShopBD ঢাকা'), [
      { bengali: true, text: 'কোড: 482-193 ' },
      { bengali: false, text: 'ShopBD ' },
      { bengali: true, text: 'ঢাকা' },
    ]);
  });
});
