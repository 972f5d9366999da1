// Regulator pages (Bengali).
import type { regulatorEn } from './regulator.en.ts';

export const regulatorBn: Record<keyof typeof regulatorEn, string> = {
  'regulator.title': 'অধিদপ্তর',
};
