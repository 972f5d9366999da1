// What the API answers about signing in and who is signed in.
import { z } from 'zod';
import { Instant, Uuid } from '../wire.ts';

export const OtpIssuedSchema = z.object({
  phone: z.string().describe('The number in E.164 form'),
  expiresAt: Instant,
  resendAfterSeconds: z.number().int(),
});
export type OtpIssued = z.infer<typeof OtpIssuedSchema>;

/** A new session: the token also comes as an HttpOnly cookie. */
const Session = { token: z.string(), expiresAt: Instant };
export const ConsumerSessionSchema = z.object({ ...Session, phone: z.string() });
export type ConsumerSession = z.infer<typeof ConsumerSessionSchema>;
export const MerchantSessionSchema = z.object({ ...Session, merchantId: Uuid, role: z.enum(['owner', 'agent']), name: z.string() });
export type MerchantSession = z.infer<typeof MerchantSessionSchema>;
export const OfficerSessionSchema = z.object({ ...Session, officerId: Uuid, officeId: Uuid, name: z.string() });
export type OfficerSession = z.infer<typeof OfficerSessionSchema>;

/** GET /api/v1/session: who is signed in (an API key answers as its merchant). */
export const IdentitySchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('consumer'), phone: z.string() }),
  z.object({
    role: z.literal('merchant'),
    merchantId: Uuid,
    merchantName: z.string().nullable(),
    userId: Uuid.nullable().describe('Null for an API key'),
    name: z.string().nullable(),
    staffRole: z.enum(['owner', 'agent']).nullable(),
    email: z.string().nullable(),
  }),
  z.object({
    role: z.literal('officer'),
    officerId: Uuid,
    officeId: Uuid,
    name: z.string().nullable(),
    email: z.string().nullable(),
    officeName: z.string().nullable(),
    officeNameBn: z.string().nullable(),
    /** A head-office officer, who may import the holiday calendar (server access/holidays.ts). */
    mayManageHolidays: z.boolean(),
  }),
  z.object({ role: z.literal('system') }),
]);
export type Identity = z.infer<typeof IdentitySchema>;
