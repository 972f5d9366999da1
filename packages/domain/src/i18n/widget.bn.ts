// উইজেট, স্বাক্ষরিত অর্ডার তথ্য ও আস্থার ব্যাজ (বাংলা)। Its type requires every key of widget.en.ts.
import type { widgetEn } from './widget.en.ts';

export const widgetBn: Record<keyof typeof widgetEn, string> = {
  'error.order_context_invalid': 'এই অর্ডারের জন্য দোকানের নিশ্চিতকরণটি সঠিক নয় (স্বাক্ষর মেলেনি), তাই কিছুই জমা হয়নি। দোকানের পাতা থেকে আবার অভিযোগ ফর্মটি খুলুন।',
  'error.order_context_expired': 'এই অর্ডারের জন্য দোকানের নিশ্চিতকরণের মেয়াদ শেষ, তাই কিছুই জমা হয়নি। দোকানের পাতাটি আবার লোড করে অভিযোগ ফর্মটি খুলুন।',
  'error.order_context_merchant': 'এই অর্ডারের নিশ্চিতকরণটি অন্য একজন বিক্রেতার, তাই কিছুই জমা হয়নি।',
  'error.order_context_phone': 'দোকানটি এই অর্ডার অন্য একটি মোবাইল নম্বরের জন্য নিশ্চিত করেছে, তাই কিছুই জমা হয়নি। দোকানকে যে নম্বর দিয়েছিলেন সেটি দিয়ে সাইন ইন করুন।',
  'error.order_context_mismatch': 'অর্ডারের তথ্য দোকানের নিশ্চিত করা তথ্যের সঙ্গে মেলেনি, তাই কিছুই জমা হয়নি।',

  'complaint.orderConfirmed': 'বিক্রেতা অর্ডারটি নিশ্চিত করেছে',
  'complaint.orderConfirmedHint': 'অর্ডারের এই তথ্য বিক্রেতার নিজস্ব সিস্টেম থেকে স্বাক্ষর করা।',

  'widget.button': 'অভিযোগ করুন',
  'widget.dialog': 'নালিশ-এ অভিযোগ করুন',
  'widget.close': 'বন্ধ করুন',
  'widget.frame': 'নালিশ অভিযোগ ফর্ম',
  'widget.notHere': 'এই ওয়েবসাইটে অভিযোগ ফর্মটি খোলা যাচ্ছে না: বিক্রেতা এই সাইটটি নালিশ-এ নিবন্ধন করেনি। তবু নালিশ-এ গিয়ে সরাসরি অভিযোগ করতে পারেন।',
  'widget.openNalish': 'নালিশ-এ অভিযোগ করুন (নতুন ট্যাবে খুলবে)',

  'badge.brand': 'নালিশ',
  'badge.registered': 'নিবন্ধিত বিক্রেতা',
  'badge.unregistered': 'নালিশ-এ নিবন্ধিত নয়',
  'badge.suspended': 'নিবন্ধন স্থগিত',
  'badge.licence.yes': 'ট্রেড লাইসেন্স ✓',
  'badge.licence.no': 'ট্রেড লাইসেন্স নেই',
  'badge.dbid.yes': 'ডিবিআইডি ✓',
  'badge.dbid.no': 'ডিবিআইডি নেই',
  'badge.complaints': 'গত ১২ মাসে {n}টি অভিযোগ',
  'badge.onTime': '{pct}% সময়মতো উত্তর',
  'badge.resolved': '{pct}% নিষ্পত্তি',
  'badge.verifiedFor': '{site}-এর জন্য যাচাই করা',
  'badge.notVerified': 'এই সাইটের জন্য যাচাই করা নয়',
  'badge.notVerifiedLead': 'এই ব্যাজটি অন্য একটি ওয়েবসাইটের জন্য দেওয়া। নালিশ-এ বিক্রেতাকে যাচাই করে নিন।',
  'badge.profile': 'নালিশ-এ {name}-এর রেকর্ড দেখুন',
  'badge.unknown': 'অজানা বিক্রেতা',
};
