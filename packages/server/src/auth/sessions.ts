// Sessions: a random token given to the client (as a Bearer token and an HttpOnly cookie),
// stored only as its keyed hash.
import type { Deps } from '../deps.ts';
import { keyedHash, randomToken } from './secrets.ts';

export type SessionKind = 'consumer' | 'merchant' | 'officer';
export const SESSION_TTL_MS: Record<SessionKind, number> = {
  consumer: 30 * 24 * 3600_000,
  merchant: 12 * 3600_000,
  officer: 8 * 3600_000,
};

export async function createSession(deps: Deps, kind: SessionKind, subject: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(deps.now().getTime() + SESSION_TTL_MS[kind]);
  await deps.db.query('INSERT INTO sessions (token_hash, kind, subject, expires_at) VALUES ($1, $2, $3, $4)', [
    keyedHash(deps.secret, `session:${token}`),
    kind,
    subject,
    expiresAt,
  ]);
  return { token, expiresAt };
}

export async function findSession(deps: Deps, token: string): Promise<{ kind: SessionKind; subject: string } | null> {
  const [s] = await deps.db.query<{ kind: SessionKind; subject: string }>(
    'SELECT kind, subject FROM sessions WHERE token_hash = $1 AND expires_at > $2',
    [keyedHash(deps.secret, `session:${token}`), deps.now()],
  );
  return s ?? null;
}

export async function endSession(deps: Deps, token: string): Promise<void> {
  await deps.db.query('DELETE FROM sessions WHERE token_hash = $1', [keyedHash(deps.secret, `session:${token}`)]);
}
