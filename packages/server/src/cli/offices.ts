// Offices and their officers.
import { DISTRICTS, DIVISIONS } from '@nalish/domain';
import { createOffice, createOfficer } from '../admin/ops.ts';
import { otpauthUrl } from '../auth/totp.ts';
import { parse, str, req, uuid, email, password, mustExist, json } from './args.ts';
import { CliError, type Handler } from './io.ts';

export const officesCommands: Record<string, Handler> = {
  async 'office create'(args, getDeps, out) {
    const { values: v } = parse(args, { 'name-en': { type: 'string' }, 'name-bn': { type: 'string' }, level: { type: 'string' }, area: { type: 'string' }, email: { type: 'string' } });
    const level = req(v, 'level');
    if (level !== 'district' && level !== 'division' && level !== 'national') throw new CliError(`--level must be district, division or national, not "${level}"`);
    const area = str(v, 'area')?.toLowerCase();
    if (level !== 'national' && !area) {
      const ids = Object.keys(level === 'district' ? DISTRICTS : DIVISIONS);
      throw new CliError(`--area is required for a ${level} office (one of: ${ids.join(', ')})`);
    }
    const input = { nameEn: req(v, 'name-en'), nameBn: req(v, 'name-bn'), level, area, email: email(v, 'email', false) } as const;
    const deps = await getDeps();
    let id: string;
    try {
      id = await createOffice(deps.db, input);
    } catch (e) {
      if (e instanceof Error && /^unknown (district|division)|national office has no area/.test(e.message)) throw new CliError(e.message);
      throw e;
    }
    json(out, { id, nameEn: input.nameEn, nameBn: input.nameBn, level, area: input.area ?? null, email: input.email ?? null });
    return 0;
  },

  async 'office list'(args, getDeps, out) {
    parse(args, {});
    const rows = await (await getDeps()).db.query<{ id: string; name_en: string; name_bn: string; level: string; area: string | null; email: string | null; officers: number }>(
      `SELECT o.id, o.name_en, o.name_bn, o.level, o.area, o.email,
              (SELECT count(*)::int FROM officers f WHERE f.office_id = o.id) AS officers
         FROM offices o ORDER BY CASE o.level WHEN 'national' THEN 0 WHEN 'division' THEN 1 ELSE 2 END, o.area`,
    );
    json(out, rows.map((r) => ({ id: r.id, nameEn: r.name_en, nameBn: r.name_bn, level: r.level, area: r.area, email: r.email, officers: r.officers })));
    return 0;
  },

  async 'officer create'(args, getDeps, out) {
    const { values: v } = parse(args, { office: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } });
    const officeId = uuid(v, 'office');
    const name = req(v, 'name');
    const mail = email(v, 'email', true);
    const pw = password(v);
    const deps = await getDeps();
    await mustExist(deps.db, 'offices', officeId, 'office');
    const created = await createOfficer(deps.db, { officeId, name, email: mail, password: pw.password });
    json(out, {
      id: created.id,
      officeId,
      name,
      email: mail,
      ...(pw.generated ? { password: pw.password } : {}),
      totpSecret: created.totpSecret,
      otpauthUrl: otpauthUrl(created.totpSecret, mail),
    });
    out.err(
      pw.generated
        ? 'The password and the TOTP secret are shown only now: give them to the officer through a safe channel.'
        : 'The TOTP secret is shown only now: the officer adds it (or the otpauth:// URL, as a QR code) to an authenticator app.',
    );
    return 0;
  },

  async 'officer list'(args, getDeps, out) {
    parse(args, {});
    const rows = await (await getDeps()).db.query<{ id: string; office_id: string; office: string; name: string; email: string; active: boolean; created_at: Date }>(
      `SELECT f.id, f.office_id, o.name_en AS office, f.name, f.email, f.active, f.created_at
         FROM officers f JOIN offices o ON o.id = f.office_id ORDER BY o.name_en, f.email`,
    );
    json(out, rows.map((r) => ({ id: r.id, officeId: r.office_id, office: r.office, name: r.name, email: r.email, active: r.active, createdAt: new Date(r.created_at).toISOString() })));
    return 0;
  },

};
