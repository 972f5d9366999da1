// Background loops: the outbox (notifications and webhooks) and the deadline sweep. They run
// inside the server process by default (WORKERS=true) and can run as separate processes
// (src/worker.ts) against a PostgreSQL server; claims are atomic, so any number may run.
import type { Deps } from './deps.ts';
import { sweepTimers } from './deadlines/sweep.ts';
import { type Senders, deliverBatch } from './notify/deliver.ts';

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
  const tick = async () => {
    try {
      await sweepTimers(deps);
    } catch (e) {
      log('deadline sweep failed', e);
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
