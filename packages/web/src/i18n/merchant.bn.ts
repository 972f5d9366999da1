// Merchant pages (Bengali).
import type { merchantEn } from './merchant.en.ts';

export const merchantBn: Record<keyof typeof merchantEn, string> = {
  'merchant.title': 'বিক্রেতা',
};
