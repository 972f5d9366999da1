// Who is signed in, as GET /api/v1/session answers: the actor with the names the web app shows.
import type { Identity } from '@nalish/domain/responses';
import type { Queryable } from '../db/db.ts';
import type { Actor } from '../access/actor.ts';
import { mayManageHolidays } from '../access/holidays.ts';

export async function identityOf(db: Queryable, actor: Actor): Promise<Identity> {
  switch (actor.role) {
    case 'consumer':
      return { role: actor.role, phone: actor.phone };
    case 'merchant': {
      const [m] = await db.query<{ name: string }>('SELECT name FROM merchants WHERE id = $1', [actor.merchantId]);
      const [u] = actor.userId
        ? await db.query<{ name: string; role: 'owner' | 'agent'; email: string }>('SELECT name, role, email FROM merchant_users WHERE id = $1', [actor.userId])
        : [];
      return { role: actor.role, merchantId: actor.merchantId, merchantName: m?.name ?? null, userId: actor.userId, name: u?.name ?? null, staffRole: u?.role ?? null, email: u?.email ?? null };
    }
    case 'officer': {
      const [o] = await db.query<{ name: string; email: string; office: string; office_bn: string; level: string }>(
        'SELECT o.name, o.email, f.name_en AS office, f.name_bn AS office_bn, f.level FROM officers o JOIN offices f ON f.id = o.office_id WHERE o.id = $1',
        [actor.officerId],
      );
      return { role: actor.role, officerId: actor.officerId, officeId: actor.officeId, name: o?.name ?? null, email: o?.email ?? null, officeName: o?.office ?? null, officeNameBn: o?.office_bn ?? null, mayManageHolidays: mayManageHolidays(actor, o?.level ?? null) };
    }
    case 'system':
      return { role: actor.role };
  }
}
