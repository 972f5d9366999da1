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

/** Error codes that mean "this file cannot be attached" (its type, size, or one too many). */
export const FILE_PROBLEMS: readonly string[] = ['evidence_type', 'evidence_too_large', 'evidence_limit', 'payload_too_large', 'evidence_not_found'];
