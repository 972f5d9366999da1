// Who may act for a merchant. Its people sign in to the portal (a session: a userId); its
// systems use API keys, limited to their scopes (actor.ts) and never to the merchant's own
// settings: staff, keys, the signing secret. Owners manage; agents answer complaints.
import type { Queryable } from '../db/db.ts';
import { AppError } from '../errors.ts';
import { activeStaffRole } from '../merchants/team.ts';
import type { Actor } from './actor.ts';

export interface Staff {
  merchantId: string;
  userId: string;
}

/** A merchant's staff member signed in with a session (never an API key), or 403. */
export function staffOf(actor: Actor): Staff {
  if (actor.role !== 'merchant' || !actor.userId) throw new AppError('forbidden');
  return { merchantId: actor.merchantId, userId: actor.userId };
}

/** A signed-in owner whose account is still active (the role is read now, not from sign-in), or 403. */
export async function ownerOf(db: Queryable, actor: Actor): Promise<Staff> {
  const staff = staffOf(actor);
  if ((await activeStaffRole(db, staff.userId)) !== 'owner') throw new AppError('forbidden');
  return staff;
}

/** The merchant a merchant actor (staff or API key) acts for, or 403. */
export function merchantOf(actor: Actor): string {
  if (actor.role !== 'merchant') throw new AppError('forbidden');
  return actor.merchantId;
}
