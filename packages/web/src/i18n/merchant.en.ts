// Merchant pages (English). Keys start with 'merchant.'.
export const merchantEn = {
  'merchant.title': 'Merchant',
} as const;
