// What a consumer sends to file a complaint. The same schema validates the HTTP body on the
// server and the form in the web app and the widget.
import { z } from 'zod';
import { PAYMENT_CHANNELS } from './channels.ts';
import { DISTRICT_IDS } from './places.ts';
import { ConsumerFactsSchema } from '../policy/facts.ts';
import type { FieldErrorCode } from '../i18n/fieldErrors.ts';

export { PAYMENT_CHANNELS, type PaymentChannel } from './channels.ts';

export const CATEGORIES = ['not_delivered', 'late_delivery', 'wrong_or_damaged', 'refund_not_paid', 'counterfeit', 'other'] as const;
export type ComplaintCategory = (typeof CATEGORIES)[number];

export const WANTED_REMEDIES = ['refund', 'replacement', 'delivery', 'repair', 'other'] as const;
export const REMEDY_RECEIVED = ['none', 'partial', 'full'] as const;

const dhakaDate = z.iso.date();

/** A website as its host (daraz.com.bd), from whatever a person pasted. */
export function normalizeWebsite(input: string): string | null {
  const raw = input.trim().toLowerCase();
  if (!raw) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(raw) ? raw : `https://${raw}`);
    const host = url.hostname.replace(/^www\./, '').replace(/\.$/, '');
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return null;
    if (host === 'facebook.com' || host.endsWith('.facebook.com') || host === 'fb.com') return null;
    return host;
  } catch {
    return null;
  }
}

const NOT_PAGES = new Set([
  'groups', 'share', 'sharer', 'sharer.php', 'watch', 'marketplace', 'events', 'photo', 'photo.php', 'photos',
  'story.php', 'permalink.php', 'reel', 'reels', 'stories', 'hashtag', 'search', 'login', 'login.php', 'home.php',
  'messages', 'notifications', 'friends', 'gaming', 'help', 'policies', 'privacy', 'settings', 'l.php',
]);

/** A Facebook page as its slug (facebook.com/<slug>), or null when it is not a page link. */
export function normalizeFacebookPage(input: string): string | null {
  const raw = input.trim();
  if (!raw) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
    const host = url.hostname.toLowerCase().replace(/^(www|m|web)\./, '');
    if (host !== 'facebook.com' && host !== 'fb.com') return null;
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === 'profile.php') {
      const id = url.searchParams.get('id');
      return id && /^\d+$/.test(id) ? id : null;
    }
    // Pages without a username: facebook.com/people/<name>/<id> (and the old /pages/<name>/<id>).
    if (parts[0] === 'people' || parts[0] === 'pages') {
      const id = parts[2];
      return id && /^\d+$/.test(id) ? id : null;
    }
    // Links to Facebook features, not to a page: they would make every such merchant one "page".
    if (parts[0] && NOT_PAGES.has(parts[0].toLowerCase())) return null;
    const slug = parts[0] === 'pg' ? parts[1] : parts[0];
    if (!slug || !/^[A-Za-z0-9.\-_]{2,100}$/.test(slug)) return null;
    return slug.toLowerCase();
  } catch {
    return null;
  }
}

export const MerchantRefSchema = z
  .object({
    id: z.uuid().optional(),
    website: z.string().trim().max(300).optional(),
    facebookPage: z.string().trim().max(300).optional(),
    /** The name the consumer knows it by; required when the merchant is not in the registry. */
    name: z.string().trim().min(2).max(200).optional(),
  })
  .refine((m) => m.id || m.website || m.facebookPage, { message: 'merchant_required' })
  .refine((m) => !m.website || normalizeWebsite(m.website), { message: 'website_invalid', path: ['website'] })
  .refine((m) => !m.facebookPage || normalizeFacebookPage(m.facebookPage), {
    message: 'facebook_invalid',
    path: ['facebookPage'],
  });

export const FileComplaintSchema = z.object({
  merchant: MerchantRefSchema,
  order: z.object({
    number: z.string().trim().min(1).max(100),
    date: dhakaDate,
    amountBdt: z.number().int().min(0).max(100_000_000),
    paymentChannel: z.enum(PAYMENT_CHANNELS),
  }),
  category: z.enum(CATEGORIES),
  description: z.string().trim().min(20).max(8000),
  wantedRemedy: z.enum(WANTED_REMEDIES),
  preChecks: z.object({
    contactedMerchant: z.boolean(),
    contactedOn: dhakaDate.optional(),
    remedyReceived: z.enum(REMEDY_RECEIVED),
    /** When the problem arose: the cause of action that starts the 30-day limit. */
    problemDate: dhakaDate,
  }),
  /** What else the consumer knows of the order, for the policy checks (all optional). */
  facts: ConsumerFactsSchema.optional(),
  consumer: z.object({
    name: z.string().trim().min(2).max(200),
    email: z.email().max(254).optional(),
    district: z.enum(DISTRICT_IDS),
    locale: z.enum(['bn', 'en']).default('bn'),
  }),
  /** The order as the merchant's server signed it (the widget passes it on); when it verifies,
   *  the complaint is marked "order confirmed by the merchant". Format: docs/INTEGRATION.md. */
  orderContext: z.string().trim().max(2048).regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'order_context_invalid').optional(),
});
export type FileComplaintInput = z.infer<typeof FileComplaintSchema>;

/** A field and what is wrong with it (a field error code: i18n/fieldErrors.ts). */
export interface FieldProblem {
  path: string;
  code: FieldErrorCode;
}

/**
 * Checks that need today's date, so the schema cannot make them: no date in the future,
 * the contact date given when the consumer says they contacted the seller, and the problem
 * not before the order. `today` is the Dhaka date.
 */
export function filingDateProblems(input: FileComplaintInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const future = (path: string, date: string | undefined) => {
    if (date && date > today) problems.push({ path, code: 'date_future' });
  };
  future('order.date', input.order.date);
  future('preChecks.problemDate', input.preChecks.problemDate);
  future('preChecks.contactedOn', input.preChecks.contactedOn);
  if (input.preChecks.problemDate < input.order.date) {
    problems.push({ path: 'preChecks.problemDate', code: 'before_order' });
  }
  if (input.preChecks.contactedMerchant && !input.preChecks.contactedOn) {
    problems.push({ path: 'preChecks.contactedOn', code: 'contacted_on_required' });
  }
  return problems;
}
