// "Are you sure?" for a step that cannot be undone (revoke a key, replace a secret, delete an
// endpoint, withdraw a complaint): the question, the step's button and Cancel. The step's
// button takes the focus, so the keyboard lands on the choice just asked for; `cancelFirst`
// puts Cancel first and focuses it instead, where a slip would cost a consumer their complaint.
import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export function ConfirmGroup(props: { id: string; question: string; yes: string; onYes: () => void; onCancel: () => void; busy?: boolean; cancelFirst?: boolean; children?: ReactNode }) {
  const { t } = useI18n();
  const yes = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    (props.cancelFirst ? cancel : yes).current?.focus();
  }, [props.cancelFirst]);
  const yesButton = (
    <button type="button" ref={yes} className="danger solid" disabled={props.busy} onClick={props.onYes}>
      {props.yes}
    </button>
  );
  const cancelButton = (
    <button type="button" ref={cancel} onClick={props.onCancel}>
      {t('common.cancel')}
    </button>
  );
  return (
    <div className="confirm" role="group" aria-labelledby={props.id}>
      <p id={props.id}>
        <strong>{props.question}</strong>
      </p>
      <div className="buttons">
        {props.cancelFirst ? cancelButton : yesButton}
        {props.cancelFirst ? yesButton : cancelButton}
      </div>
      {props.children}
    </div>
  );
}
