// Configuration is read from the environment once, at start-up, and validated here.
// .env.example at the repository root documents every setting.
import { isIP } from 'node:net';
import { z } from 'zod';
import { LifecycleSettingsSchema } from '@nalish/domain';
import { StartupRefused } from './startup.ts';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Behind a reverse proxy: how many proxy hops, or which proxy addresses, to believe
   *  X-Forwarded-For/-Proto/-Host from (Fastify's trustProxy). Unset: none. */
  TRUST_PROXY: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** The address people use to reach this service; used in SMS and e-mail links. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Secret used to hash OTPs and session tokens (a random one is made per data dir if unset). */
  SECRET: z.string().min(32).optional(),
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_TOKEN: z.string().optional(),
  SMS_SENDER_ID: z.string().default('NALISH'),
  /** The body field the SMS gateway recognises a repeated message by (notify/sms.ts). */
  SMS_GATEWAY_REFERENCE_FIELD: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/).default('reference'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Nalish <no-reply@nalish.local>'),
  STORAGE: z.enum(['disk', 's3']).default('disk'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  WORKERS: bool.default(true),
  /** How long a worker holds a leased outbox message before another worker may retry it
   *  (default 60 s; tests that kill workers use a short lease). */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
  /** Accept webhook endpoints on this computer (http://127.0.0.1, localhost); unset: only when
   *  PUBLIC_URL is itself on this computer (a local demo), never on a public install. */
  WEBHOOKS_ALLOW_LOOPBACK: bool.optional(),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Unset: on only when PUBLIC_URL is on this computer. `force`: on even for a public address. */
  DEMO_DATA: z.enum(['true', 'false', '1', '0', 'force']).optional(),
  FILINGS_PER_DAY: z.coerce.number().int().min(1).default(5),
  OTP_PER_PHONE_PER_HOUR: z.coerce.number().int().min(1).default(5),
  OTP_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(30),
  /** Staff sign-in tries before a lock (5, 10, 20, 40 minutes, then an hour each), per account
   *  and per address, counted in the database. */
  SIGN_IN_TRIES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGN_IN_TRIES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  API_KEY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LIFECYCLE_SETTINGS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = ReturnType<typeof parseConfig>;

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: a hop count (1 = the one proxy in front of us), or a comma-separated list of the
 * proxies' addresses and CIDR ranges (or loopback, linklocal, uniquelocal). `true` (believe any
 * X-Forwarded-For) is refused: a client reaching the server directly could then pick its address.
 */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((x) => x.trim()).filter(Boolean);
  for (const entry of entries) {
    const [addr = '', bits, extra] = entry.split('/');
    const family = isIP(addr);
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(PROXY_NAMES.has(entry) || (family !== 0 && okBits && extra === undefined))) {
      throw new StartupRefused(
        `TRUST_PROXY=${value}: "${entry}" is not a proxy address. Give the number of proxies in front of Nalish (e.g. 1), ` +
          'or their addresses and ranges separated by commas (e.g. 127.0.0.1 or 10.0.0.0/8,::1).',
      );
    }
  }
  return entries;
}

/** PUBLIC_URL on this computer (a local try-out or a test), as opposed to a public install. */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Demo data on a public address: the README prints its officer's password and TOTP secret. */
export class DemoDataOnPublicUrl extends StartupRefused {
  constructor(publicUrl: string) {
    super(
      `DEMO_DATA=true with PUBLIC_URL=${publicUrl}, a public address: the demo data creates officers and a merchant whose ` +
        'passwords (and the officer\'s TOTP secret) are printed in the README, so anyone could sign in. Demo data loads by ' +
        'default only when PUBLIC_URL is on this computer. Leave DEMO_DATA unset (or false), or set DEMO_DATA=force if this ' +
        'public install is meant to be a demo.',
    );
  }
}

export function parseConfig(env: Record<string, string | undefined> = process.env) {
  const e = EnvSchema.parse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  const lifecycle = LifecycleSettingsSchema.parse(e.LIFECYCLE_SETTINGS ? JSON.parse(e.LIFECYCLE_SETTINGS) : {});
  const local = isLocalUrl(e.PUBLIC_URL);
  const demo = e.DEMO_DATA ?? (local ? 'true' : 'false');
  if (!local && (demo === 'true' || demo === '1')) throw new DemoDataOnPublicUrl(e.PUBLIC_URL);
  return {
    port: e.PORT,
    host: e.HOST,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    secret: e.SECRET,
    sms: { gatewayUrl: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN, senderId: e.SMS_SENDER_ID, referenceField: e.SMS_GATEWAY_REFERENCE_FIELD },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    storage: {
      kind: e.STORAGE,
      s3: { endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY },
    },
    workers: e.WORKERS,
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
    webhooks: {
      allowLoopback: e.WEBHOOKS_ALLOW_LOOPBACK ?? local,
      // A delivery must end well inside the worker's lease, or another worker would take it over.
      timeoutMs: Math.min(e.WEBHOOK_TIMEOUT_MS, Math.floor(e.OUTBOX_LEASE_MS / 2)),
    },
    demoData: demo !== 'false' && demo !== '0',
    /** Demo data was asked for on a public address on purpose (DEMO_DATA=force). */
    demoForced: demo === 'force',
    /** PUBLIC_URL is on this computer. */
    localInstall: local,
    limits: {
      filingsPerDay: e.FILINGS_PER_DAY,
      otpPerPhonePerHour: e.OTP_PER_PHONE_PER_HOUR,
      otpPerIpPerHour: e.OTP_PER_IP_PER_HOUR,
      signInTriesPerAccount: e.SIGN_IN_TRIES_PER_ACCOUNT,
      signInTriesPerAddress: e.SIGN_IN_TRIES_PER_ADDRESS,
      apiKeyRequestsPerMinute: e.API_KEY_REQUESTS_PER_MINUTE,
    },
    lifecycle,
    logLevel: e.LOG_LEVEL,
  };
}
