// Staff sign-in (merchant staff with e-mail and password; officers also with a TOTP code), in
// one place for both routes. Attempts are counted in the database (shared by every server
// process, kept across restarts), per account and per address:
//
// - A try is counted when it starts (so many tries in parallel cannot get past the limit).
//   The last allowed try sets the lock at once; if it succeeds the lock is lifted again.
// - While an account or an address is locked, nothing is checked: 429 sign_in_locked with
//   Retry-After. Locks grow (5, 10, 20, 40 minutes, then an hour each) and always end; a day
//   without tries starts the count afresh. The rightful owner is never locked out for good.
// - When an account locks, its owner is e-mailed (through the outbox).
// - A success resets the account; it takes back only its own try from the address (so signing
//   in to one's own account does not clear an address's count of guesses at others').
//
// Nothing tells an attacker which accounts exist: an unknown (or switched-off) e-mail gets a
// dummy argon2 check, so it takes as long as a known one; it is counted and locked the same
// way; and an officer's missing or wrong TOTP code gets the same answer as a wrong password.
import { randomBytes } from 'node:crypto';
import { type Locale, formatDateTime, t } from '@nalish/domain';
import type { Queryable } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { enqueueOutbox } from '../records/outbox.ts';
import { AppError } from '../errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { keyedHash } from './secrets.ts';
import { createSession } from './sessions.ts';
import { matchTotp } from './totp.ts';

export type StaffKind = 'merchant' | 'officer';

export interface SignInAttempt {
  kind: StaffKind;
  email: string;
  password: string;
  /** Officers only: the authenticator's code. */
  totp?: string | undefined;
  /** The client's address (request.ip: behind a proxy, as TRUST_PROXY allows). */
  ip: string;
}

export type SignedIn = { token: string; expiresAt: Date } & (
  | { kind: 'merchant'; userId: string; merchantId: string; role: 'owner' | 'agent'; name: string }
  | { kind: 'officer'; officerId: string; officeId: string; name: string }
);

const MINUTE = 60_000;
/** The first lock; each later one in the same run of failures lasts twice as long. */
export const FIRST_LOCK_MS = 5 * MINUTE;
export const LONGEST_LOCK_MS = 60 * MINUTE;
/** A day without tries: the count starts afresh. */
export const FORGIVE_AFTER_MS = 24 * 60 * MINUTE;

export const lockDurationMs = (earlierLocks: number): number => Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(earlierLocks, 20));

// Unknown e-mails are checked against this, so they cost what a real check costs. Made once
// at start-up with the same parameters as every stored hash.
let dummyHash: Promise<string> | null = null;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(18).toString('base64')));
/** Makes the dummy hash now (at start-up), so the first unknown e-mail is not slower. */
export const prepareStaffSignIn = (): Promise<unknown> => dummy();

interface ThrottleRow {
  tries: number;
  lockouts: number;
  locked_until: Date | null;
  last_try_at: Date;
}

interface Counter {
  key: string;
  limit: number;
  /** What this try did: its number in the run, and the lock it set (the last allowed try). */
  tries?: number;
  lockedUntil?: Date | null;
}

type Verify = (hash: string, password: string) => Promise<boolean>;

interface Account {
  id: string;
  password_hash: string;
  name: string;
  email: string;
  locale: Locale;
  merchant_id?: string;
  role?: 'owner' | 'agent';
  office_id?: string;
  totp_secret?: string;
}

async function findAccount(db: Queryable, kind: StaffKind, email: string): Promise<Account | null> {
  const [row] =
    kind === 'merchant'
      ? await db.query<Account>(
          `SELECT u.id, u.password_hash, u.name, u.email, m.locale, u.merchant_id, u.role
           FROM merchant_users u JOIN merchants m ON m.id = u.merchant_id WHERE lower(u.email) = lower($1) AND u.active`,
          [email],
        )
      : // Officers read Bengali first; the lock e-mail goes to them in Bengali.
        await db.query<Account>(
          `SELECT id, password_hash, name, email, 'bn' AS locale, office_id, totp_secret FROM officers WHERE lower(email) = lower($1) AND active`,
          [email],
        );
  return row ?? null;
}

/** Takes one try from each counter, or refuses (nothing taken) while any of them is locked. */
async function takeTry(deps: Deps, counters: Counter[], now: Date): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const rows: ThrottleRow[] = [];
    // Always in the same order (account, then address), so two tries never deadlock.
    for (const c of counters) {
      await tx.query('INSERT INTO sign_in_throttle (key, last_try_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [c.key, now]);
      const [row] = await tx.query<ThrottleRow>('SELECT tries, lockouts, locked_until, last_try_at FROM sign_in_throttle WHERE key = $1 FOR UPDATE', [c.key]);
      rows.push(row!);
    }
    const until = rows.map((r) => (r.locked_until ? new Date(r.locked_until) : null)).filter((d): d is Date => d !== null && d > now);
    if (until.length > 0) {
      const end = new Date(Math.max(...until.map((d) => d.getTime())));
      const seconds = Math.ceil((end.getTime() - now.getTime()) / 1000);
      throw new AppError('sign_in_locked', { minutes: Math.ceil(seconds / 60) }, { retryAfterSeconds: seconds });
    }
    for (const [i, c] of counters.entries()) {
      const row = rows[i]!;
      const fresh = now.getTime() - new Date(row.last_try_at).getTime() > FORGIVE_AFTER_MS;
      const tries = (fresh ? 0 : row.tries) + 1;
      const lockouts = fresh ? 0 : row.lockouts;
      const locks = tries >= c.limit;
      c.tries = tries;
      c.lockedUntil = locks ? new Date(now.getTime() + lockDurationMs(lockouts)) : null;
      await tx.query('UPDATE sign_in_throttle SET tries = $2, lockouts = $3, locked_until = $4, last_try_at = $5 WHERE key = $1', [
        c.key,
        locks ? 0 : tries,
        locks ? lockouts + 1 : lockouts,
        c.lockedUntil,
        now,
      ]);
    }
  });
}

async function succeeded(deps: Deps, account: Counter, address: Counter): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx.query('DELETE FROM sign_in_throttle WHERE key = $1', [account.key]);
    // Only this try is taken back from the address (and the lock it set, if it did).
    await tx.query(
      address.lockedUntil
        ? 'UPDATE sign_in_throttle SET tries = $2, lockouts = greatest(lockouts - 1, 0), locked_until = NULL WHERE key = $1'
        : 'UPDATE sign_in_throttle SET tries = greatest(tries - 1, 0) WHERE key = $1',
      address.lockedUntil ? [address.key, Math.max(0, address.limit - 1)] : [address.key],
    );
  });
}

/** The account just locked: tell its owner, through the outbox. */
async function mailLock(deps: Deps, account: Account, tries: number, lockedUntil: Date): Promise<void> {
  const l = account.locale;
  const params = { email: account.email, tries, until: formatDateTime(l, lockedUntil), url: deps.config.publicUrl };
  await enqueueOutbox(
    deps.db,
    [{ channel: 'email', recipient: account.email, subject: t(l, 'notify.staff.sign_in_locked.subject', params), body: t(l, 'notify.staff.sign_in_locked.body', params), template: 'sign_in_locked' }],
    { record: null, now: deps.now() },
  );
}

export async function staffSignIn<K extends StaffKind>(deps: Deps, attempt: SignInAttempt & { kind: K }, opts: { verify?: Verify } = {}): Promise<Extract<SignedIn, { kind: K }>> {
  const verify = opts.verify ?? verifyPassword;
  const now = deps.now();
  const email = attempt.email.trim().toLowerCase();
  const { signInTriesPerAccount, signInTriesPerAddress } = deps.config.limits;
  const account: Counter = { key: keyedHash(deps.secret, `sign-in:account:${attempt.kind}:${email}`), limit: signInTriesPerAccount };
  const address: Counter = { key: keyedHash(deps.secret, `sign-in:address:${attempt.ip}`), limit: signInTriesPerAddress };
  await takeTry(deps, [account, address], now);

  const found = await findAccount(deps.db, attempt.kind, email);
  // The same argon2 work whether or not the account exists.
  const passwordOk = await verify(found?.password_hash ?? (await dummy()), attempt.password);
  let ok = found !== null && passwordOk;
  if (ok && attempt.kind === 'officer') {
    // A missing or wrong code is just a failed sign-in: it must not reveal the password was right.
    const step = attempt.totp ? matchTotp(found!.totp_secret!, attempt.totp, now) : null;
    // A code is good once: the step must be newer than the last one used.
    ok = step !== null && (await deps.db.query('UPDATE officers SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2 RETURNING id', [found!.id, step])).length > 0;
  }
  if (!ok) {
    if (account.lockedUntil && found) await mailLock(deps, found, account.tries!, account.lockedUntil);
    throw new AppError('login_failed');
  }
  await succeeded(deps, account, address);
  const a = found!;
  const session = await createSession(deps, attempt.kind, a.id);
  const signedIn: SignedIn =
    attempt.kind === 'merchant'
      ? { ...session, kind: 'merchant', userId: a.id, merchantId: a.merchant_id!, role: a.role!, name: a.name }
      : { ...session, kind: 'officer', officerId: a.id, officeId: a.office_id!, name: a.name };
  return signedIn as Extract<SignedIn, { kind: K }>;
}

/** Counters quiet for a day and not locked are of no further use (the housekeeping loop). */
export async function dropQuietSignInCounters(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query('DELETE FROM sign_in_throttle WHERE last_try_at < $1 AND (locked_until IS NULL OR locked_until < $2) RETURNING 1', [
    new Date(now.getTime() - FORGIVE_AFTER_MS),
    now,
  ]);
  return rows.length;
}
