// A small S3-compatible server for tests: path-style PUT/GET/DELETE of objects kept in memory.
// It checks AWS Signature Version 4 on every request, written independently of src/evidence/s3.ts
// (so a mistake there is not repeated here), and answers 403 when the signature does not hold.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  objects: Map<string, { body: Buffer; contentType: string | undefined }>;
  /** Requests seen, with the status given: for assertions. */
  log: { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');
const hmac = (k: string | Buffer, s: string) => createHmac('sha256', k).update(s).digest();
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

function xmlError(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

/** Returns null when the signature holds, else the reason. */
function checkSignature(req: IncomingMessage, body: Buffer, keys: Record<string, string>, region: string): string | null {
  const auth = req.headers.authorization ?? '';
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return 'malformed Authorization';
  const [, akid, day, reqRegion, signedHeaders, signature] = m as unknown as [string, string, string, string, string, string];
  const secret = keys[akid];
  if (!secret) return 'unknown access key';
  if (reqRegion !== region) return 'wrong region';
  const date = String(req.headers['x-amz-date'] ?? '');
  if (!/^\d{8}T\d{6}Z$/.test(date) || date.slice(0, 8) !== day) return 'bad x-amz-date';
  const when = Date.parse(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
  if (Math.abs(Date.now() - when) > 15 * 60_000) return 'request time too skewed';
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash !== sha256(body)) return 'x-amz-content-sha256 does not match the body';
  const names = signedHeaders.split(';');
  for (const required of ['host', 'x-amz-date', 'x-amz-content-sha256']) if (!names.includes(required)) return `${required} not signed`;
  const url = new URL(req.url ?? '/', 'http://x');
  const rawPath = (req.url ?? '/').split('?')[0]!;
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headerLines = names.map((n) => {
    const v = req.headers[n];
    const value = Array.isArray(v) ? v.join(',') : (v ?? '');
    return `${n}:${value.trim().replace(/\s+/g, ' ')}\n`;
  });
  const canonical = `${req.method}\n${rawPath}\n${query}\n${headerLines.join('')}\n${signedHeaders}\n${payloadHash}`;
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${date}\n${scope}\n${sha256(canonical)}`;
  const kDate = hmac('AWS4' + secret, day);
  const kSigning = hmac(hmac(hmac(kDate, region), 's3'), 'aws4_request');
  const expected = createHmac('sha256', kSigning).update(toSign).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'signature does not match';
}

export async function startS3Server(opts: { bucket?: string; accessKeyId?: string; secretAccessKey?: string; region?: string } = {}): Promise<S3TestServer> {
  const bucket = opts.bucket ?? 'nalish-evidence';
  const accessKeyId = opts.accessKeyId ?? 'AKIATESTNALISH';
  const secretAccessKey = opts.secretAccessKey ?? 'test-secret-key/with+odd=chars';
  const region = opts.region ?? 'ap-south-1';
  const objects = new Map<string, { body: Buffer; contentType: string | undefined }>();
  const log: S3TestServer['log'] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = (req.url ?? '/').split('?')[0]!;
      const send = (status: number, fn: () => void) => {
        log.push({ method: req.method ?? '', path, status });
        fn();
      };
      const bad = checkSignature(req, body, { [accessKeyId]: secretAccessKey }, region);
      if (bad) return send(403, () => xmlError(res, 403, 'SignatureDoesNotMatch', bad));
      const parts = path.split('/').slice(1).map(decodeURIComponent);
      if (parts[0] !== bucket) return send(404, () => xmlError(res, 404, 'NoSuchBucket', 'no such bucket'));
      const key = parts.slice(1).join('/');
      if (!key) return send(400, () => xmlError(res, 400, 'InvalidRequest', 'no key'));
      if (req.method === 'PUT') {
        const ct = req.headers['content-type'];
        objects.set(key, { body, contentType: ct });
        return send(200, () => {
          res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
          res.end();
        });
      }
      if (req.method === 'GET') {
        const o = objects.get(key);
        if (!o) return send(404, () => xmlError(res, 404, 'NoSuchKey', 'no such key'));
        return send(200, () => {
          res.writeHead(200, { 'content-type': o.contentType ?? 'application/octet-stream', 'content-length': o.body.length });
          res.end(o.body);
        });
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        return send(204, () => {
          res.writeHead(204);
          res.end();
        });
      }
      return send(405, () => xmlError(res, 405, 'MethodNotAllowed', 'method not allowed'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId,
    secretAccessKey,
    region,
    objects,
    log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
