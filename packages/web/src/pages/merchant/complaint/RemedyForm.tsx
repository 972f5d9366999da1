// The merchant's record that the accepted remedy was carried out (issue 18.1, 11.4): what was
// done and, for a refund, the channel and the transaction reference the consumer can check.
// Checked with the server's own schema first; the consumer is then asked to confirm.
import { DEFAULT_SETTINGS, REFUND_CHANNELS, REMEDIES } from '@nalish/domain';
import type { ComplaintView } from '@nalish/domain/responses';
import { useRef, useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { useDraft } from '../../../ui/drafts.ts';
import { errorText } from '../../../ui/errors.ts';
import { Choice, Field, FormError } from '../../../ui/Field.tsx';
import { useFocusFirstError } from '../../../ui/focus.tsx';
import { stepProblems, useStep } from '../../../ui/steps.ts';

export function RemedyForm(props: { complaint: ComplaintView; reload: () => Promise<unknown>; onRecorded: (c: ComplaintView) => void; onConflict: (text: string) => void }) {
  const { t } = useI18n();
  const c = props.complaint;
  const offered = c.response?.kind === 'offer' ? c.response.remedy : 'refund';
  const [d, setD, clear] = useDraft(`nalish.merchant.remedy.${c.trackingCode}`, { remedy: offered as string, channel: 'bkash', reference: '', note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const step = useStep<ComplaintView>(c.trackingCode, c.version, props.reload, 'merchant.remedyForm.conflict');
  useFocusFirstError(errors, ref);
  const refund = d.remedy === 'refund';
  const body = {
    remedy: d.remedy,
    ...(refund ? { channel: d.channel } : {}),
    ...(d.reference.trim() ? { reference: d.reference.trim() } : {}),
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
  };
  return (
    <form
      ref={ref}
      className="card stack"
      aria-labelledby="m-remedy-h"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (stepProblems('record_remedy', body).length > 0) {
          setErrors({ reference: t('merchant.remedyForm.err.reference') });
          return;
        }
        setErrors({});
        setFormError('');
        setBusy(true);
        try {
          const r = await step('record_remedy', body);
          if (r.ok) {
            clear();
            props.onRecorded(r.view);
          } else if (r.conflict) props.onConflict(r.conflict);
          else setFormError(errorText(t, r.error));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="m-remedy-h">{t('merchant.remedyForm.title')}</h2>
      <p className="muted">{t('merchant.remedyForm.lead', { days: DEFAULT_SETTINGS.remedyConfirmWorkingDays })}</p>
      <FormError text={formError} />
      <Field id="m-remedy-kind" label={t('merchant.remedyForm.remedy')}>
        {(a) => <Choice a={a} value={d.remedy} options={REMEDIES} text={(r) => t(`merchant.remedy.${r}` as UiKey)} onChange={(remedy) => setD({ remedy })} />}
      </Field>
      {refund && (
        <Field id="m-remedy-channel" label={t('merchant.remedyForm.channel')}>
          {(a) => <Choice a={a} value={d.channel} options={REFUND_CHANNELS} text={(ch) => t(`merchant.channel.${ch}` as UiKey)} onChange={(channel) => setD({ channel })} />}
        </Field>
      )}
      <Field id="m-remedy-ref" label={t('merchant.remedyForm.reference')} hint={t('merchant.remedyForm.referenceHint')} error={errors.reference}>
        {(a) => <input {...a} value={d.reference} autoComplete="off" onChange={(e) => setD({ reference: e.target.value })} />}
      </Field>
      <Field id="m-remedy-note" label={t('merchant.remedyForm.note')}>
        {(a) => <textarea {...a} value={d.note} rows={2} onChange={(e) => setD({ note: e.target.value })} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {t('merchant.remedyForm.submit')}
      </button>
    </form>
  );
}
