// What the two webhook pages share: the event checkboxes and the URL field's error.
import { ApiError } from '../../api.ts';
import type { UiKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export const eventLabel = (type: string) => `merchant.webhooks.event.${type}` as UiKey;

/** The events as a group of checkboxes; an error is tied to the group. */
export function EventChoices(props: { idPrefix: string; types: string[]; chosen: string[]; onChange: (chosen: string[]) => void; error?: string }) {
  const { t } = useI18n();
  const errorId = `${props.idPrefix}-error`;
  return (
    <fieldset className="m-radios" aria-describedby={props.error ? errorId : undefined} aria-invalid={props.error ? true : undefined}>
      <legend>{t('merchant.webhooks.events')}</legend>
      {props.types.map((type) => {
        const id = `${props.idPrefix}-${type.replace(/\W/g, '-')}`;
        return (
          <div className="m-check" key={type}>
            <input
              id={id}
              type="checkbox"
              checked={props.chosen.includes(type)}
              onChange={(e) => props.onChange(e.target.checked ? [...props.chosen, type] : props.chosen.filter((x) => x !== type))}
            />
            <label htmlFor={id}>
              {t(eventLabel(type))} <code className="muted">{type}</code>
            </label>
          </div>
        );
      })}
      {props.error && (
        <p className="error" id={errorId}>
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

/** The URL field's error: the server's own localised message when it says what is wrong. */
export function urlError(t: (k: UiKey) => string, e: unknown): string | null {
  if (!(e instanceof ApiError)) return null;
  if (e.code.startsWith('webhook_url_')) return e.message;
  if (e.details.fields?.some((f) => f.path === 'url')) return t('merchant.webhooks.err.url');
  return null;
}
