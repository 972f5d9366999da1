// The type of an uploaded file is decided by its content, never by its name or the
// Content-Type the client claims.
import { fileTypeFromBuffer } from 'file-type';

export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 10;

export async function detectEvidenceType(data: Buffer): Promise<EvidenceType | null> {
  const found = await fileTypeFromBuffer(data);
  const mime = found?.mime as string | undefined;
  return (EVIDENCE_TYPES as readonly string[]).includes(mime ?? '') ? (mime as EvidenceType) : null;
}
