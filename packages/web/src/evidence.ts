// Evidence files: what the API says of one (GET /api/v1/complaints/{code}: `evidence[]`), the
// one way to upload a file, and the errors that are about the file rather than a field.
import { api } from './api.ts';

export interface Evidence {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}

/** Attach one file to a complaint (each upload moves the complaint's version on by one). */
export function uploadEvidence(code: string, file: Blob, name: string): Promise<Evidence> {
  const form = new FormData();
  form.append('file', file, name);
  return api<Evidence>('POST', `/api/v1/complaints/${encodeURIComponent(code)}/evidence`, { form });
}

/** Error codes that mean "this file cannot be attached" (its type, size, or one too many). */
export const FILE_PROBLEMS: readonly string[] = ['evidence_type', 'evidence_too_large', 'evidence_limit', 'payload_too_large', 'evidence_not_found'];

/** The server's limits on evidence (evidence/detect.ts there), until the domain states them. */
export const MAX_EVIDENCE_MB = 10;
export const MAX_EVIDENCE_BYTES = MAX_EVIDENCE_MB * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 10;
