// A real SMTP server in the test process (the smtp-server package): no TLS, no
// authentication, on 127.0.0.1 and a free port. It parses each received message just enough
// for assertions (Message-ID, To, Subject, the text body; RFC 2047 encoded words, base64 and
// quoted-printable bodies, which is what nodemailer sends for Bengali text) and records it.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  /** Envelope recipients (RCPT TO). */
  rcptTo: string[];
  /** The To: header as decoded text. */
  to: string;
  from: string;
  subject: string;
  text: string;
  at: Date;
}

export interface SmtpTestServer {
  /** The URL to give the service as SMTP_URL. */
  readonly url: string;
  readonly mails: ReceivedMail[];
  /** Refuse the next `n` messages with a temporary 451 error (nothing is recorded). */
  failNext(n: number): void;
  /** Wait this long before accepting each message. */
  setDelay(ms: number): void;
  /** Mails whose envelope includes this address, oldest first. */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

function decodeWords(value: string): string {
  // Adjacent encoded words separated only by whitespace are joined (RFC 2047 §6.2).
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_m, charset: string, enc: string, data: string) => {
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : Buffer.from(
              data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            );
      return new TextDecoder(charset.toLowerCase()).decode(bytes);
    });
}

function decodeQuotedPrintable(body: string): Buffer {
  const soft = body.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const ch = soft[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(...Buffer.from(ch, 'latin1'));
    }
  }
  return Buffer.from(out);
}

/** A minimal parser for the single-part text messages the service sends. */
export function parseMail(raw: Buffer): { headers: Map<string, string>; text: string } {
  const s = raw.toString('latin1');
  const split = s.search(/\r?\n\r?\n/);
  const head = split < 0 ? s : s.slice(0, split);
  const bodyRaw = split < 0 ? '' : s.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const type = headers.get('content-type') ?? 'text/plain';
  if (/^multipart\//i.test(type)) throw new Error(`multipart mail not expected in tests: ${type}`);
  const charset = /charset="?([^";]+)"?/i.exec(type)?.[1] ?? 'utf-8';
  const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    cte === 'base64'
      ? Buffer.from(bodyRaw.replace(/\s+/g, ''), 'base64')
      : cte === 'quoted-printable'
        ? decodeQuotedPrintable(bodyRaw)
        : Buffer.from(bodyRaw, 'latin1');
  const text = new TextDecoder(charset.toLowerCase()).decode(bytes).replace(/\r\n/g, '\n').replace(/\n$/, '');
  for (const [k, v] of headers) headers.set(k, decodeWords(v));
  return { headers, text };
}

export async function startSmtpServer(): Promise<SmtpTestServer> {
  const mails: ReceivedMail[] = [];
  let failing = 0;
  let delay = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Do not wait the default 30 s for idle client connections when the test closes it.
    closeTimeout: 500,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        if (failing > 0) {
          failing -= 1;
          const err = new Error('mailbox temporarily unavailable') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        try {
          const { headers, text } = parseMail(Buffer.concat(chunks));
          mails.push({
            messageId: headers.get('message-id') ?? '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            to: headers.get('to') ?? '',
            from: headers.get('from') ?? '',
            subject: headers.get('subject') ?? '',
            text,
            at: new Date(),
          });
          callback();
        } catch (e) {
          callback(e as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    failNext(n) {
      failing = n;
    },
    setDelay(ms) {
      delay = ms;
    },
    to(address) {
      return mails.filter((m) => m.rcptTo.includes(address));
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
