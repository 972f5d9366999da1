// S3-compatible evidence storage: signed PUT/GET/DELETE against an in-process server that
// checks every signature, and the evidence upload route end to end with STORAGE=s3.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { s3Storage, signRequest } from '../src/evidence/s3.ts';
import { parseConfig } from '../src/config.ts';
import { createDeps } from '../src/service.ts';
import { type TestService, TINY_PNG, consumerLogin, fileVia, makeService, makeTestDb, makeWorld, multipart, step } from './harness.ts';
import { type S3TestServer, startS3Server } from './support/s3server.ts';

// A 1×1 PNG.
const PNG = TINY_PNG;


const settings = (srv: S3TestServer, over: Partial<{ secretAccessKey: string; bucket: string; region: string }> = {}) => ({
  endpoint: srv.endpoint,
  bucket: srv.bucket,
  region: srv.region,
  accessKeyId: srv.accessKeyId,
  secretAccessKey: srv.secretAccessKey,
  ...over,
});

describe('S3 storage', () => {
  let srv: S3TestServer;
  before(async () => {
    srv = await startS3Server();
  });
  after(() => srv.close());

  it('signs the example request from the AWS SigV4 documentation the same way', () => {
    // "GET Object" example from the Amazon S3 API reference (Signature Version 4, header auth).
    const h = signRequest(
      {
        method: 'GET',
        path: '/test.txt',
        headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9' },
        body: Buffer.alloc(0),
      },
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' },
      new Date('2013-05-24T00:00:00Z'),
    );
    assert.equal(
      h.authorization,
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('puts, gets and deletes an object, signing the body hash', async () => {
    const store = s3Storage(settings(srv));
    const key = 'evidence/0b7c2f7e-1111-4222-8333-444455556666/7d9e4c1a-aaaa-4bbb-8ccc-ddddeeeeffff';
    await store.put(key, PNG, 'image/png');
    assert.deepEqual(srv.objects.get(key)?.body, PNG);
    assert.equal(srv.objects.get(key)?.contentType, 'image/png');
    assert.deepEqual(await store.get(key), PNG);
    await store.delete(key);
    assert.equal(srv.objects.has(key), false);
    await assert.rejects(store.get(key), /404 NoSuchKey/);
    // Deleting what is gone is fine, as on disk.
    await store.delete(key);
  });

  it('is refused with a wrong secret, and stores nothing', async () => {
    const before = srv.objects.size;
    const store = s3Storage(settings(srv, { secretAccessKey: 'not-the-secret' }));
    await assert.rejects(store.put('evidence/x/y', PNG, 'image/png'), /403 SignatureDoesNotMatch/);
    await assert.rejects(store.get('evidence/x/y'), /403/);
    assert.equal(srv.objects.size, before);
    assert.equal(srv.log.at(-1)?.status, 403);
  });

  it('is refused when signed for another region', async () => {
    const store = s3Storage(settings(srv, { region: 'eu-west-1' }));
    await assert.rejects(store.put('evidence/x/y', PNG, 'image/png'), /403/);
  });

  it('refuses keys that are not ours and missing settings', async () => {
    const store = s3Storage(settings(srv));
    await assert.rejects(store.put('../etc/passwd', PNG, 'image/png'), /bad storage key/);
    assert.throws(() => s3Storage({ endpoint: srv.endpoint, region: 'us-east-1' }), /S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/);
  });

  it('createDeps refuses STORAGE=s3 without its settings', async () => {
    const { db, drop } = await makeTestDb();
    try {
      const config = parseConfig({ DATA_DIR: '/nonexistent', STORAGE: 's3', S3_BUCKET: 'b', LOG_LEVEL: 'silent' });
      await assert.rejects(createDeps(config, { db }), /STORAGE=s3 needs S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/);
    } finally {
      await drop();
    }
  });
});

describe('evidence upload with STORAGE=s3', () => {
  let srv: S3TestServer;
  let s: TestService;
  before(async () => {
    srv = await startS3Server();
    s = await makeService({
      env: {
        STORAGE: 's3',
        S3_ENDPOINT: srv.endpoint,
        S3_BUCKET: srv.bucket,
        S3_REGION: srv.region,
        S3_ACCESS_KEY_ID: srv.accessKeyId,
        S3_SECRET_ACCESS_KEY: srv.secretAccessKey,
      },
    });
    await makeWorld(s.deps.db);
  });
  after(async () => {
    await s.close();
    await srv.close();
  });

  it('stores the upload in the bucket and serves it back', async () => {
    const consumer = await consumerLogin(s);
    const filed = await fileVia(s, consumer.auth);
    const mp = multipart('receipt.png', PNG, 'image/png');
    const up = await s.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${filed.trackingCode}/evidence`,
      headers: { ...consumer.auth, ...mp.headers },
      payload: mp.payload,
    });
    assert.equal(up.statusCode, 201, up.body);
    const ev = up.json() as { id: string; mediaType: string; sha256: string; sizeBytes: number };
    assert.equal(ev.mediaType, 'image/png');
    assert.equal(ev.sha256, createHash('sha256').update(PNG).digest('hex'));
    assert.equal(ev.sizeBytes, PNG.length);

    const keys = [...srv.objects.keys()];
    assert.equal(keys.length, 1);
    assert.match(keys[0]!, new RegExp(`^evidence/[0-9a-f-]{36}/${ev.id}$`));
    assert.deepEqual(srv.objects.get(keys[0]!)?.body, PNG);

    const down = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${filed.trackingCode}/evidence/${ev.id}`, headers: consumer.auth });
    assert.equal(down.statusCode, 200);
    assert.equal(down.headers['content-type'], 'image/png');
    assert.deepEqual(down.rawPayload, PNG);
  });

  it('leaves nothing in the bucket when the upload is refused', async () => {
    const owner = await consumerLogin(s);
    const filed = await fileVia(s, owner.auth);
    const stranger = await consumerLogin(s);
    const before = srv.objects.size;
    const mp = multipart('receipt.png', PNG, 'image/png');
    const up = await s.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${filed.trackingCode}/evidence`,
      headers: { ...stranger.auth, ...mp.headers },
      payload: mp.payload,
    });
    assert.ok(up.statusCode === 403 || up.statusCode === 404, `${up.statusCode} ${up.body}`);
    assert.equal(srv.objects.size, before);
  });

  it('deletes the stored object again when the complaint refuses it after the upload', async () => {
    const consumer = await consumerLogin(s);
    const filed = await fileVia(s, consumer.auth);
    const withdrawn = await step(s, consumer.auth, filed.trackingCode, 'withdraw', { reason: 'Settled privately.' });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    const before = srv.objects.size;
    const seen = srv.log.length;
    const mp = multipart('late.png', PNG, 'image/png');
    const up = await s.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${filed.trackingCode}/evidence`,
      headers: { ...consumer.auth, ...mp.headers },
      payload: mp.payload,
    });
    assert.equal(up.statusCode, 409, up.body);
    // Stored, then removed: a signed PUT and a signed DELETE, and nothing left behind.
    assert.deepEqual(srv.log.slice(seen).map((l) => [l.method, l.status]), [['PUT', 200], ['DELETE', 204]]);
    assert.equal(srv.objects.size, before);
  });
});
