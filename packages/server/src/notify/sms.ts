// SMS goes through an HTTP gateway (the way Bangladeshi bulk-SMS providers are used).
// Each message carries our own reference; gateways refuse a reference they have already
// accepted, which is what makes a retry after a crash safe. In development, messages are
// appended to $DATA_DIR/outbox/sms.jsonl so a new user can read the code that was "sent".
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface SmsMessage {
  reference: string;
  to: string;
  text: string;
}

export interface SmsSender {
  send(m: SmsMessage): Promise<void>;
}

export class SmsRejected extends Error {}

export function httpSmsGateway(opts: { url: string; token?: string | undefined; senderId: string; timeoutMs?: number }): SmsSender {
  return {
    async send(m) {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
        body: JSON.stringify({ sender_id: opts.senderId, to: m.to, text: m.text, reference: m.reference, unicode: /[^\x00-\x7f]/.test(m.text) }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      // 409: the gateway already has this reference, i.e. it was sent before a crash.
      if (res.ok || res.status === 409) return;
      throw new SmsRejected(`gateway answered ${res.status}`);
    },
  };
}

export function fileSms(path: string): SmsSender {
  return {
    async send(m) {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify({ at: new Date().toISOString(), ...m })}\n`);
    },
  };
}
