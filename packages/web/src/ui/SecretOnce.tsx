// A secret the server shows once (an API key, a signing secret, a first password): the
// message takes the focus so it is announced, the secret sits in a read-only field that
// selects itself, and a copy button says whether copying worked.
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Field } from './Field.tsx';

/** Copy text to the clipboard; says whether it worked (a page without clipboard access cannot). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A button that copies `text`, and a polite status saying it was copied (or to copy by hand). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  const [said, setSaid] = useState('');
  useEffect(() => setSaid(''), [text]);
  return (
    <>
      <button type="button" onClick={() => void copyText(text).then((ok) => setSaid(t(ok ? 'common.copied' : 'common.copyFailed')))}>
        {label}
      </button>
      <p aria-live="polite">{said}</p>
    </>
  );
}

/**
 * The notice for something just created. `children` say what happened; with a `secret`, it
 * follows in a field with its copy button. The notice takes the focus when it appears and
 * whenever the secret changes.
 */
export function SecretOnce(props: { id: string; label: string; copyLabel: string; secret: string | null; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [props.secret]);
  return (
    <div className="notice" role="status" tabIndex={-1} ref={ref}>
      {props.children}
      {props.secret !== null && (
        <>
          <Field id={props.id} label={props.label}>
            {(a) => <input {...a} className="secret" readOnly value={props.secret ?? ''} onFocus={(e) => e.currentTarget.select()} />}
          </Field>
          <CopyButton text={props.secret} label={props.copyLabel} />
        </>
      )}
    </div>
  );
}
