// A reason typed for a step (rejecting the seller's answer, saying the remedy was not carried
// out), with Cancel; the text field takes the focus when the form opens.
import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Field } from '../../../ui/Field.tsx';

export function ReasonForm(p: { id: string; label: string; submit: string; value: string; setValue(v: string): void; error?: string | undefined; busy: boolean; onCancel(): void; onSubmit(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <Field id={p.id} label={p.label} error={p.error}>
        {(a) => <textarea ref={ref} {...a} rows={3} value={p.value} onChange={(e) => p.setValue(e.target.value)} />}
      </Field>
      <div className="step-nav">
        <button type="button" onClick={p.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={p.busy}>
          {p.submit}
        </button>
      </div>
    </form>
  );
}
