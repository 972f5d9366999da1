// Merchants and their staff accounts.
import { createMerchant, createMerchantUser } from '../admin/ops.ts';
import { parse, str, req, list, uuid, email, password, mustExist, json } from './args.ts';
import { CliError, type Handler } from './io.ts';

export const merchantsCommands: Record<string, Handler> = {
  async 'merchant create'(args, getDeps, out) {
    const { values: v } = parse(args, {
      name: { type: 'string' },
      'trade-licence': { type: 'string' },
      dbid: { type: 'string' },
      email: { type: 'string' },
      website: { type: 'string', multiple: true },
      facebook: { type: 'string', multiple: true },
      phone: { type: 'string', multiple: true },
    });
    const input = {
      name: req(v, 'name'),
      tradeLicence: str(v, 'trade-licence'),
      dbid: str(v, 'dbid'),
      contactEmail: email(v, 'email', false),
      websites: list(v, 'website'),
      facebookPages: list(v, 'facebook'),
      phones: list(v, 'phone'),
    };
    const deps = await getDeps();
    let id: string;
    try {
      // One transaction: a bad identifier leaves no half-made merchant behind.
      id = await deps.db.transaction((tx) => createMerchant(tx, input));
    } catch (e) {
      if (e instanceof Error && /^not a valid /.test(e.message)) throw new CliError(e.message);
      throw e;
    }
    const ids = await deps.db.query<{ kind: string; value: string }>('SELECT kind, value FROM merchant_identifiers WHERE merchant_id = $1 ORDER BY kind, value', [id]);
    json(out, { id, name: input.name, tradeLicence: input.tradeLicence ?? null, dbid: input.dbid ?? null, contactEmail: input.contactEmail ?? null, identifiers: ids });
    return 0;
  },

  async 'merchant list'(args, getDeps, out) {
    parse(args, {});
    const rows = await (await getDeps()).db.query<{ id: string; name: string; status: string; contact_email: string | null; identifiers: { kind: string; value: string }[] | null }>(
      `SELECT m.id, m.name, m.status, m.contact_email,
              (SELECT json_agg(json_build_object('kind', i.kind, 'value', i.value) ORDER BY i.kind, i.value)
                 FROM merchant_identifiers i WHERE i.merchant_id = m.id) AS identifiers
         FROM merchants m ORDER BY lower(m.name), m.id`,
    );
    json(out, rows.map((r) => ({ id: r.id, name: r.name, status: r.status, contactEmail: r.contact_email, identifiers: r.identifiers ?? [] })));
    return 0;
  },

  async 'merchant user'(args, getDeps, out) {
    const { values: v } = parse(args, { merchant: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' } });
    const merchantId = uuid(v, 'merchant');
    const mail = email(v, 'email', true);
    const name = req(v, 'name');
    const role = str(v, 'role') ?? 'owner';
    if (role !== 'owner' && role !== 'agent') throw new CliError(`--role must be owner or agent, not "${role}"`);
    const pw = password(v);
    const deps = await getDeps();
    await mustExist(deps.db, 'merchants', merchantId, 'merchant');
    const id = await createMerchantUser(deps.db, { merchantId, email: mail, name, password: pw.password, role });
    json(out, { id, merchantId, email: mail, name, role, ...(pw.generated ? { password: pw.password } : {}) });
    if (pw.generated) out.err('The password is shown only now.');
    return 0;
  },

};
