// Attaching evidence: the file is checked and stored, and its SHA-256 goes into the
// complaint's history, so the file can later be shown to be the one that was filed.
import { createHash, randomUUID } from 'node:crypto';
import type { EvidenceUploaded } from '@nalish/domain/responses';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { authorise } from '../access/complaint.ts';
import { lockComplaint } from '../complaints/act.ts';
import { recordEvent } from '../complaints/apply.ts';
import type { Actor } from '../access/actor.ts';
import { type EvidenceType, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, MAX_EVIDENCE_MB, isTerminal } from '@nalish/domain';
import { detectEvidenceType } from './detect.ts';
import { pdfActiveContent } from './pdfActiveContent.ts';


/** A display name only: path parts and control characters removed. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim().slice(0, 200);
  return cleaned || 'file';
}

const EXTENSION: Record<EvidenceType, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'application/pdf': '.pdf' };

/** The stored name ends in the extension of the type found in the content, whatever it was
 *  called: a PNG sent as invoice.html downloads as invoice.png. */
export function nameForType(name: string, type: EvidenceType): string {
  const clean = cleanFilename(name);
  const dot = clean.lastIndexOf('.');
  const stem = dot > 0 ? clean.slice(0, dot) : clean;
  return `${stem.slice(0, 200 - EXTENSION[type].length)}${EXTENSION[type]}`;
}

export async function attachEvidence(
  deps: Deps,
  where: { code: string },
  actor: Exclude<Actor, { role: 'system' }>,
  file: { filename: string; data: Buffer; original?: { sha256: string; sizeBytes: number } | undefined },
): Promise<EvidenceUploaded> {
  if (file.data.length > MAX_EVIDENCE_BYTES) throw new AppError('evidence_too_large', { mb: MAX_EVIDENCE_MB });
  const mediaType = await detectEvidenceType(file.data);
  if (!mediaType) throw new AppError('evidence_type');
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const id = randomUUID();
  const filename = nameForType(file.filename, mediaType);
  const activeContent = mediaType === 'application/pdf' ? pdfActiveContent(file.data) : [];
  // Named by the phone that shrank the photo; the same bytes need no second name.
  const original = file.original && file.original.sha256 !== sha256 ? file.original : null;

  // Authorise before storing anything.
  const complaint = await deps.db.transaction(async (tx) => authorise(actor, await lockComplaint(tx, where)));
  const key = `evidence/${complaint.id}/${id}`;
  await deps.storage.put(key, file.data, mediaType);
  try {
    return await deps.db.transaction(async (tx) => {
      const row = authorise(actor, await lockComplaint(tx, where));
      if (isTerminal(row.state)) throw new AppError('invalid_transition', { state: row.state });
      const [{ n } = { n: 0 }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence WHERE complaint_id = $1', [row.id]);
      if (n >= MAX_EVIDENCE_FILES) throw new AppError('evidence_limit', { max: MAX_EVIDENCE_FILES });
      const now = deps.now();
      await tx.query(
        `INSERT INTO evidence (id, complaint_id, uploaded_by, filename, media_type, size_bytes, sha256, storage_key, created_at, active_content, original_sha256, original_size_bytes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [id, row.id, actor.role, filename, mediaType, file.data.length, sha256, key, now, activeContent, original?.sha256 ?? null, original?.sizeBytes ?? null],
      );
      const updated = await recordEvent(tx, row, { type: 'evidence_added', actor, payload: { evidenceId: id, filename, mediaType, sizeBytes: file.data.length, sha256, ...(original ? { original } : {}) } }, now);
      // The upload is a step of the history: its answer gives the version the next step must name.
      return { id, filename, mediaType, activeContent, sizeBytes: file.data.length, sha256, original: original ?? null, uploadedBy: actor.role, createdAt: now.toISOString(), complaintVersion: updated.version };
    });
  } catch (e) {
    // Nothing refers to the stored file: remove it so a refused upload leaves no trace.
    await deps.storage.delete(key).catch(() => undefined);
    throw e;
  }
}
