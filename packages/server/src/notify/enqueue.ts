// Turns the state machine's notification intents into outbox rows, rendered in each
// recipient's language, in the same transaction as the change that caused them.
import {
  type Locale,
  type MessageKey,
  type NotifyIntent,
  type Params,
  formatDate,
  formatDateTime,
  hasMessage,
  smsSegments,
  t,
  trackingCodeText,
} from '@nalish/domain';
import type { Queryable } from '../db/db.ts';
import type { ComplaintRow } from '../complaints/row.ts';
import { enqueueOutbox } from '../records/outbox.ts';

export interface NotifyTarget {
  complaint: ComplaintRow;
  merchant: { name: string; contact_email: string | null; phone: string | null; locale: Locale };
  publicUrl: string;
  /** The service clock: messages are due from this instant (not the database server's now(),
   *  which differs from the service clock under a test clock or with clock skew). */
  now: Date;
  /** Parameters of this message alone, in the recipient's language (the holiday that moved a deadline). */
  extra?: (locale: Locale) => Params;
  /** The step that caused the messages (an event type): a template may say it in its own words
   *  (`notify.consumer.escalated.merchant_silent.sms`: why the case went to the regulator). */
  cause?: string;
}

/** Longest merchant name in an SMS; shortened further when the text would not fit. */
const SMS_MERCHANT_CHARS = 20;
/** Every SMS fits in two segments (a Bengali one: 134 characters). */
const SMS_MAX_SEGMENTS = 2;

export function trackingUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/t/${code}`;
}

function params(target: NotifyTarget, locale: Locale, forSms: boolean): Params {
  const c = target.complaint;
  const name = target.merchant.name;
  const p: Record<string, string> = {
    // An SMS gives the code as its reader reads it (Bengali digits in Bengali); the link keeps
    // the canonical form, and e-mails keep Western digits so a search for the code finds them.
    code: forSms ? trackingCodeText(locale, c.tracking_code) : c.tracking_code,
    merchant: forSms && [...name].length > SMS_MERCHANT_CHARS ? `${[...name].slice(0, SMS_MERCHANT_CHARS - 1).join('')}…` : name,
    url: trackingUrl(target.publicUrl, c.tracking_code),
    due: c.due_at ? formatDate(locale, new Date(c.due_at)) : '',
  };
  if (c.hearing) {
    p.hearing = formatDateTime(locale, new Date(c.hearing.at));
    p.place = c.hearing.place;
    p.mode = t(locale, c.hearing.mode === 'online' ? 'hearing.online' : 'hearing.in_person');
  }
  if (c.decision) p.outcome = t(locale, c.decision.outcome === 'upheld' ? 'outcome.upheld' : 'outcome.dismissed');
  if (c.regulator_late_since) p.since = formatDate(locale, new Date(c.regulator_late_since));
  if (c.remedy_record) {
    const r = c.remedy_record;
    p.remedy = t(locale, `remedy.${r.remedy}`);
    const via = r.channel ? t(locale, `refund_channel.${r.channel}`) : '';
    p.reference = [via, r.reference].filter(Boolean).length > 0 ? `: ${[via, r.reference].filter(Boolean).join(', ')}` : '';
  }
  return { ...p, ...target.extra?.(locale) };
}

interface Message {
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
}

/**
 * The SMS text, within SMS_MAX_SEGMENTS. A 20-character cap alone was not enough: the filing
 * and "merchant answered" texts in Bengali with a 20-character name and a tracking URL came
 * to 137–140 characters, three segments. The merchant name is the only free-length part, so
 * it is shortened until the text fits.
 */
function smsText(locale: Locale, key: string, target: NotifyTarget): string {
  const p = params(target, locale, true);
  let text = t(locale, key as MessageKey, p);
  const name = [...target.merchant.name];
  for (let keep = Math.min(name.length, SMS_MERCHANT_CHARS) - 1; smsSegments(text) > SMS_MAX_SEGMENTS && keep >= 1; keep--) {
    text = t(locale, key as MessageKey, { ...p, merchant: `${name.slice(0, keep).join('')}…` });
  }
  return text;
}

function render(audience: 'consumer' | 'merchant' | 'office', template: string, locale: Locale, target: NotifyTarget, to: { phone?: string; emails: string[] }): Message[] {
  const out: Message[] = [];
  const key = (part: string) => `notify.${audience}.${template}.${part}`;
  // The words of the cause when the catalogue has them (why a case was escalated), else the template's.
  const causeKey = target.cause ? `notify.${audience}.${template}.${target.cause}.sms` : null;
  const smsKey = causeKey && hasMessage(causeKey) ? causeKey : key('sms');
  if (to.phone && hasMessage(smsKey)) {
    out.push({ channel: 'sms', recipient: to.phone, subject: null, body: smsText(locale, smsKey, target), template });
  }
  const subjectKey = key('subject');
  const bodyKey = key('body');
  if (hasMessage(subjectKey) && hasMessage(bodyKey)) {
    const p = params(target, locale, false);
    for (const email of to.emails) {
      out.push({ channel: 'email', recipient: email, subject: t(locale, subjectKey as MessageKey, p), body: t(locale, bodyKey as MessageKey, p), template });
    }
  }
  return out;
}

export async function enqueueNotifications(tx: Queryable, intents: readonly NotifyIntent[], target: NotifyTarget): Promise<number> {
  const c = target.complaint;
  const messages: Message[] = [];
  for (const intent of intents) {
    const to = intent.to === 'party' ? (c.info_requested_from ?? 'consumer') : intent.to;
    if (to === 'consumer') {
      messages.push(
        ...render('consumer', intent.template, c.consumer_locale, target, {
          phone: c.consumer_phone,
          emails: c.consumer_email ? [c.consumer_email] : [],
        }),
      );
    } else if (to === 'merchant') {
      const emails = target.merchant.contact_email ? [target.merchant.contact_email] : [];
      const phone = target.merchant.phone ?? undefined;
      messages.push(...render('merchant', intent.template, target.merchant.locale, target, { ...(phone ? { phone } : {}), emails }));
    } else {
      const rows = await tx.query<{ email: string }>(
        `SELECT email FROM offices WHERE id = $1 AND email IS NOT NULL
         UNION SELECT email FROM officers WHERE office_id = $1 AND active`,
        [c.office_id],
      );
      messages.push(...render('office', intent.template, 'bn', target, { emails: rows.map((r) => r.email) }));
    }
  }
  await enqueueOutbox(tx, messages, { record: { kind: 'complaint', id: c.id }, now: target.now });
  return messages.length;
}
