// What a complaint's evidence may be: the file types (decided by content on upload), the size
// of one file and how many files one complaint holds. The server checks uploads against these,
// the action schemas bound evidenceIds by them, and the web app says them to the consumer.
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
export const MAX_EVIDENCE_MB = 10;
export const MAX_EVIDENCE_BYTES = MAX_EVIDENCE_MB * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 10;

/** What a PDF can carry that acts when it is opened (marked on upload, shown as a warning, never refused). */
export const ACTIVE_CONTENT_KINDS = ['javascript', 'auto_action', 'embedded_file', 'launch'] as const;
export type ActiveContentKind = (typeof ACTIVE_CONTENT_KINDS)[number];
