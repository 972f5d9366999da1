// Evidence files: the one way to upload a file, and the errors that are about the file rather
// than a field. (The limits the server holds uploads to are the domain's, complaint/evidence.ts.)
import type { Evidence } from '@nalish/domain/responses';
import { api } from './api.ts';

/** Attach one file to a complaint (each upload moves the complaint's version on by one). */
export function uploadEvidence(code: string, file: Blob, name: string): Promise<Evidence> {
  const form = new FormData();
  form.append('file', file, name);
  return api<Evidence>('POST', `/api/v1/complaints/${encodeURIComponent(code)}/evidence`, { form });
}

/**
 * The consumer's queued upload: the file the phone prepared, the original's hash when it was
 * shrunk, progress as it goes, and the file's own id as the Idempotency-Key, so an upload the
 * server stored before the tab was killed is not stored twice when the queue resumes.
 */
export function uploadQueued(
  code: string,
  file: { id: string; blob: Blob; name: string; original?: { sha256: string; sizeBytes: number } | undefined },
  onProgress: (fraction: number) => void,
): Promise<Evidence> {
  const form = new FormData();
  form.append('file', file.blob, file.name);
  if (file.original) {
    form.append('originalSha256', file.original.sha256);
    form.append('originalSizeBytes', String(file.original.sizeBytes));
  }
  return api<Evidence>('POST', `/api/v1/complaints/${encodeURIComponent(code)}/evidence`, { form, idempotencyKey: file.id, onUploadProgress: onProgress });
}

/** Error codes that mean "this file cannot be attached" (its type, size, or one too many). */
export const FILE_PROBLEMS: readonly string[] = ['evidence_type', 'evidence_too_large', 'evidence_limit', 'payload_too_large', 'evidence_not_found'];
