// The type of an uploaded file is decided by its content, never by its name or the
// Content-Type the client claims.
// The allowed types and the limits are the domain's (complaint/evidence.ts).
import { EVIDENCE_TYPES, type EvidenceType } from '@nalish/domain';
import { fileTypeFromBuffer } from 'file-type';

export async function detectEvidenceType(data: Buffer): Promise<EvidenceType | null> {
  const found = await fileTypeFromBuffer(data);
  const mime = found?.mime as string | undefined;
  return (EVIDENCE_TYPES as readonly string[]).includes(mime ?? '') ? (mime as EvidenceType) : null;
}
