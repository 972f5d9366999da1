// A merchant's staff accounts: who they are, adding one, switching one off or changing its
// role. The owner check is access/merchant.ts; the rules about one's own account are here.
import type { TeamMember, TeamMemberResult } from '@nalish/domain/responses';
import type { Queryable } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { AppError, invalidFields } from '../errors.ts';
import { createMerchantUser } from '../admin/ops.ts';
import { randomToken } from '../auth/secrets.ts';

export type StaffRole = 'owner' | 'agent';

interface TeamRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  active: boolean;
  created_at: Date;
}

const COLUMNS = 'id, email, name, role, active, created_at';

const present = (r: TeamRow): TeamMember => ({ id: r.id, email: r.email, name: r.name, role: r.role, active: r.active, createdAt: new Date(r.created_at).toISOString() });

/** The role of an active staff account; null when it is switched off or unknown. */
export async function activeStaffRole(db: Queryable, userId: string): Promise<StaffRole | null> {
  const [me] = await db.query<{ role: StaffRole }>('SELECT role FROM merchant_users WHERE id = $1 AND active', [userId]);
  return me?.role ?? null;
}

export async function listTeam(db: Queryable, merchantId: string): Promise<TeamMember[]> {
  const rows = await db.query<TeamRow>(`SELECT ${COLUMNS} FROM merchant_users WHERE merchant_id = $1 ORDER BY active DESC, created_at, email`, [merchantId]);
  return rows.map(present);
}

export interface NewTeamMember {
  email: string;
  name: string;
  role: StaffRole;
  /** Given by the owner; when left out, one is made and shown once in the answer. */
  password?: string | undefined;
}

export async function addTeamMember(deps: Deps, merchantId: string, input: NewTeamMember): Promise<TeamMemberResult> {
  const { email, name, role } = input;
  const [taken] = await deps.db.query('SELECT 1 FROM merchant_users WHERE lower(email) = lower($1)', [email]);
  if (taken) throw invalidFields({ path: 'email', code: 'email_taken' });
  const generated = input.password === undefined;
  const password = input.password ?? randomToken(12);
  const id = await createMerchantUser(deps.db, { merchantId, email, name, role, password });
  const [row] = await deps.db.query<TeamRow>(`SELECT ${COLUMNS} FROM merchant_users WHERE id = $1`, [id]);
  return { member: present(row!), ...(generated ? { initialPassword: password } : {}) };
}

export interface TeamChange {
  active?: boolean | undefined;
  role?: StaffRole | undefined;
}

/** Switches a staff account off or on, or changes its role; switched off, its sessions end. */
export async function changeTeamMember(deps: Deps, by: { merchantId: string; userId: string }, id: string, change: TeamChange): Promise<TeamMemberResult> {
  const [row] = await deps.db.query<TeamRow>(`SELECT ${COLUMNS} FROM merchant_users WHERE id = $1 AND merchant_id = $2`, [id, by.merchantId]);
  if (!row) throw new AppError('not_found');
  // An owner cannot lock themselves out, nor leave the merchant without an owner.
  if (id === by.userId && change.active === false) throw invalidFields({ path: 'active', code: 'cannot_deactivate_self' });
  if (id === by.userId && change.role === 'agent') throw invalidFields({ path: 'role', code: 'cannot_demote_self' });
  const [updated] = await deps.db.query<TeamRow>(
    `UPDATE merchant_users SET active = coalesce($3, active), role = coalesce($4, role)
     WHERE id = $1 AND merchant_id = $2 RETURNING ${COLUMNS}`,
    [id, by.merchantId, change.active ?? null, change.role ?? null],
  );
  if (change.active === false) await deps.db.query("DELETE FROM sessions WHERE kind = 'merchant' AND subject = $1", [id]);
  return { member: present(updated!) };
}
