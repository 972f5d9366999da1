// Switching the demo accounts off.
import { disableDemoLogins } from '../demo/demo.ts';
import { parse } from './args.ts';
import { type Handler } from './io.ts';

export const demoLoginsCommands: Record<string, Handler> = {
  async 'demo disable-logins'(args, getDeps, out) {
    parse(args, {});
    const off = await disableDemoLogins((await getDeps()).db);
    out.out(off.length === 0 ? 'no demo login was active' : `switched off: ${off.join(', ')}`);
    return 0;
  },

};
