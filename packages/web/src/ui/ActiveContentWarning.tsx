// Beside an evidence PDF that can run code or carries files (marked by the server on upload):
// one warning for the merchant portal, the regulator console and the consumer's tracking page.
import { activeContentWarning } from '@nalish/domain';
import { useI18n } from '../i18n/i18n.tsx';

export function ActiveContentWarning({ kinds }: { kinds?: readonly string[] | undefined }) {
  const { locale } = useI18n();
  const text = activeContentWarning(locale, kinds);
  return text ? (
    <p className="notice" role="note" data-testid="active-content">
      {text}
    </p>
  ) : null;
}
