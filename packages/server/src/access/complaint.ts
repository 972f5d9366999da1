// Object-level authorisation for complaints, in one place: a consumer reaches only their own
// complaints, a merchant only those against it, an officer only those of their office.
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
