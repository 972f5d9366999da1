// Background loops: the outbox (notifications and webhooks), the deadlines a holiday change
// moves, the deadline sweep and, once a minute, the pruning of expired Idempotency-Key answers,
// old rate-limit windows and quiet sign-in counters. They run inside the server process by
// default (WORKERS=true) and can run as separate processes (src/worker.ts) against a
// PostgreSQL server; claims are atomic, so any number may run.
import type { Deps } from './deps.ts';
import { dropQuietSignInCounters } from './auth/staffSignIn.ts';
import { processCalendarChanges } from './deadlines/recompute.ts';
import { sendOverdueDigests } from './deadlines/overdueDigest.ts';
import { sweepTimers } from './deadlines/sweep.ts';
import { foldCounterDeltas } from './stats/counters.ts';
import { dropExpiredIdempotencyKeys } from './http/idempotency.ts';
import { dropOldWindows } from './limits/fixedWindow.ts';
import { type Senders, deliverBatch } from './notify/deliver.ts';

const PRUNE_EVERY_MS = 60_000;
// Rate-limit windows are a minute to a day long; older ones count nothing any more.
const KEEP_WINDOWS_MS = 2 * 24 * 3600_000;

export interface Workers {
  stop(): Promise<void>;
  /** Run both loops once now (tests, the CLI). */
  tick(): Promise<void>;
}

export function startWorkers(deps: Deps, senders: Senders, opts: { intervalMs?: number; log?: (msg: string, err?: unknown) => void } = {}): Workers {
  const interval = opts.intervalMs ?? 1000;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const log = opts.log ?? (() => undefined);
  let prunedAt = 0;
  const loops: [string, () => Promise<unknown>][] = [
    // The figures' appended deltas into the counters (a figure is exact either way).
    ['folding counter deltas', () => foldCounterDeltas(deps.db)],
    // Deadlines a holiday declared late moves are moved before the sweep could fire them.
    ['moving deadlines after a holiday change', () => processCalendarChanges(deps)],
    ['deadline sweep', () => sweepTimers(deps)],
    ['overdue digest', () => sendOverdueDigests(deps)],
  ];
  const tick = async () => {
    if (Date.now() - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      try {
        const now = deps.now();
        await dropExpiredIdempotencyKeys(deps.db, now);
        await dropOldWindows(deps.db, new Date(now.getTime() - KEEP_WINDOWS_MS));
        await dropQuietSignInCounters(deps.db, now);
      } catch (e) {
        log('pruning idempotency keys and rate windows failed', e);
      }
    }
    // Each loop on its own: one that fails is logged and the others still run.
    for (const [what, run] of loops) {
      try {
        await run();
      } catch (e) {
        log(`${what} failed`, e);
      }
    }
    try {
      // Drain what is due, a batch at a time.
      for (let i = 0; i < 50; i++) {
        const r = await deliverBatch(deps.db, senders, deps.now, 20, deps.config.outboxLeaseMs, deps.config.publicUrl);
        if (r.sent + r.failed === 0) break;
      }
    } catch (e) {
      log('outbox delivery failed', e);
    }
  };
  const loop = async () => {
    while (!stopped) {
      running = tick();
      await running;
      await new Promise((r) => setTimeout(r, interval).unref());
    }
  };
  void loop();
  return {
    async stop() {
      stopped = true;
      await running;
    },
    tick,
  };
}
