// SMS goes through an HTTP gateway (the way Bangladeshi bulk-SMS providers are used).
// Delivery is at least once: a worker that dies after the gateway accepted a message but before
// it recorded that sends it again after its lease. So each message carries a stable reference
// (nalish-outbox-<id>, the same on every try), in the body field the gateway deduplicates by
// (SMS_GATEWAY_REFERENCE_FIELD, default "reference"; SSL Wireless calls it csms_id) and as the
// Idempotency-Key header; a gateway that refuses a reference it has already accepted (we take
// its 409 as "sent") turns that into exactly once. In development, messages are appended to
// $DATA_DIR/outbox/sms.jsonl so a new user can read the code that was "sent".
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

export function httpSmsGateway(opts: { url: string; token?: string | undefined; senderId: string; referenceField?: string; timeoutMs?: number }): SmsSender {
  const field = opts.referenceField ?? 'reference';
  return {
    async send(m) {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': m.reference, ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
        body: JSON.stringify({ sender_id: opts.senderId, to: m.to, text: m.text, [field]: m.reference, unicode: /[^\x00-\x7f]/.test(m.text) }),
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
