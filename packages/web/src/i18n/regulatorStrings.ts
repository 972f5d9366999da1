// The regulator console's strings, loaded with its chunk.
import type { AreaStrings } from './i18n.tsx';
import { regulatorBn } from './regulator.bn.ts';
import { regulatorEn } from './regulator.en.ts';

export const regulatorStrings: AreaStrings<keyof typeof regulatorEn> = { bn: regulatorBn, en: regulatorEn };
