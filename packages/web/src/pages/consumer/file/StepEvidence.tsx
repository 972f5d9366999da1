// Step 7, evidence: photos from the camera or the gallery, or PDFs, previewed, each one
// removable; a file over the size limit, or one past the number limit, is refused with a
// sentence. A photo is shrunk as it is added (prepareFile.ts); the files are kept on the
// device (ui/fileStore.ts), so they survive a reload or a tab the phone killed.
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, MAX_EVIDENCE_MB } from '@nalish/domain';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { deleteFile, getFile, putFile } from '../../../ui/fileStore.ts';
import type { DraftEvidence } from '../draft.ts';
import { prepareFile } from './prepareFile.ts';
import { type StepProps, StepForm } from './StepForm.tsx';

// Object URLs of the previews, made once per file and released when it is removed.
const previews = new Map<string, string>();

/** The preview of a kept image, read from the device once. */
function usePreview(ev: DraftEvidence): string | null {
  const [url, setUrl] = useState(() => previews.get(ev.id) ?? null);
  useEffect(() => {
    if (url || !ev.type.startsWith('image/')) return;
    let live = true;
    void getFile(ev.id).then((blob) => {
      if (!blob || !live) return;
      const u = previews.get(ev.id) ?? URL.createObjectURL(blob);
      previews.set(ev.id, u);
      setUrl(u);
    });
    return () => {
      live = false;
    };
  }, [ev.id, ev.type, url]);
  return url;
}

function Preview({ ev, onRemove }: { ev: DraftEvidence; onRemove: () => void }) {
  const { t } = useI18n();
  const url = usePreview(ev);
  const image = ev.type.startsWith('image/');
  return (
    <li>
      {image ? (
        url ? <img src={url} alt={t('consumer.ev.preview', { name: ev.name })} /> : <span className="file-tile" aria-hidden="true" />
      ) : (
        <span className="file-tile pdf" aria-hidden="true">
          PDF
        </span>
      )}
      <span className="fname">{ev.name}</span>
      <button type="button" onClick={onRemove}>
        {t('consumer.ev.remove', { name: ev.name })}
      </button>
    </li>
  );
}

export function StepEvidence({ d, update, err, onNext, onBack, onProblems }: StepProps & { onNext: () => void; onBack: () => void; onProblems: (text: string) => void }) {
  const { t } = useI18n();

  const [preparing, setPreparing] = useState(false);

  async function addFiles(files: FileList | null) {
    if (!files) return;
    const problems: string[] = [];
    const added: DraftEvidence[] = [];
    setPreparing(true);
    for (const f of Array.from(files)) {
      if (d.evidence.length + added.length >= MAX_EVIDENCE_FILES) {
        problems.push(t('consumer.ev.limit', { max: MAX_EVIDENCE_FILES }));
        break;
      }
      // The limit is on what is sent: a large camera photo is fine once shrunk.
      const p = await prepareFile(f);
      if (p.blob.size > MAX_EVIDENCE_BYTES) {
        problems.push(t('consumer.ev.tooLarge', { name: f.name, mb: MAX_EVIDENCE_MB }));
        continue;
      }
      const id = crypto.randomUUID();
      await putFile(id, p.blob);
      previews.set(id, URL.createObjectURL(p.blob));
      added.push({ id, name: p.name, type: p.type, size: p.blob.size, ...(p.original ? { original: p.original } : {}) });
    }
    setPreparing(false);
    onProblems(problems.join(' '));
    update((x) => ({ ...x, evidence: [...x.evidence, ...added] }));
  }

  const remove = (ev: DraftEvidence) => {
    const u = previews.get(ev.id);
    if (u) URL.revokeObjectURL(u);
    previews.delete(ev.id);
    void deleteFile(ev.id);
    update((x) => ({ ...x, evidence: x.evidence.filter((e) => e.id !== ev.id) }));
  };

  return (
    <StepForm onSubmit={onNext} onBack={onBack}>
      <p>{t('consumer.ev.lead', { mb: MAX_EVIDENCE_MB })}</p>
      <div className="file-buttons">
        <label className="button file-button" htmlFor="ev-camera">
          {t('consumer.ev.camera')}
        </label>
        <input id="ev-camera" className="file-input" type="file" accept="image/*" capture="environment" onChange={(e) => void addFiles(e.target.files).then(() => (e.target.value = ''))} />
        <label className="button file-button" htmlFor="ev-gallery">
          {t('consumer.ev.gallery')}
        </label>
        <input id="ev-gallery" className="file-input" type="file" accept="image/*,application/pdf" multiple onChange={(e) => void addFiles(e.target.files).then(() => (e.target.value = ''))} />
      </div>
      {err('file') && (
        <p className="error" role="alert">
          {err('file')}
        </p>
      )}
      {preparing && (
        <p className="muted" role="status">
          {t('consumer.ev.preparing')}
        </p>
      )}
      <h2>{t('consumer.ev.list')}</h2>
      {d.evidence.length === 0 ? (
        <p className="muted">{t('consumer.ev.none')}</p>
      ) : (
        <ul className="previews">
          {d.evidence.map((ev) => (
            <Preview key={ev.id} ev={ev} onRemove={() => remove(ev)} />
          ))}
        </ul>
      )}
    </StepForm>
  );
}
