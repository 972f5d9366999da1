// Building blocks of the API's answers: instants and dates as the server writes them, a page
// of a list, the error shape. Answers are described loosely where a request is strict (a
// stored value is never refused for a length limit that changed since it was written).
import { z } from 'zod';

/** An instant, ISO 8601 (the server writes UTC, `…Z`; a hearing keeps the offset it was given). */
export const Instant = z.iso.datetime({ offset: true });
/** A calendar date in Dhaka, YYYY-MM-DD. */
export const DhakaDay = z.iso.date();
export const Uuid = z.uuid();

/** One page of a list; pass nextCursor back as `cursor` for the next (null on the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A file or page sent as it is (a PDF, an image, a script), not JSON: its type is in Content-Type. */
export const FileSchema = z.string().meta({ format: 'binary' });
/** An answer without a body (204, 304). */
export const NoContentSchema = z.undefined().describe('No content');

/** Every error: a stable code, a message in the request's language, and details for some codes. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string().describe('Stable error code (see error.<code> in the catalogues)'),
    message: z.string().describe('In Bengali or English, by Accept-Language'),
    details: z.record(z.string(), z.unknown()).optional().describe('e.g. fields: [{ path, message }] for validation'),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const HealthSchema = z.object({
  status: z.enum(['ok', 'migrations_pending', 'database_unreachable']),
  database: z.enum(['pglite', 'postgres']),
  pendingMigrations: z.array(z.string()),
});
export type Health = z.infer<typeof HealthSchema>;
