// An officer's authenticator code (needs no database).
import { totpAt, totpStep } from '../auth/totp.ts';
import { parse } from './args.ts';
import { CliError, type Handler } from './io.ts';

export const totpCommands: Record<string, Handler> = {
  async totp(args, _getDeps, out) {
    const { positionals } = parse(args, {}, 1);
    const secret = positionals[0]?.replace(/\s/g, '');
    if (!secret) throw new CliError('usage: totp <base32 secret>');
    if (!/^[A-Za-z2-7]+=*$/.test(secret) || secret.replace(/=+$/, '').length < 16) throw new CliError('the secret must be base32 (A-Z, 2-7), at least 16 characters');
    const now = new Date();
    const code = totpAt(secret, totpStep(now));
    out.out(code);
    out.err(`valid for ${30 - (Math.floor(now.getTime() / 1000) % 30)} more seconds`);
    return 0;
  },
};
