// Reading one evidence file of a complaint the actor may see (the complaint's access rule).
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../access/actor.ts';
import { readComplaint } from '../complaints/read.ts';

export interface EvidenceFile {
  data: Buffer;
  mediaType: string;
  filename: string;
  activeContent: string[];
}

export async function readEvidenceFile(deps: Deps, actor: Actor, code: string, id: string): Promise<EvidenceFile> {
  const row = await readComplaint(deps.db, actor, code);
  const [ev] = await deps.db.query<{ storage_key: string; media_type: string; filename: string; active_content: string[] }>(
    'SELECT storage_key, media_type, filename, active_content FROM evidence WHERE id = $1 AND complaint_id = $2',
    [id, row.id],
  );
  if (!ev) throw new AppError('not_found');
  return { data: await deps.storage.get(ev.storage_key), mediaType: ev.media_type, filename: ev.filename, activeContent: ev.active_content };
}
