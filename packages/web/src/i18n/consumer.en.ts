// Consumer pages (English). Keys start with 'consumer.'.
export const consumerEn = {
  'consumer.title': 'Consumer',
} as const;
