// A case at the regulator: officers of the complaint's office only (access/complaint.ts), and
// the office's own lists (its queue, its officers, the merchants with cases there).
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

export type Officer = Extract<Actor, { role: 'officer' }>;

/** An officer, or 403 (the office's lists). */
export function officerOf(actor: Actor): Officer {
  if (actor.role !== 'officer') throw new AppError('forbidden');
  return actor;
}

/** The case file: anyone but an officer learns nothing, not even that the case exists (404). */
export function caseFileOfficer(actor: Actor): Officer {
  if (actor.role !== 'officer') throw new AppError('not_found');
  return actor;
}
