// Consumer pages (Bengali).
import type { consumerEn } from './consumer.en.ts';

export const consumerBn: Record<keyof typeof consumerEn, string> = {
  'consumer.title': 'ভোক্তা',
};
