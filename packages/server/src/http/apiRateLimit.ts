// Requests per minute for each merchant API key (API_KEY_REQUESTS_PER_MINUTE), shared by all
// server processes through the database. Every answer to an API key says where it stands
// (RateLimit-Limit, -Remaining, -Reset in seconds, as in the IETF RateLimit header draft);
// beyond the limit the answer is 429 with Retry-After. Portal sessions are not counted here.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { countHit } from '../limits/fixedWindow.ts';
import { isApiKey } from './auth.ts';

const WINDOW_MS = 60_000;

export function installApiRateLimit(app: FastifyInstance, deps: Deps): void {
  // Runs after the authentication hook (hooks run in the order they are added).
  app.addHook('onRequest', async (request, reply) => {
    const actor = request.actor;
    if (!isApiKey(actor)) return;
    const limit = deps.config.limits.apiKeyRequestsPerMinute;
    const now = deps.now();
    const { count, resetAt } = await countHit(deps.db, `apikey:${actor.apiKey.id}`, WINDOW_MS, now);
    const seconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
    void reply.header('ratelimit-limit', String(limit));
    void reply.header('ratelimit-remaining', String(Math.max(0, limit - count)));
    void reply.header('ratelimit-reset', String(seconds));
    if (count > limit) throw new AppError('api_rate_limited', { limit, seconds }, { retryAfterSeconds: seconds });
  });
}
