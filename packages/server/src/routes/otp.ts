// Consumers sign in with a verified mobile number: request a code, then verify it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ConsumerSessionSchema, OtpIssuedSchema } from '@nalish/domain/responses';
import { negotiateLocale, normalizeBdMobile } from '@nalish/domain';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { OTP_RESEND_MS, issueOtp, verifyOtp } from '../auth/otp.ts';
import { createSession } from '../auth/sessions.ts';
import { sessionCookie } from '../http/auth.ts';

// Any text up to 40 characters; whether it is a mobile number is decided by normalizeBdMobile,
// so a number too short and one wrong in any other way get the same phone_invalid answer.
const Phone = z.string().trim().max(40, 'phone_invalid').describe('A Bangladeshi mobile number: 01712345678, +8801712345678 or in Bengali digits');

export const OtpRequestSchema = z.object({ phone: Phone });
export const OtpVerifySchema = z.object({ phone: Phone, code: z.string().trim().regex(/^[0-9০-৯]{6}$/, 'otp_code') });

function phoneOrFail(input: string): string {
  const phone = normalizeBdMobile(input);
  if (!phone) throw new AppError('phone_invalid', {}, { fields: [{ path: 'phone', code: 'phone_invalid' }] });
  return phone;
}

export const otpRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/api/v1/otp', { schema: { tags: ['consumer'], summary: 'Send a one-time code by SMS', body: OtpRequestSchema, response: { 202: OtpIssuedSchema } } }, async (request, reply) => {
      const phone = phoneOrFail(request.body.phone);
      const issued = await issueOtp(deps, phone, request.ip, negotiateLocale(request.headers['accept-language']));
      return reply.status(202).send({ phone, expiresAt: issued.expiresAt.toISOString(), resendAfterSeconds: OTP_RESEND_MS / 1000 });
    });

    app.post(
      '/api/v1/otp/verify',
      // The answer carries the session token: never kept for an Idempotency-Key.
      { schema: { tags: ['consumer'], summary: 'Verify the code and start a session', body: OtpVerifySchema, response: { 200: ConsumerSessionSchema } }, config: { idempotency: false } },
      async (request, reply) => {
        const phone = phoneOrFail(request.body.phone);
        const code = request.body.code.replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - 0x09e6));
        await verifyOtp(deps, phone, code);
        const session = await createSession(deps, 'consumer', phone);
        void reply.header('set-cookie', sessionCookie(session.token, session.expiresAt, deps.config.publicUrl.startsWith('https:'), deps.now()));
        return { token: session.token, expiresAt: session.expiresAt.toISOString(), phone };
      },
    );
  };
