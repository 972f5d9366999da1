// Whether the database answers and every migration has been applied (GET /health).
import type { Health } from '@nalish/domain/responses';
import type { Db } from '../db/db.ts';
import { pendingMigrations } from '../db/migrate.ts';

export async function checkHealth(db: Db): Promise<Health> {
  try {
    await db.query('SELECT 1');
    const pending = await pendingMigrations(db);
    return { status: pending.length === 0 ? 'ok' : 'migrations_pending', database: db.kind, pendingMigrations: pending };
  } catch {
    return { status: 'database_unreachable', database: db.kind, pendingMigrations: [] };
  }
}
