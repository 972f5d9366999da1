// A merchant's API keys.
import { type ApiKeyScope } from '@nalish/domain';
import { createApiKey, revokeApiKey } from '../auth/apiKeys.ts';
import { parse, str, req, uuid, scopeList, inTransaction, mustExist, json } from './args.ts';
import { CliError, type Handler } from './io.ts';

export const apiKeysCommands: Record<string, Handler> = {
  async 'apikey create'(args, getDeps, out) {
    const { values: v } = parse(args, { merchant: { type: 'string' }, label: { type: 'string' }, scopes: { type: 'string' } });
    const merchantId = uuid(v, 'merchant');
    const label = req(v, 'label');
    const scopes = scopeList(str(v, 'scopes') ?? 'complaints:read,complaints:respond');
    const deps = await getDeps();
    await mustExist(deps.db, 'merchants', merchantId, 'merchant');
    const k = await createApiKey(deps, merchantId, label, scopes);
    json(out, { id: k.id, merchantId, label, scopes, prefix: k.prefix, key: k.key });
    out.err('The key is shown only now; it is stored as a hash.');
    return 0;
  },

  async 'apikey list'(args, getDeps, out) {
    const { values: v } = parse(args, { merchant: { type: 'string' } });
    const merchantId = uuid(v, 'merchant');
    const deps = await getDeps();
    await mustExist(deps.db, 'merchants', merchantId, 'merchant');
    const rows = await deps.db.query<{ id: string; prefix: string; label: string; scopes: string[]; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }>(
      'SELECT id, prefix, label, scopes, created_at, revoked_at, last_used_at FROM api_keys WHERE merchant_id = $1 ORDER BY created_at DESC, id',
      [merchantId],
    );
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    json(
      out,
      rows.map((r) => ({ id: r.id, prefix: r.prefix, label: r.label, scopes: r.scopes, createdAt: iso(r.created_at), revokedAt: iso(r.revoked_at), lastUsedAt: iso(r.last_used_at) })),
    );
    return 0;
  },

  async 'apikey revoke'(args, getDeps, out) {
    const { values: v } = parse(args, { merchant: { type: 'string' }, id: { type: 'string' } });
    const merchantId = uuid(v, 'merchant');
    const id = uuid(v, 'id');
    const deps = await getDeps();
    if (!(await revokeApiKey(deps, merchantId, id))) throw new CliError(`no active API key ${id} for merchant ${merchantId}`);
    json(out, { id, merchantId, revoked: true });
    return 0;
  },

  async 'apikey rotate'(args, getDeps, out) {
    const { values: v } = parse(args, { merchant: { type: 'string' }, id: { type: 'string' } });
    const merchantId = uuid(v, 'merchant');
    const id = uuid(v, 'id');
    const deps = await getDeps();
    const created = await deps.db.transaction(async (tx) => {
      const [old] = await tx.query<{ label: string; scopes: ApiKeyScope[] }>(
        'SELECT label, scopes FROM api_keys WHERE id = $1 AND merchant_id = $2 AND revoked_at IS NULL FOR UPDATE',
        [id, merchantId],
      );
      if (!old) throw new CliError(`no active API key ${id} for merchant ${merchantId}`);
      const txDeps = inTransaction(deps, tx);
      const k = await createApiKey(txDeps, merchantId, old.label, old.scopes);
      if (!(await revokeApiKey(txDeps, merchantId, id))) throw new Error('the old key could not be revoked');
      return { ...k, label: old.label };
    });
    json(out, { id: created.id, merchantId, label: created.label, scopes: created.scopes, prefix: created.prefix, key: created.key, revoked: id });
    out.err('The new key is shown only now; the old key no longer works.');
    return 0;
  },

};
