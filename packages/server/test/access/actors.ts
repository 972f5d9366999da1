// Small actors for the access rules' unit tests: one of each kind, two merchants, two offices.
import type { Actor } from '../../src/access/actor.ts';
import type { Queryable } from '../../src/db/db.ts';
import { AppError } from '../../src/errors.ts';

export const M1 = '11111111-1111-4111-8111-111111111111';
export const M2 = '22222222-2222-4222-8222-222222222222';
export const OFFICE1 = '33333333-3333-4333-8333-333333333333';
export const OFFICE2 = '44444444-4444-4444-8444-444444444444';

export const consumer: Actor = { role: 'consumer', phone: '+8801712345678' };
export const otherConsumer: Actor = { role: 'consumer', phone: '+8801812345678' };
export const staff: Actor = { role: 'merchant', merchantId: M1, userId: 'u-owner' };
export const agent: Actor = { role: 'merchant', merchantId: M1, userId: 'u-agent' };
export const otherStaff: Actor = { role: 'merchant', merchantId: M2, userId: 'u-other' };
export const fullKey: Actor = { role: 'merchant', merchantId: M1, userId: null, apiKey: { id: 'k1', scopes: ['complaints:read', 'complaints:respond', 'webhooks:manage'] } };
export const readKey: Actor = { role: 'merchant', merchantId: M1, userId: null, apiKey: { id: 'k2', scopes: ['complaints:read'] } };
export const officer: Actor = { role: 'officer', officerId: 'o1', officeId: OFFICE1 };
export const otherOfficer: Actor = { role: 'officer', officerId: 'o2', officeId: OFFICE2 };
export const system: Actor = { role: 'system' };

/** A database that knows staff roles only: userId → role (absent: switched off or unknown). */
export function staffDb(roles: Record<string, 'owner' | 'agent'>): Queryable {
  return {
    query: async (_sql: string, params: readonly unknown[] = []) => {
      const role = roles[String(params[0])];
      return (role ? [{ role }] : []) as never[];
    },
    exec: async () => undefined,
  };
}

/** The error code a rule throws, or null when it lets the actor through. */
export async function refusal(fn: () => unknown): Promise<string | null> {
  try {
    await fn();
    return null;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}
