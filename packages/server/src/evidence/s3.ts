// Evidence in an S3-compatible object store (AWS S3, MinIO, Ceph, Cloudflare R2 ...), with
// path-style URLs (`${endpoint}/${bucket}/${key}`) and AWS Signature Version 4 written out
// here with node:crypto, so there is no SDK to keep up to date. Every request signs the
// SHA-256 of its body (never UNSIGNED-PAYLOAD), so a body changed in transit is refused.
import { createHash, createHmac } from 'node:crypto';
import type { Storage } from './storage.ts';

export interface S3Settings {
  endpoint?: string | undefined;
  bucket?: string | undefined;
  region?: string | undefined;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
}

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service?: string;
}

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded. */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** 20260102T030405Z */
export const amzDate = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * Signs a request in place: adds x-amz-date, x-amz-content-sha256 and Authorization.
 * `path` is the already-encoded absolute path; `headers` must include host.
 */
export function signRequest(
  req: { method: string; path: string; query?: string; headers: Record<string, string>; body: Buffer },
  cred: S3Credentials,
  now: Date,
): Record<string, string> {
  const date = amzDate(now);
  const day = date.slice(0, 8);
  const payloadHash = sha256Hex(req.body);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v;
  headers['x-amz-date'] = date;
  headers['x-amz-content-sha256'] = payloadHash;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [req.method, req.path, req.query ?? '', canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const service = cred.service ?? 's3';
  const scope = `${day}/${cred.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${cred.secretAccessKey}`, day), cred.region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${cred.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

/** Our keys are our own ("evidence/<uuid>/<uuid>"), never a user's filename. */
function checkKey(key: string): string {
  if (!/^[a-z0-9][a-z0-9/-]*$/.test(key) || key.includes('..') || key.includes('//')) throw new Error(`bad storage key: ${key}`);
  return key;
}

export class S3Error extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'S3Error';
  }
}

export function s3Storage(settings: S3Settings, opts: { now?: () => Date; timeoutMs?: number } = {}): Storage {
  const missing = (
    [
      ['S3_ENDPOINT', settings.endpoint],
      ['S3_BUCKET', settings.bucket],
      ['S3_ACCESS_KEY_ID', settings.accessKeyId],
      ['S3_SECRET_ACCESS_KEY', settings.secretAccessKey],
    ] as const
  )
    .filter(([, v]) => !v)
    .map(([n]) => n);
  if (missing.length > 0) throw new Error(`STORAGE=s3 needs ${missing.join(', ')} to be set`);
  const endpoint = new URL(settings.endpoint!);
  if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') throw new Error('S3_ENDPOINT must be an http(s) URL');
  const base = endpoint.pathname.replace(/\/+$/, '');
  const bucket = settings.bucket!;
  const cred: S3Credentials = {
    accessKeyId: settings.accessKeyId!,
    secretAccessKey: settings.secretAccessKey!,
    region: settings.region || 'us-east-1',
  };
  const now = opts.now ?? (() => new Date());
  const timeoutMs = opts.timeoutMs ?? 30_000;

  async function send(method: 'PUT' | 'GET' | 'DELETE', key: string, body: Buffer = Buffer.alloc(0), contentType?: string): Promise<Response> {
    const path = `${base}/${uriEncode(bucket)}/${checkKey(key).split('/').map(uriEncode).join('/')}`;
    const headers: Record<string, string> = { host: endpoint.host };
    if (contentType) headers['content-type'] = contentType;
    const signed = signRequest({ method, path, headers, body }, cred, now());
    // fetch sets Host itself (to the same value); it refuses to be given one.
    delete signed.host;
    const res = await fetch(`${endpoint.protocol}//${endpoint.host}${path}`, {
      method,
      headers: signed,
      ...(method === 'PUT' ? { body: new Uint8Array(body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res;
  }

  async function fail(res: Response, what: string): Promise<never> {
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    throw new S3Error(`S3 ${what} failed: ${res.status}${code ? ` ${code}` : ''}`, res.status);
  }

  return {
    async put(key, data, mediaType) {
      const res = await send('PUT', key, data, mediaType);
      if (!res.ok) await fail(res, `PUT ${key}`);
      await res.arrayBuffer();
    },
    async get(key) {
      const res = await send('GET', key);
      if (!res.ok) await fail(res, `GET ${key}`);
      return Buffer.from(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await send('DELETE', key);
      // Deleting what is not there is not an error (as with disk storage).
      if (!res.ok && res.status !== 404) await fail(res, `DELETE ${key}`);
      await res.arrayBuffer();
    },
  };
}
