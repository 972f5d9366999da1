// The HTTP side of a webhook delivery: one POST with a time limit, no redirects followed, and
// a connection only to addresses a webhook may reach (address.ts), checked after DNS.
import { type LookupAddress, lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { addressAllowed } from './address.ts';

export interface PostResult {
  /** The HTTP status, or null when no answer came (timeout, refused, blocked address). */
  status: number | null;
  error: string | null;
  /** The first characters of the answer, for the delivery log. */
  body: string;
  durationMs: number;
}

export interface WebhookSender {
  /** POST the body; never throws: a failure is a result. */
  post(url: string, body: string, headers: Record<string, string>): Promise<PostResult>;
}

const BODY_KEEP = 500;

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(allowLoopback: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true } as { all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const blocked = addresses.find((a) => !addressAllowed(a.address, allowLoopback));
      if (blocked || addresses.length === 0) {
        return callback(Object.assign(new Error(`${hostname} resolves to an address webhooks may not reach`), { code: 'EADDRNOTALLOWED' }), []);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

export function httpWebhookSender(opts: { timeoutMs: number; allowLoopback: boolean }): WebhookSender {
  const lookup = guardedLookup(opts.allowLoopback);
  return {
    post(url, body, headers) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      return new Promise<PostResult>((resolve) => {
        let settled = false;
        const done = (r: Omit<PostResult, 'durationMs'>) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ ...r, durationMs: elapsed() });
        };
        let u: URL;
        try {
          u = new URL(url);
        } catch {
          return done({ status: null, error: 'invalid URL', body: '' });
        }
        const host = u.hostname.replace(/^\[|\]$/g, '');
        // An IP address in the URL is connected to without a lookup, so check it here.
        if (isIP(host) && !addressAllowed(host, opts.allowLoopback)) {
          return done({ status: null, error: 'address not allowed', body: '' });
        }
        const payload = Buffer.from(body);
        const req = (u.protocol === 'https:' ? https : http).request(
          u,
          { method: 'POST', headers: { ...headers, 'content-length': String(payload.length) }, lookup: lookup as never, agent: false },
          (res) => {
            const chunks: Buffer[] = [];
            let kept = 0;
            res.on('data', (c: Buffer) => {
              if (kept < BODY_KEEP * 4) {
                chunks.push(c);
                kept += c.length;
              }
            });
            res.on('end', () => done({ status: res.statusCode ?? null, error: null, body: Buffer.concat(chunks).toString('utf8').slice(0, BODY_KEEP) }));
            res.on('error', (e) => done({ status: res.statusCode ?? null, error: null, body: String(e.message).slice(0, BODY_KEEP) }));
          },
        );
        const timer = setTimeout(() => {
          req.destroy();
          done({ status: null, error: `timeout after ${opts.timeoutMs} ms`, body: '' });
        }, opts.timeoutMs);
        req.on('error', (e: NodeJS.ErrnoException) => done({ status: null, error: (e.code ? `${e.code}: ` : '') + e.message.slice(0, 300), body: '' }));
        req.end(payload);
      });
    },
  };
}
