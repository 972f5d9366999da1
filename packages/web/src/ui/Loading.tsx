// "Loading…" and "it did not load: try again", the same in every area.
import { useI18n } from '../i18n/i18n.tsx';
import { errorText } from './errors.ts';

export function Loading() {
  const { t } = useI18n();
  return <p role="status">{t('common.loading')}</p>;
}

/** An error with a way to try again; `text` replaces the error's own sentence (e.g. "not found"). */
export function LoadError({ error, onRetry, text }: { error: unknown; onRetry?: (() => void) | undefined; text?: string }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="notice">
      <p>{text ?? errorText(t, error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
