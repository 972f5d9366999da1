// Evidence files: real uploads by multipart, types decided by content, size and count limits,
// hashes in the history, safe downloads for the parties only, and no stray files on refusal.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type TestService, type World, consumerLogin, fileVia, makeService, makeWorld, merchantLogin, step, TINY_PNG, multipart } from './harness.ts';

// A valid 1×1 PNG, the smallest baseline JPEG, and a minimal PDF.
const PNG = TINY_PNG;
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');


async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('evidence', () => {
  let s: TestService;
  let w: World;
  let consumer: Record<string, string>;
  let storageRoot: string;
  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '100' } });
    w = await makeWorld(s.deps.db);
    consumer = (await consumerLogin(s)).auth;
    storageRoot = join(s.dataDir, 'files');
  });
  after(() => s.close());

  const upload = (auth: Record<string, string>, code: string, filename: string, data: Buffer, contentType?: string) => {
    const mp = multipart(filename, data, contentType);
    return s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/evidence`, headers: { ...auth, ...mp.headers }, payload: mp.payload });
  };

  it('PNG, JPEG and PDF are stored with their SHA-256, which the history records', async () => {
    const c = await fileVia(s, consumer);
    const files: [string, Buffer, string][] = [
      ['receipt.png', PNG, 'image/png'],
      ['parcel.jpg', JPEG, 'image/jpeg'],
      ['invoice.pdf', PDF, 'application/pdf'],
    ];
    const ids: string[] = [];
    for (const [name, data, type] of files) {
      // The claimed Content-Type is ignored; the content decides.
      const r = await upload(consumer, c.trackingCode, name, data, 'text/plain');
      assert.equal(r.statusCode, 201, `${name}: ${r.body}`);
      const ev = r.json();
      assert.equal(ev.sha256, sha256(data));
      assert.equal(ev.mediaType, type);
      assert.equal(ev.sizeBytes, data.length);
      assert.equal(ev.filename, name);
      assert.equal(ev.uploadedBy, 'consumer');
      ids.push(ev.id);
    }
    const view = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${c.trackingCode}`, headers: consumer })).json();
    const added = view.timeline.filter((e: { type: string }) => e.type === 'evidence_added');
    assert.equal(added.length, 3);
    for (const [i, [, data]] of files.entries()) {
      const e = added.find((x: { payload: { evidenceId: string } }) => x.payload.evidenceId === ids[i]);
      assert.ok(e, `event for ${ids[i]}`);
      assert.equal(e.payload.sha256, sha256(data));
    }
    assert.deepEqual(view.evidence.map((e: { sha256: string }) => e.sha256).sort(), files.map(([, d]) => sha256(d)).sort());
    // Adding evidence does not move the complaint.
    assert.equal(view.state, 'with_merchant');
  });

  it("an upload answers with the complaint's new version, which the next step names", async () => {
    const c = await fileVia(s, consumer);
    const merchant = await merchantLogin(s, w.merchantUser);
    const r = await upload(merchant, c.trackingCode, 'receipt.png', PNG);
    assert.equal(r.statusCode, 201, r.body);
    const { id, complaintVersion } = r.json();
    // The upload is a step of the history: the version moved by one, as a reader now sees it.
    assert.equal(complaintVersion, c.version + 1);
    const view = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${c.trackingCode}`, headers: consumer })).json();
    assert.equal(view.version, complaintVersion);
    const answer = { kind: 'defence', message: 'We delivered it, see the receipt.', evidenceIds: [id] };
    const stale = await step(s, merchant, c.trackingCode, 'respond', { ...answer, expectedVersion: c.version });
    assert.equal(stale.statusCode, 409, stale.body);
    const fresh = await step(s, merchant, c.trackingCode, 'respond', { ...answer, expectedVersion: complaintVersion });
    assert.equal(fresh.statusCode, 200, fresh.body);
    assert.equal(fresh.json().state, 'merchant_responded');
  });

  it('a file whose content is not an allowed type → 415 evidence_type, whatever its name', async () => {
    const c = await fileVia(s, consumer);
    const before = await filesUnder(storageRoot);
    for (const [name, data] of [['x.png', HTML], ['x.png', Buffer.from('just some text, not an image')], ['x.pdf', Buffer.from('MZ\x90\x00 executable')], ['x.jpg', Buffer.alloc(0)]] as const) {
      const r = await upload(consumer, c.trackingCode, name, data, 'image/png');
      assert.equal(r.statusCode, 415, `${name}: ${r.body}`);
      assert.equal(r.json().error.code, 'evidence_type');
    }
    assert.deepEqual(await filesUnder(storageRoot), before);
  });

  it('a file over 10 MB → 413 evidence_too_large', async () => {
    const c = await fileVia(s, consumer);
    const before = await filesUnder(storageRoot);
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 1 - PNG.length)]);
    const r = await upload(consumer, c.trackingCode, 'huge.png', big);
    assert.equal(r.statusCode, 413, r.body);
    assert.equal(r.json().error.code, 'evidence_too_large');
    assert.deepEqual(await filesUnder(storageRoot), before);
    // Exactly 10 MB is still accepted.
    const max = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 - PNG.length)]);
    assert.equal((await upload(consumer, c.trackingCode, 'max.png', max)).statusCode, 201);
  });

  it('the 11th file → 422 evidence_limit, and the refused file is not left in storage', async () => {
    const c = await fileVia(s, consumer);
    for (let i = 0; i < 10; i++) {
      const r = await upload(consumer, c.trackingCode, `p${i}.png`, PNG);
      assert.equal(r.statusCode, 201, `#${i + 1}: ${r.body}`);
    }
    const before = await filesUnder(storageRoot);
    const r = await upload(consumer, c.trackingCode, 'p10.png', PNG);
    assert.equal(r.statusCode, 422, r.body);
    assert.equal(r.json().error.code, 'evidence_limit');
    assert.deepEqual(await filesUnder(storageRoot), before);
    const rows = await s.deps.db.query('SELECT 1 FROM evidence e JOIN complaints c ON c.id = e.complaint_id WHERE c.tracking_code = $1', [c.trackingCode]);
    assert.equal(rows.length, 10);
  });

  it('an upload to a finished complaint is refused and leaves no file behind', async () => {
    const c = await fileVia(s, consumer);
    assert.equal((await step(s, consumer, c.trackingCode, 'withdraw')).statusCode, 200);
    const before = await filesUnder(storageRoot);
    const r = await upload(consumer, c.trackingCode, 'late.png', PNG);
    assert.equal(r.statusCode, 409, r.body);
    assert.deepEqual(await filesUnder(storageRoot), before);
  });

  it('download: the same bytes, as an attachment with nosniff, for the parties only', async () => {
    const c = await fileVia(s, consumer);
    const up = await upload(consumer, c.trackingCode, '../../etc/evil<name>.pdf', PDF);
    assert.equal(up.statusCode, 201, up.body);
    const id = up.json().id as string;
    assert.equal(up.json().filename, 'evilname.pdf');
    const url = `/api/v1/complaints/${c.trackingCode}/evidence/${id}`;
    const merchant = await merchantLogin(s, w.merchantUser);
    for (const auth of [consumer, merchant]) {
      const r = await s.app.inject({ method: 'GET', url, headers: auth });
      assert.equal(r.statusCode, 200);
      assert.deepEqual(r.rawPayload, PDF);
      assert.equal(r.headers['content-type'], 'application/pdf');
      assert.match(String(r.headers['content-disposition']), /^attachment;/);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    }
    const other = await consumerLogin(s);
    const r = await s.app.inject({ method: 'GET', url, headers: other.auth });
    assert.equal(r.statusCode, 404);
    assert.equal(r.json().error.code, 'not_found');
    const otherMerchant = await merchantLogin(s, w.otherMerchantUser);
    assert.equal((await s.app.inject({ method: 'GET', url, headers: otherMerchant })).statusCode, 404);
    assert.equal((await s.app.inject({ method: 'GET', url })).statusCode, 401);
    // An evidence id of another complaint, under a complaint one may read, is not found either.
    const mine = await fileVia(s, other.auth);
    const cross = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${mine.trackingCode}/evidence/${id}`, headers: other.auth });
    assert.equal(cross.statusCode, 404);
    // Another consumer cannot attach files to it either.
    assert.equal((await upload(other.auth, c.trackingCode, 'p.png', PNG)).statusCode, 404);
  });

  it('respond citing evidence of another complaint → 400 evidence_not_found', async () => {
    const merchant = await merchantLogin(s, w.merchantUser);
    const a = await fileVia(s, consumer);
    const b = await fileVia(s, consumer);
    const ofB = (await upload(merchant, b.trackingCode, 'b.png', PNG)).json().id as string;
    const ofA = (await upload(merchant, a.trackingCode, 'a.png', PNG)).json().id as string;
    const bad = await step(s, merchant, a.trackingCode, 'respond', { kind: 'defence', message: 'We delivered it, see the receipt.', evidenceIds: [ofA, ofB] });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.json().error.code, 'evidence_not_found');
    const unknown = await step(s, merchant, a.trackingCode, 'respond', { kind: 'defence', message: 'We delivered it, see the receipt.', evidenceIds: ['00000000-0000-4000-8000-000000000000'] });
    assert.equal(unknown.json().error.code, 'evidence_not_found');
    const good = await step(s, merchant, a.trackingCode, 'respond', { kind: 'defence', message: 'We delivered it, see the receipt.', evidenceIds: [ofA] });
    assert.equal(good.statusCode, 200, good.body);
    assert.equal(good.json().state, 'merchant_responded');
  });

  it('a multipart body without a file field → 400 validation', async () => {
    const c = await fileVia(s, consumer);
    const boundary = '----nalishNoFile';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`;
    const r = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.trackingCode}/evidence`, headers: { ...consumer, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    assert.equal(r.statusCode, 400, r.body);
    assert.equal(r.json().error.code, 'validation');
  });
  it('a photo the phone shrank: the SHA-256 and size of the file chosen are kept with it and in the history; a malformed hash → 400', async () => {
    const c = await fileVia(s, consumer);
    const chosen = Buffer.concat([JPEG, Buffer.alloc(4096, 7)]);
    const form = (fields: Record<string, string>) => {
      const boundary = '----nalishShrunk';
      const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
      const file = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="camera.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), JPEG, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return { payload: Buffer.concat([...parts, file]), headers: { ...consumer, 'content-type': `multipart/form-data; boundary=${boundary}` } };
    };
    const bad = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.trackingCode}/evidence`, ...form({ originalSha256: 'not-a-hash', originalSizeBytes: '10' }) });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.json().error.code, 'validation');

    const r = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.trackingCode}/evidence`, ...form({ originalSha256: sha256(chosen), originalSizeBytes: String(chosen.length) }) });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().sha256, sha256(JPEG));
    assert.deepEqual(r.json().original, { sha256: sha256(chosen), sizeBytes: chosen.length });
    const view = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${c.trackingCode}`, headers: consumer })).json();
    assert.deepEqual(view.evidence[0].original, { sha256: sha256(chosen), sizeBytes: chosen.length });
    const event = view.timeline.find((e: { type: string }) => e.type === 'evidence_added');
    assert.deepEqual(event.payload.original, { sha256: sha256(chosen), sizeBytes: chosen.length });
    // An upload that is the original names no other file.
    const plain = await upload(consumer, c.trackingCode, 'receipt.png', PNG);
    assert.equal(plain.json().original, null);
  });
});
