// Step 7, evidence: photos from the camera or the gallery, or PDFs, previewed, each one
// removable; a file over the size limit, or one past the number limit, is refused with a
// sentence. The files are kept in the draft, so they survive a reload.
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, MAX_EVIDENCE_MB } from '@nalish/domain';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type DraftEvidence, dataUrlToBlob, readAsDataUrl } from '../draft.ts';
import { type StepProps, StepForm } from './StepForm.tsx';

// Object URLs of the previews, made once per file and released when it is removed.
const previews = new Map<string, string>();
function previewUrl(ev: DraftEvidence): string | null {
  let url = previews.get(ev.id);
  if (!url && ev.data) {
    url = URL.createObjectURL(dataUrlToBlob(ev.data));
    previews.set(ev.id, url);
  }
  return url ?? null;
}

export function StepEvidence({ d, update, err, onNext, onBack, onProblems }: StepProps & { onNext: () => void; onBack: () => void; onProblems: (text: string) => void }) {
  const { t } = useI18n();

  async function addFiles(files: FileList | null) {
    if (!files) return;
    const problems: string[] = [];
    const added: DraftEvidence[] = [];
    for (const f of Array.from(files)) {
      if (d.evidence.length + added.length >= MAX_EVIDENCE_FILES) {
        problems.push(t('consumer.ev.limit', { max: MAX_EVIDENCE_FILES }));
        break;
      }
      if (f.size > MAX_EVIDENCE_BYTES) {
        problems.push(t('consumer.ev.tooLarge', { name: f.name, mb: MAX_EVIDENCE_MB }));
        continue;
      }
      const id = crypto.randomUUID();
      previews.set(id, URL.createObjectURL(f));
      added.push({ id, name: f.name, type: f.type, size: f.size, data: await readAsDataUrl(f) });
    }
    onProblems(problems.join(' '));
    update((x) => ({ ...x, evidence: [...x.evidence, ...added] }));
  }

  const remove = (ev: DraftEvidence) => {
    const u = previews.get(ev.id);
    if (u) URL.revokeObjectURL(u);
    previews.delete(ev.id);
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
      <h2>{t('consumer.ev.list')}</h2>
      {d.evidence.length === 0 ? (
        <p className="muted">{t('consumer.ev.none')}</p>
      ) : (
        <ul className="previews">
          {d.evidence.map((ev) => {
            const url = previewUrl(ev);
            return (
              <li key={ev.id}>
                {ev.type.startsWith('image/') && url ? <img src={url} alt={t('consumer.ev.preview', { name: ev.name })} /> : <span className="pdf" aria-hidden="true">PDF</span>}
                <span className="fname">{ev.name}</span>
                <button type="button" onClick={() => remove(ev)}>
                  {t('consumer.ev.remove', { name: ev.name })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </StepForm>
  );
}
