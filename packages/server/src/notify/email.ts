// E-mail over SMTP (nodemailer). The Message-ID is derived from the outbox row, so a message
// resent after a crash is recognisably the same message. Without SMTP_URL (development),
// messages are appended to $DATA_DIR/outbox/email.jsonl.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import nodemailer from 'nodemailer';

export interface EmailMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

export interface EmailSender {
  send(m: EmailMessage): Promise<void>;
  close?(): void;
}

export function smtpEmail(url: string, from: string): EmailSender {
  const transport = nodemailer.createTransport(url);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
    },
    close: () => transport.close(),
  };
}

export function fileEmail(path: string): EmailSender {
  return {
    async send(m) {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify({ at: new Date().toISOString(), ...m })}\n`);
    },
  };
}
