// The confirmation: the tracking code in large digits (Bengali for Bengali readers), where the
// SMS is going, what happens next and by when, and the way to track (inside the widget, in a
// new tab, as Nalish itself) or to file another complaint.
import { toBengaliDigits } from '@nalish/domain';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import type { Filed } from '../draft.ts';
import { useEmbed } from '../embed.ts';

export function Done({ filed, upload, onAnother }: { filed: Filed; upload: { done: number; total: number; fraction: number } | null; onAnother: () => void }) {
  const { t, locale, date } = useI18n();
  const embed = useEmbed();
  const digits = (s: string) => (locale === 'bn' ? toBengaliDigits(s) : s);
  return (
    <div className="stack">
      <div className="card done">
        <p>{t('consumer.done.code')}</p>
        <p className="big-code" data-code={filed.code}>
          {digits(filed.code)}
        </p>
        <p>{t('consumer.done.sms', { phone: digits(filed.phone) })}</p>
        {filed.dueAt && <p>{t('consumer.done.next', { date: date(filed.dueAt) })}</p>}
      </div>
      {/* The files follow the code: how far they are, said as they go. */}
      {upload && (
        <div className="upload-progress" role="status">
          {upload.done < upload.total ? (
            <>
              <p>{t('consumer.done.uploading', { done: upload.done + 1, total: upload.total, pct: Math.round(((upload.done + upload.fraction) / upload.total) * 100) })}</p>
              <progress max={1} value={(upload.done + upload.fraction) / upload.total} aria-hidden="true" />
            </>
          ) : (
            <p>{t('consumer.done.uploaded')}</p>
          )}
        </div>
      )}
      {filed.evidenceFailed && <p className="notice">{t('consumer.done.evidenceFailed')}</p>}
      {embed ? (
        <>
          {/* Outside the shop's page: the tracking page opens as Nalish itself. */}
          <a href={`/t/${filed.code}`} className="button primary" target="_blank" rel="noopener">
            {t('consumer.done.track')}
          </a>
          <button type="button" onClick={() => embed.close(true)}>
            {t('consumer.embed.close')}
          </button>
        </>
      ) : (
        <>
          <Link to={`/t/${filed.code}`} className="button primary">
            {t('consumer.done.track')}
          </Link>
          <button type="button" onClick={onAnother}>
            {t('consumer.done.another')}
          </button>
        </>
      )}
    </div>
  );
}
