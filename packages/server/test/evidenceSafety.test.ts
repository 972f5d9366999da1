// Evidence that could mislead or attack whoever opens it: the stored name ends in the type found
// in the content; a PDF with JavaScript, automatic actions, embedded files or a launch command is
// kept but marked, in the API, the download and the case file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { activeContentWarning } from '@nalish/domain';
import { pdfActiveContent } from '../src/evidence/pdfActiveContent.ts';
import { nameForType } from '../src/evidence/attach.ts';
import { TINY_PNG, type TestService, type World, consumerLogin, fileVia, makeService, makeWorld, merchantLogin, multipart } from './harness.ts';

const pdf = (body: string) => Buffer.from(`%PDF-1.4\n${body}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
const PLAIN = pdf('1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>\nendobj');
const WITH_JS = pdf('1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj');
const ESCAPED_JS = pdf('1 0 obj\n<< /Type /Catalog /Names << /J#61vaScript 4 0 R >> >>\nendobj');
const INDIRECT_ACTION = pdf('1 0 obj\n<< /Type /Catalog /OpenAction 5 0 R >>\nendobj\n5 0 obj\n<< /S /Launch /F (calc.exe) >>\nendobj');
const EMBEDDED = pdf('1 0 obj\n<< /Type /Catalog /Names << /EmbeddedFiles 6 0 R >> >>\nendobj');
const PAGE_ACTION = pdf('3 0 obj\n<< /Type /Page /AA << /O 7 0 R >> >>\nendobj');
function compressed(): Buffer {
  // JavaScript hidden in a Flate-compressed object stream.
  const inner = deflateSync(Buffer.from('8 0 << /S /JavaScript /JS (this.exportDataObject()) >>', 'latin1'));
  return Buffer.concat([Buffer.from('%PDF-1.5\n9 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length ' + inner.length + ' >>\nstream\n', 'latin1'), inner, Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1')]);
}

describe('what a PDF can do when opened', () => {
  it('finds JavaScript, automatic actions, embedded files and launch commands, also escaped or compressed; not a plain "open at page" action', () => {
    assert.deepEqual(pdfActiveContent(PLAIN), []);
    assert.deepEqual(pdfActiveContent(WITH_JS), ['javascript', 'auto_action']);
    assert.deepEqual(pdfActiveContent(ESCAPED_JS), ['javascript']);
    assert.deepEqual(pdfActiveContent(INDIRECT_ACTION), ['auto_action', 'launch']);
    assert.deepEqual(pdfActiveContent(EMBEDDED), ['embedded_file']);
    assert.deepEqual(pdfActiveContent(PAGE_ACTION), ['auto_action']);
    assert.deepEqual(pdfActiveContent(compressed()), ['javascript']);
  });

  it('the stored name takes the extension of the type found in the content', () => {
    assert.equal(nameForType('invoice.html', 'image/png'), 'invoice.png');
    assert.equal(nameForType('photo', 'image/jpeg'), 'photo.jpg');
    assert.equal(nameForType('scan.PDF.exe', 'application/pdf'), 'scan.PDF.pdf');
    assert.equal(nameForType('../../etc/passwd', 'image/webp'), 'passwd.webp');
    assert.equal(nameForType('.htaccess', 'image/png'), '.htaccess.png');
  });
});

describe('evidence through the API', () => {
  let s: TestService;
  let w: World;
  let consumer: Record<string, string>;
  let code: string;
  before(async () => {
    s = await makeService();
    w = await makeWorld(s.deps.db);
    consumer = (await consumerLogin(s)).auth;
    code = (await fileVia(s, consumer)).trackingCode;
  });
  after(() => s.close());

  const upload = (name: string, data: Buffer) => {
    const m = multipart(name, data, 'text/html');
    return s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/evidence`, headers: { ...consumer, ...m.headers }, payload: m.payload });
  };

  it('a PNG sent as invoice.html is stored and downloaded as invoice.png, an image', async () => {
    const r = await upload('invoice.html', TINY_PNG);
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().filename, 'invoice.png');
    assert.equal(r.json().mediaType, 'image/png');
    const d = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}/evidence/${r.json().id}`, headers: consumer });
    assert.equal(d.headers['content-type'], 'image/png');
    assert.equal(d.headers['content-disposition'], "attachment; filename*=UTF-8''invoice.png");
  });

  it('a PDF with JavaScript is kept and marked for everyone who opens it: the answer, the complaint view, the download, the warning text', async () => {
    const r = await upload('receipt.pdf', WITH_JS);
    assert.equal(r.statusCode, 201, r.body);
    assert.deepEqual(r.json().activeContent, ['javascript', 'auto_action']);
    const plain = await upload('plain.pdf', PLAIN);
    assert.deepEqual(plain.json().activeContent, []);

    const merchant = await merchantLogin(s, w.merchantUser);
    const view = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: merchant });
    const ev = view.json().evidence.find((e: { id: string }) => e.id === r.json().id);
    assert.deepEqual(ev.activeContent, ['javascript', 'auto_action']);
    assert.deepEqual(view.json().evidence.find((e: { id: string }) => e.id === plain.json().id).activeContent, []);

    const d = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}/evidence/${r.json().id}`, headers: merchant });
    assert.equal(d.headers['nalish-active-content'], 'javascript, auto_action');
    assert.equal(d.headers['content-disposition'], "attachment; filename*=UTF-8''receipt.pdf");
    const p = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}/evidence/${plain.json().id}`, headers: merchant });
    assert.equal(p.headers['nalish-active-content'], undefined);

    assert.equal(
      activeContentWarning('en', ev.activeContent),
      'Caution: this PDF contains JavaScript, actions that run by themselves. In a PDF reader it could run code or open other files: open it in the browser, or ask the sender for a plain copy.',
    );
    assert.match(activeContentWarning('bn', ev.activeContent)!, /^সতর্কতা: এই PDF-এ জাভাস্ক্রিপ্ট, নিজে থেকে চলা নির্দেশ আছে।/);
    assert.equal(activeContentWarning('bn', []), null);
  });
});
