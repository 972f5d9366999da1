// The evidence on a complaint as the merchant sees it: images shown inline, PDFs as downloads,
// who added each file and when, and every file's SHA-256.
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { ActiveContentWarning } from '../../../ui/ActiveContentWarning.tsx';
import { BlobImage } from '../../../ui/BlobImage.tsx';
import type { Evidence } from '@nalish/domain/responses';

export function EvidenceList({ code, items }: { code: string; items: Evidence[] }) {
  const { t, dateTime, number } = useI18n();
  if (items.length === 0) return <p className="muted">{t('merchant.evidence.none')}</p>;
  return (
    <ul className="m-evidence">
      {items.map((ev) => {
        const src = `/api/v1/complaints/${code}/evidence/${ev.id}`;
        return (
          <li key={ev.id} className="m-evidence-item">
            <h3 className="m-evidence-name">{ev.filename}</h3>
            {ev.mediaType.startsWith('image/') && (
              <BlobImage className="m-evidence-img" src={src} type={ev.mediaType} alt={t('merchant.evidence.imageAlt', { name: ev.filename })} failedText={t('merchant.evidence.loadFailed')} />
            )}
            <ActiveContentWarning kinds={ev.activeContent} />
            <p>
              <a href={src} download={ev.filename}>
                {ev.mediaType === 'application/pdf' ? t('merchant.evidence.downloadPdf', { name: ev.filename }) : t('merchant.evidence.download', { name: ev.filename })}
              </a>
            </p>
            <p className="muted">
              {t('merchant.evidence.meta', { by: t(`merchant.actor.${ev.uploadedBy}` as UiKey), when: dateTime(ev.createdAt), kb: number(Math.max(1, Math.round(ev.sizeBytes / 1024))) })}
            </p>
            <p className="m-hash">
              <span>{t('merchant.evidence.sha256')}</span> <code>{ev.sha256}</code>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
