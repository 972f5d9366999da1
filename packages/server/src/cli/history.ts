// Checking the hash chains of the history.
import { MISSING_COMPLAINT, eventsWithoutComplaint, verifyChain } from '../history/chain.ts';
import { parse, str } from './args.ts';
import { CliError, type Handler } from './io.ts';

export const historyCommands: Record<string, Handler> = {
  async 'verify-chain'(args, getDeps, out) {
    const { values: v } = parse(args, { complaint: { type: 'string' } });
    const code = str(v, 'complaint');
    const db = (await getDeps()).db;
    const complaints = code
      ? await db.query<{ id: string; tracking_code: string }>('SELECT id, tracking_code FROM complaints WHERE tracking_code = $1', [code])
      : await db.query<{ id: string; tracking_code: string }>('SELECT id, tracking_code FROM complaints ORDER BY filed_at, id');
    if (code && complaints.length === 0) throw new CliError(`no complaint with tracking code ${code}`);
    let broken = 0;
    let events = 0;
    for (const c of complaints) {
      const r = await verifyChain(db, c.id);
      events += r.events;
      if (r.ok) {
        if (code) out.out(`ok ${c.tracking_code}: ${r.events} events, chain intact`);
      } else {
        broken += 1;
        out.out(`BROKEN ${c.tracking_code} at seq ${r.brokenAtSeq}: ${r.reason}`);
      }
    }
    // Events whose complaint row is gone: no chain above covers them.
    const orphans = code ? [] : await eventsWithoutComplaint(db);
    for (const o of orphans) {
      events += o.events;
      out.out(`BROKEN complaint ${o.complaintId}: ${o.events} events, but ${MISSING_COMPLAINT}`);
    }
    broken += orphans.length;
    if (!code) out.out(`${complaints.length} complaints, ${events} events checked: ${broken === 0 ? 'all chains intact' : `${broken} broken`}`);
    return broken === 0 ? 0 : 1;
  },

};
