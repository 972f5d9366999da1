// Bengali and English explanations of policy findings. Kept inside the policy module (not the
// app catalogues) because each one is a sentence built from dates and amounts.
// Bengali readers get Bengali digits: every date and amount goes through formatDate/formatBdt.
import { type Locale, formatBdt, formatDate, formatDateTime, formatNumber } from '../i18n/messages.ts';
import { startOfDhakaDate } from '../calendar/calendar.ts';
import type { Bilingual } from './types.ts';

/** Formatters bound to one locale. A Dhaka date 'YYYY-MM-DD' or an instant can be given. */
export interface Fmt {
  date(d: Date | string): string;
  /** Date and time, for hour-counted rules. */
  time(d: Date): string;
  bdt(amount: number): string;
  num(n: number): string;
}

function fmt(l: Locale): Fmt {
  return {
    date: (d) => formatDate(l, typeof d === 'string' ? startOfDhakaDate(d) : d),
    time: (d) => formatDateTime(l, d),
    bdt: (a) => formatBdt(l, a),
    num: (n) => formatNumber(l, n),
  };
}

export function pair(bn: (f: Fmt) => string, en: (f: Fmt) => string): Bilingual {
  return { bn: bn(fmt('bn')), en: en(fmt('en')) };
}

/** Join several explanations (e.g. a refund that was late and short) into one. */
export function joinAll(parts: readonly Bilingual[]): Bilingual {
  return { bn: parts.map((p) => p.bn).join(' '), en: parts.map((p) => p.en).join(' ') };
}

const FACT_NAMES: Record<string, { bn: string; en: string }> = {
  orderDate: { bn: 'অর্ডারের তারিখ', en: 'order date' },
  paymentDate: { bn: 'টাকা পরিশোধের তারিখ', en: 'payment date' },
  paymentChannel: { bn: 'পরিশোধের মাধ্যম', en: 'payment channel' },
  priceBdt: { bn: 'পণ্যের দাম', en: 'price' },
  amountPaidBdt: { bn: 'পরিশোধিত টাকা', en: 'amount paid' },
  advancePaidBdt: { bn: 'অগ্রিম টাকা', en: 'advance paid' },
  advanceViaEscrow: { bn: 'অগ্রিম এসক্রোর মাধ্যমে কি না', en: 'whether the advance went through escrow' },
  inStock: { bn: 'পণ্য মজুদে ছিল কি না', en: 'whether the goods were in stock' },
  sameCity: { bn: 'ক্রেতা-বিক্রেতা একই শহরে কি না', en: 'whether buyer and seller are in the same city' },
  deliveredAt: { bn: 'ডেলিভারির তারিখ', en: 'delivery date' },
  handedToCourierAt: { bn: 'কুরিয়ারে দেওয়ার সময়', en: 'time handed to the courier' },
  buyerToldShippedAt: { bn: 'ক্রেতাকে জানানোর সময়', en: 'time the buyer was told' },
  refundDueReason: { bn: 'টাকা ফেরতের কারণ', en: 'reason a refund is due' },
  refundedAt: { bn: 'টাকা ফেরতের তারিখ', en: 'refund date' },
  refundedAmountBdt: { bn: 'ফেরত দেওয়া টাকা', en: 'amount refunded' },
  refundChannel: { bn: 'ফেরতের মাধ্যম', en: 'refund channel' },
  refundChargesBdt: { bn: 'ফেরতে কাটা চার্জ', en: 'charges taken from the refund' },
  cashbackPromisedBdt: { bn: 'প্রতিশ্রুত ক্যাশব্যাক', en: 'cash-back promised' },
  cashbackCreditedAt: { bn: 'ক্যাশব্যাক পাওয়ার সময়', en: 'time the cash-back was credited' },
  cashbackHeldInWallet: { bn: 'ক্যাশব্যাক ওয়ালেটে আটকে আছে কি না', en: 'whether the cash-back is held in a wallet' },
  complaintToMerchantAt: { bn: 'বিক্রেতার কাছে অভিযোগের সময়', en: 'time of the complaint to the merchant' },
  merchantActedAt: { bn: 'বিক্রেতার ব্যবস্থা নেওয়ার সময়', en: 'time the merchant acted' },
  pageShowsTradeLicence: { bn: 'পেজে ট্রেড লাইসেন্স নম্বর', en: 'trade licence number on the page' },
  pageShowsDbid: { bn: 'পেজে ডিবিআইডি', en: 'DBID on the page' },
  pageShowsReturnPolicy: { bn: 'পেজে রিটার্ন নীতি', en: 'return policy on the page' },
  causeOfActionDate: { bn: 'সমস্যা শুরুর তারিখ', en: 'date the problem arose' },
  now: { bn: 'আজকের তারিখ', en: "today's date" },
};

const CHANNEL_NAMES: Record<string, { bn: string; en: string }> = {
  cod: { bn: 'ক্যাশ অন ডেলিভারি', en: 'cash on delivery' },
  bkash: { bn: 'বিকাশ', en: 'bKash' },
  nagad: { bn: 'নগদ', en: 'Nagad' },
  rocket: { bn: 'রকেট', en: 'Rocket' },
  card: { bn: 'কার্ড', en: 'card' },
  bank: { bn: 'ব্যাংক ট্রান্সফার', en: 'bank transfer' },
  airtime: { bn: 'মোবাইল এয়ারটাইম', en: 'mobile airtime' },
};

/** What a seller's page must show, named as an item (not as a fact). */
const PAGE_ITEMS: Record<string, { bn: string; en: string }> = {
  pageShowsTradeLicence: { bn: 'ট্রেড লাইসেন্স নম্বর', en: 'trade licence number' },
  pageShowsDbid: { bn: 'ডিবিআইডি (DBID)', en: 'DBID' },
  pageShowsReturnPolicy: { bn: 'রিটার্ন নীতি', en: 'return policy' },
};

export function channelName(l: Locale, channel: string): string {
  return CHANNEL_NAMES[channel]?.[l] ?? channel;
}

export function factName(l: Locale, key: string): string {
  return FACT_NAMES[key]?.[l] ?? key;
}

export const M = {
  unknown: (missing: readonly string[]) =>
    pair(
      () => `যাচাই করা যায়নি; এই তথ্য দরকার: ${missing.map((k) => factName('bn', k)).join(', ')}।`,
      () => `Cannot check yet; these facts are needed: ${missing.map((k) => factName('en', k)).join(', ')}.`,
    ),
  notInForce: (from: string, to: string | undefined) =>
    pair(
      (f) => `অর্ডারের তারিখে এই নিয়ম চালু ছিল না (চালু ${f.date(from)}${to ? ` থেকে ${f.date(to)} পর্যন্ত` : ' থেকে'})।`,
      (f) => `This rule was not in force on the order date (in force from ${f.date(from)}${to ? ` to ${f.date(to)}` : ''}).`,
    ),
  codNoPrepayment: () =>
    pair(
      () => 'ক্যাশ অন ডেলিভারিতে আগে টাকা দেওয়া হয়নি, তাই এই নিয়ম প্রযোজ্য নয়।',
      () => 'Cash on delivery: nothing was paid in advance, so this rule does not apply.',
    ),

  // Delivery
  deliveryLate: (deadline: string, days: number, deliveredAt: Date | null, late: number) =>
    pair(
      (f) =>
        `বিক্রেতার ${f.date(deadline)}-এর মধ্যে (পরিশোধের ${f.num(days)} দিনের মধ্যে) ডেলিভারি দেওয়ার কথা ছিল; ${
          deliveredAt ? `ডেলিভারি হয়েছে ${f.date(deliveredAt)}, ` : 'এখনও ডেলিভারি হয়নি, '
        }${f.num(late)} দিন দেরি।`,
      (f) =>
        `The seller had to deliver by ${f.date(deadline)} (within ${f.num(days)} days of payment); ${
          deliveredAt ? `it delivered on ${f.date(deliveredAt)}, ` : 'it has not delivered, '
        }${f.num(late)} ${late === 1 ? 'day' : 'days'} late.`,
    ),
  deliveryOnTime: (deadline: string, deliveredAt: Date) =>
    pair(
      (f) => `ডেলিভারি হয়েছে ${f.date(deliveredAt)}, শেষ দিন ${f.date(deadline)}-এর মধ্যে।`,
      (f) => `Delivered on ${f.date(deliveredAt)}, within the deadline of ${f.date(deadline)}.`,
    ),
  notYetDue: (what: Bilingual, deadline: string, left: number) =>
    pair(
      (f) => `${what.bn}-এর শেষ দিন ${f.date(deadline)}; ${left === 0 ? 'আজই শেষ দিন' : `এখনও ${f.num(left)} দিন বাকি`}।`,
      (f) => `The deadline for ${what.en} is ${f.date(deadline)}; ${left === 0 ? 'today is the last day' : `${f.num(left)} ${left === 1 ? 'day' : 'days'} left`}.`,
    ),
  what: {
    delivery: { bn: 'ডেলিভারি', en: 'delivery' },
    dispatch: { bn: 'কুরিয়ারে পাঠানো ও ক্রেতাকে জানানো', en: 'handing to the courier and telling the buyer' },
    refund: { bn: 'টাকা ফেরত', en: 'the refund' },
    cashback: { bn: 'ক্যাশব্যাক', en: 'the cash-back' },
    response: { bn: 'অভিযোগে ব্যবস্থা নেওয়া', en: 'acting on the complaint' },
  },

  // Dispatch within 48 hours
  deadlineMissed: (what: Bilingual, hours: number, deadline: Date, at: Date | null) =>
    pair(
      (f) =>
        `${what.bn} ${f.num(hours)} ঘণ্টার মধ্যে, ${f.time(deadline)}-এর মধ্যে হওয়ার কথা ছিল; ${
          at ? `হয়েছে ${f.time(at)}।` : 'এখনও হয়নি।'
        }`,
      (f) =>
        `${cap(what.en)} was due within ${f.num(hours)} hours, by ${f.time(deadline)}; ${
          at ? `it happened on ${f.time(at)}.` : 'it has not happened.'
        }`,
    ),
  deadlineMet: (what: Bilingual, deadline: Date) =>
    pair(
      (f) => `${what.bn} সময়মতো (${f.time(deadline)}-এর মধ্যে) হয়েছে।`,
      (f) => `${cap(what.en)} happened in time (by ${f.time(deadline)}).`,
    ),
  hoursNotYetDue: (what: Bilingual, deadline: Date) =>
    pair(
      (f) => `${what.bn}-এর সময় ${f.time(deadline)} পর্যন্ত; এখনও সময় আছে।`,
      (f) => `${cap(what.en)} is due by ${f.time(deadline)}; there is still time.`,
    ),
  courier: { bn: 'পণ্য কুরিয়ারে দেওয়া', en: 'handing the goods to the courier' },
  buyerTold: { bn: 'ক্রেতাকে পাঠানোর খবর দেওয়া', en: 'telling the buyer the goods were sent' },

  // Advance and escrow
  noAdvance: () =>
    pair(
      () => 'কোনো অগ্রিম টাকা নেওয়া হয়নি, তাই এই নিয়ম প্রযোজ্য নয়।',
      () => 'No advance was taken, so this rule does not apply.',
    ),
  inStock: () =>
    pair(
      () => 'পণ্য মজুদে ছিল; মজুদহীন পণ্যের অগ্রিমের নিয়ম প্রযোজ্য নয়।',
      () => 'The goods were in stock; the rule on advances for goods not in stock does not apply.',
    ),
  advanceSmall: (advance: number, price: number, pct: number) =>
    pair(
      (f) => `অগ্রিম ${f.bdt(advance)}, দাম ${f.bdt(price)}-এর ${f.num(pct)}% এর বেশি নয়।`,
      (f) => `The advance of ${f.bdt(advance)} is not more than ${f.num(pct)}% of the price of ${f.bdt(price)}.`,
    ),
  advanceEscrow: (advance: number, price: number, pct: number) =>
    pair(
      (f) => `অগ্রিম ${f.bdt(advance)} দাম ${f.bdt(price)}-এর ${f.num(pct)}% এর বেশি, তবে এসক্রোর মাধ্যমে নেওয়া হয়েছে।`,
      (f) => `The advance of ${f.bdt(advance)} is more than ${f.num(pct)}% of the price of ${f.bdt(price)}, but went through escrow.`,
    ),
  advanceNoEscrow: (advance: number, price: number, pct: number, limit: number) =>
    pair(
      (f) =>
        `মজুদহীন পণ্যের জন্য ${f.bdt(advance)} অগ্রিম নেওয়া হয়েছে, যা দাম ${f.bdt(price)}-এর ${f.num(pct)}% (${f.bdt(limit)}) এর বেশি, অথচ এসক্রোর মাধ্যমে নয়।`,
      (f) =>
        `An advance of ${f.bdt(advance)} was taken for goods not in stock, more than ${f.num(pct)}% of the price of ${f.bdt(price)} (${f.bdt(limit)}), and not through escrow.`,
    ),

  // Refund
  refundNotDue: () =>
    pair(
      () => 'অর্ডার পূরণ না হওয়ার কারণে টাকা ফেরতের দাবি নেই, তাই এই নিয়ম প্রযোজ্য নয়।',
      () => 'No refund is due for an unfulfilled order, so this rule does not apply.',
    ),
  nothingPaid: () =>
    pair(
      () => 'কোনো টাকা পরিশোধ করা হয়নি, তাই ফেরতের প্রশ্ন নেই।',
      () => 'Nothing was paid, so there is nothing to refund.',
    ),
  refundLate: (deadline: string, days: number, paid: number, refundedAt: Date | null, late: number) =>
    pair(
      (f) =>
        `পরিশোধিত ${f.bdt(paid)} ${f.date(deadline)}-এর মধ্যে (${f.num(days)} দিনের মধ্যে) ফেরত দেওয়ার কথা ছিল; ${
          refundedAt ? `ফেরত এসেছে ${f.date(refundedAt)}, ` : 'এখনও ফেরত আসেনি, '
        }${f.num(late)} দিন দেরি।`,
      (f) =>
        `The ${f.bdt(paid)} paid had to be refunded by ${f.date(deadline)} (within ${f.num(days)} days); ${
          refundedAt ? `it was refunded on ${f.date(refundedAt)}, ` : 'it has not been refunded, '
        }${f.num(late)} ${late === 1 ? 'day' : 'days'} late.`,
    ),
  refundWrongChannel: (paidWith: string, refundedTo: string) =>
    pair(
      () =>
        `টাকা দেওয়া হয়েছিল ${channelName('bn', paidWith)}-এ, কিন্তু ফেরত দেওয়া হয়েছে ${channelName('bn', refundedTo)}-এ; একই মাধ্যমে ফেরত দিতে হবে।`,
      () =>
        `The buyer paid by ${channelName('en', paidWith)} but was refunded by ${channelName('en', refundedTo)}; the refund must use the same channel.`,
    ),
  refundShort: (paid: number, refunded: number) =>
    pair(
      (f) => `পরিশোধ ${f.bdt(paid)}, ফেরত মাত্র ${f.bdt(refunded)}; ${f.bdt(paid - refunded)} কম।`,
      (f) => `Paid ${f.bdt(paid)}, refunded only ${f.bdt(refunded)}: ${f.bdt(paid - refunded)} short.`,
    ),
  refundCharges: (charges: number) =>
    pair(
      (f) => `ফেরতে ক্রেতার কাছ থেকে ${f.bdt(charges)} চার্জ কাটা হয়েছে; চার্জ নেওয়া যাবে না।`,
      (f) => `${f.bdt(charges)} in charges was taken from the buyer's refund; no charges are allowed.`,
    ),
  refundOk: (paid: number, refundedAt: Date, deadline: string) =>
    pair(
      (f) => `পুরো ${f.bdt(paid)} একই মাধ্যমে, চার্জ ছাড়া ${f.date(refundedAt)} তারিখে ফেরত এসেছে (শেষ দিন ${f.date(deadline)})।`,
      (f) => `The full ${f.bdt(paid)} was refunded through the same channel, without charges, on ${f.date(refundedAt)} (deadline ${f.date(deadline)}).`,
    ),

  // Cash-back
  noCashback: () =>
    pair(
      () => 'কোনো ক্যাশব্যাকের প্রতিশ্রুতি ছিল না, তাই এই নিয়ম প্রযোজ্য নয়।',
      () => 'No cash-back was promised, so this rule does not apply.',
    ),
  cashbackInWallet: (amount: number) =>
    pair(
      (f) => `${f.bdt(amount)} ক্যাশব্যাক বিক্রেতার ওয়ালেটে আটকে রাখা হয়েছে; তা ক্রেতার পরিশোধের মাধ্যমে দিতে হবে।`,
      (f) => `The ${f.bdt(amount)} cash-back is held in the seller's wallet; it must be paid out to the buyer.`,
    ),

  // Merchant response
  responseLate: (complaintAt: Date, workingDays: number, deadline: string, actedAt: Date | null, late: number) =>
    pair(
      (f) =>
        `অভিযোগ ${f.date(complaintAt)}; বিক্রেতাকে ${f.num(workingDays)} কর্মদিবসের মধ্যে, ${f.date(deadline)}-এর মধ্যে ব্যবস্থা নিতে হতো; ${
          actedAt ? `ব্যবস্থা নিয়েছে ${f.date(actedAt)}, ` : 'এখনও ব্যবস্থা নেয়নি, '
        }${f.num(late)} দিন দেরি।`,
      (f) =>
        `Complaint made on ${f.date(complaintAt)}; the merchant had to act within ${f.num(workingDays)} working days, by ${f.date(deadline)}; ${
          actedAt ? `it acted on ${f.date(actedAt)}, ` : 'it has not acted, '
        }${f.num(late)} ${late === 1 ? 'day' : 'days'} late.`,
    ),
  responseOk: (actedAt: Date, deadline: string) =>
    pair(
      (f) => `বিক্রেতা ${f.date(actedAt)} তারিখে ব্যবস্থা নিয়েছে, শেষ দিন ${f.date(deadline)}-এর মধ্যে।`,
      (f) => `The merchant acted on ${f.date(actedAt)}, within the deadline of ${f.date(deadline)}.`,
    ),

  // Page disclosures
  pageMissing: (missing: readonly string[]) =>
    pair(
      () => `বিক্রেতার পেজে দেখানো নেই: ${missing.map((k) => PAGE_ITEMS[k]?.bn ?? k).join(', ')}।`,
      () => `The seller's page does not show: ${missing.map((k) => PAGE_ITEMS[k]?.en ?? k).join(', ')}.`,
    ),
  pageOk: (shown: readonly string[]) =>
    pair(
      () => `বিক্রেতার পেজে দেখানো আছে: ${shown.map((k) => PAGE_ITEMS[k]?.bn ?? k).join(', ')}।`,
      () => `The seller's page shows: ${shown.map((k) => PAGE_ITEMS[k]?.en ?? k).join(', ')}.`,
    ),

  // Regulator window
  regulatorOpen: (cause: string, lastDay: string, left: number) =>
    pair(
      (f) =>
        `সমস্যা শুরু ${f.date(cause)}; ভোক্তা অধিকার অধিদপ্তরে অভিযোগের শেষ দিন ${f.date(lastDay)}, ${
          left === 0 ? 'আজই শেষ দিন' : `আর ${f.num(left)} দিন বাকি`
        }।`,
      (f) =>
        `The problem arose on ${f.date(cause)}; the last day to complain to the DNCRP is ${f.date(lastDay)}, ${
          left === 0 ? 'today is the last day' : `${f.num(left)} ${left === 1 ? 'day' : 'days'} left`
        }.`,
    ),
  regulatorClosed: (cause: string, lastDay: string, over: number) =>
    pair(
      (f) =>
        `সমস্যা শুরু ${f.date(cause)}; অধিদপ্তরে অভিযোগের শেষ দিন ছিল ${f.date(lastDay)} (${f.num(over)} দিন আগে পার হয়েছে)। অধিদপ্তরের পথ বন্ধ, তবে বিক্রেতার কাছে অভিযোগ এখনও করা যায়।`,
      (f) =>
        `The problem arose on ${f.date(cause)}; the last day to complain to the DNCRP was ${f.date(lastDay)} (${f.num(over)} ${over === 1 ? 'day' : 'days'} ago). The regulator's route is closed, but the complaint to the merchant is still open.`,
    ),
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
