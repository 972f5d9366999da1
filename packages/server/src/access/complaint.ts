// Object-level authorisation for complaints, in one place: a consumer reaches only their own
// complaints, a merchant only those against it, an officer only those of their office.
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

interface Owned {
  consumer_phone: string;
  merchant_id: string;
  office_id: string;
}

export function mayAccessComplaint(actor: Actor, c: Owned): boolean {
  switch (actor.role) {
    case 'consumer':
      return c.consumer_phone === actor.phone;
    case 'merchant':
      return c.merchant_id === actor.merchantId;
    case 'officer':
      return c.office_id === actor.officeId;
    case 'system':
      return true;
  }
}

/** Object-level check: a complaint someone may not see is reported as not found. */
export function authorise<R extends Owned>(actor: Actor, row: R | null): R {
  if (!row || !mayAccessComplaint(actor, row)) throw new AppError('not_found');
  return row;
}
