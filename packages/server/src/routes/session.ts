// Who am I, and sign out. The web app uses these with the HttpOnly session cookie.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { endSession } from '../auth/sessions.ts';
import { mayManageHolidays } from '../policies/holidays.ts';
import { SESSION_COOKIE, requireActor, sessionToken } from '../http/auth.ts';

export const sessionRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/v1/session', { schema: { tags: ['session'], summary: 'The signed-in identity' } }, async (request) => {
      const actor = requireActor(request);
      switch (actor.role) {
        case 'consumer':
          return { role: actor.role, phone: actor.phone };
        case 'merchant': {
          const [m] = await deps.db.query<{ name: string }>('SELECT name FROM merchants WHERE id = $1', [actor.merchantId]);
          const [u] = actor.userId
            ? await deps.db.query<{ name: string; role: string; email: string }>('SELECT name, role, email FROM merchant_users WHERE id = $1', [actor.userId])
            : [];
          return { role: actor.role, merchantId: actor.merchantId, merchantName: m?.name ?? null, userId: actor.userId, name: u?.name ?? null, staffRole: u?.role ?? null, email: u?.email ?? null };
        }
        case 'officer': {
          const [o] = await deps.db.query<{ name: string; email: string; office: string; office_bn: string; level: string }>(
            'SELECT o.name, o.email, f.name_en AS office, f.name_bn AS office_bn, f.level FROM officers o JOIN offices f ON f.id = o.office_id WHERE o.id = $1',
            [actor.officerId],
          );
          return {
            role: actor.role,
            officerId: actor.officerId,
            officeId: actor.officeId,
            name: o?.name ?? null,
            email: o?.email ?? null,
            officeName: o?.office ?? null,
            officeNameBn: o?.office_bn ?? null,
            mayManageHolidays: mayManageHolidays(actor, o?.level ?? null),
          };
        }
        case 'system':
          return { role: actor.role };
      }
    });

    app.delete('/api/v1/session', { schema: { tags: ['session'], summary: 'Sign out' } }, async (request, reply) => {
      const token = sessionToken(request);
      if (token) await endSession(deps, token);
      return reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`).status(204).send();
    });
  };
