// Who am I, and sign out. The web app uses these with the HttpOnly session cookie.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdentitySchema, NoContentSchema } from '@nalish/domain/responses';
import type { Deps } from '../deps.ts';
import { identityOf } from '../auth/identity.ts';
import { endSession } from '../auth/sessions.ts';
import { SESSION_COOKIE, requireActor, sessionToken } from '../http/auth.ts';

export const sessionRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/v1/session', { schema: { tags: ['session'], summary: 'The signed-in identity', response: { 200: IdentitySchema } } }, async (request) => {
      return identityOf(deps.db, requireActor(request));
    });

    app.delete('/api/v1/session', { schema: { tags: ['session'], summary: 'Sign out', response: { 204: NoContentSchema } } }, async (request, reply) => {
      const token = sessionToken(request);
      if (token) await endSession(deps, token);
      return reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`).status(204).send();
    });
  };
