// What comes with an uploaded file besides its bytes. A phone shrinks a camera photo before
// sending it (a 4 MB photo took 89 s on slow 3G); the record keeps the SHA-256 of the file the
// consumer chose, so what was chosen and what was filed can both be named later.
import { z } from 'zod';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

/** The upload's form fields other than `file` (multipart/form-data). */
export const EvidenceUploadFieldsSchema = z.object({
  originalSha256: Sha256Hex.optional().describe('SHA-256 of the file as the consumer chose it, when the phone shrank it before sending'),
  originalSizeBytes: z.coerce.number().int().positive().optional().describe('Size of that original file'),
});
export type EvidenceUploadFields = z.infer<typeof EvidenceUploadFieldsSchema>;
