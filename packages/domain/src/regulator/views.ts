// What the API answers an officer besides complaints: the office's officers and the merchants
// with cases in the office, each with its figures (the same figures the merchant and the
// public see).
import { z } from 'zod';
import { FiguresSchema } from '../stats/figures.ts';
import { Uuid } from '../wire.ts';

export const OfficerListSchema = z.object({ items: z.array(z.object({ id: Uuid, name: z.string(), email: z.string() })) });
export type OfficerList = z.infer<typeof OfficerListSchema>;

export const RegulatorMerchantListSchema = z.object({
  items: z.array(z.object({ id: Uuid, name: z.string(), figures: FiguresSchema.describe('All the merchant’s complaints, not only this office’s') })),
});
export type RegulatorMerchantList = z.infer<typeof RegulatorMerchantListSchema>;
