// API keys: staff see the merchant's keys (never the key itself); only an owner, signed in,
// creates or revokes one, so an API key can never mint more keys. A key is reached only
// through its merchant (auth/apiKeys.ts names merchant_id in every query): another
// merchant's key is not found.
import type { Queryable } from '../db/db.ts';
import type { Actor } from './actor.ts';
import { type Staff, ownerOf, staffOf } from './merchant.ts';

export const mayListApiKeys = (actor: Actor): Staff => staffOf(actor);
export const mayManageApiKeys = (db: Queryable, actor: Actor): Promise<Staff> => ownerOf(db, actor);
