// Regulator pages (English). Keys start with 'regulator.'.
export const regulatorEn = {
  'regulator.title': 'Regulator',
} as const;
