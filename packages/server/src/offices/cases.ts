// The office's queue: its complaints in the regulator's phase (the states the domain puts
// there), soonest deadline first, with the merchant's name and the officer assigned; and the
// merchants that have such cases, for the queue's filter.
import { REGULATOR_STATES } from '@nalish/domain';
import type { CasePage } from '@nalish/domain/responses';
import type { Queryable } from '../db/db.ts';
import { type ListFilter, listComplaints } from '../complaints/lists.ts';
import { summary } from '../complaints/view.ts';

export type CaseFilter = Omit<ListFilter, 'states'> & { states?: ListFilter['states'] };

export async function officeQueue(db: Queryable, officeId: string, filter: CaseFilter, now: Date): Promise<CasePage> {
  const page = await listComplaints(db, { column: 'office_id', value: officeId }, { ...filter, states: filter.states ?? REGULATOR_STATES }, now);
  const ids = [...new Set(page.items.map((r) => r.merchant_id))];
  const names = new Map(
    ids.length ? (await db.query<{ id: string; name: string }>('SELECT id, name FROM merchants WHERE id = ANY($1::uuid[])', [ids])).map((m) => [m.id, m.name]) : [],
  );
  return {
    items: page.items.map((r) => ({ ...summary(r, now), merchantName: names.get(r.merchant_id) ?? null, assignedOfficerId: r.assigned_officer_id })),
    nextCursor: page.nextCursor,
  };
}

/** The merchants with cases in the regulator's phase at the office, by name. */
export async function merchantsWithCases(db: Queryable, officeId: string): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }>(
    `SELECT m.id, m.name FROM merchants m WHERE m.id IN (SELECT merchant_id FROM complaints WHERE office_id = $1 AND state = ANY($2::text[])) ORDER BY m.name`,
    [officeId, [...REGULATOR_STATES]],
  );
}
