// The evidence on a case: each file with its type, size, who added it and when, its SHA-256,
// and images shown inline.
import type { Evidence } from '@nalish/domain/responses';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { ActiveContentWarning } from '../../../ui/ActiveContentWarning.tsx';
import { BlobImage } from '../../../ui/BlobImage.tsx';

function EvidenceItem({ code, ev }: { code: string; ev: Evidence }) {
  const { t, dateTime, number } = useI18n();
  const src = `/api/v1/complaints/${code}/evidence/${ev.id}`;
  return (
    <li className="card r-evidence">
      <p className="r-ev-name">
        <a href={src} download={ev.filename} aria-label={t('regulator.evidence.open', { name: ev.filename })}>
          {ev.filename}
        </a>
      </p>
      <p className="muted">
        {t('regulator.evidence.meta', { type: ev.mediaType, size: number(Math.max(1, Math.ceil(ev.sizeBytes / 1024))), who: t(`regulator.role.${ev.uploadedBy}` as UiKey), date: dateTime(ev.createdAt) })}
      </p>
      <p className="r-hash">
        SHA-256: <code>{ev.sha256}</code>
      </p>
      <ActiveContentWarning kinds={ev.activeContent} />
      {ev.mediaType.startsWith('image/') && <BlobImage src={src} type={ev.mediaType} alt={ev.filename} className="r-ev-img" failedText={t('regulator.evidence.failed')} loadingText={t('regulator.evidence.loading')} />}
    </li>
  );
}

export function EvidenceSection({ code, items }: { code: string; items: Evidence[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="r-ev-h">
      <h2 id="r-ev-h">{t('regulator.evidence')}</h2>
      {items.length === 0 ? (
        <p>{t('regulator.evidence.none')}</p>
      ) : (
        <ul className="r-evidence-list">
          {items.map((ev) => (
            <EvidenceItem key={ev.id} code={code} ev={ev} />
          ))}
        </ul>
      )}
    </section>
  );
}
