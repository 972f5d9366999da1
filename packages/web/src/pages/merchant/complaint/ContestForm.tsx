// The merchant contests a fact the rules used (it delivered on another day, its page does show
// its licence…): the fact, its value and at least one file of evidence, with an optional note.
// As in the answer form, files are uploaded first and then named, with the version the
// merchant saw (each upload moves it on); what was typed stays on this device until accepted.
import { EVIDENCE_TYPES, MAX_EVIDENCE_MB, type WireFactKey } from '@nalish/domain';
import { useRef, useState } from 'react';
import { ApiError } from '../../../api.ts';
import { FILE_PROBLEMS, uploadEvidence } from '../../../evidence.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { FactPicker, valueError } from '../../../policy/FactInput.tsx';
import { type PolicyView, toWire } from '../../../policy/model.ts';
import { useDraft } from '../../../ui/drafts.ts';
import { type Errors, apiProblems, errorText } from '../../../ui/errors.ts';
import { Field, FormError } from '../../../ui/Field.tsx';
import { useFocusFirstError } from '../../../ui/focus.tsx';
import { useStep } from '../../../ui/steps.ts';
import type { ComplaintView } from '@nalish/domain/responses';

interface Draft {
  fact: WireFactKey | '';
  value: string;
  note: string;
  /** Files already uploaded for this contest (kept across retries, never uploaded twice). */
  uploaded: { id: string; filename: string }[];
}

const EMPTY: Draft = { fact: '', value: '', note: '', uploaded: [] };

export function ContestForm(props: { complaint: ComplaintView; policy: PolicyView; reload: () => Promise<unknown>; onStated(c: ComplaintView): void }) {
  const { t } = useI18n();
  const code = props.complaint.trackingCode;
  const [d, setD, clear] = useDraft<Draft>(`nalish.merchant.contest.${code}`, EMPTY);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const uploadsThisVisit = useRef(0);
  const step = useStep<ComplaintView>(code, props.complaint.version, props.reload, 'merchant.contest.conflict');
  useFocusFirstError(errors, formRef);

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setFormError('');
    const e: Errors = {};
    const wire = d.fact ? toWire(d.fact, d.value) : null;
    if (!d.fact) e.fact = t('policy.form.err.fact');
    else if (wire && !wire.ok) e.value = valueError(t, wire.error);
    if (files.length + d.uploaded.length === 0) e.files = t('merchant.contest.err.files');
    const note = d.note.trim();
    if (note && note.length < 3) e.note = t('merchant.contest.err.note');
    setErrors(e);
    if (Object.keys(e).length || !d.fact || !wire?.ok) return;
    setBusy(true);
    let uploaded = d.uploaded;
    try {
      for (const [i, f] of files.entries()) {
        setProgress(t('merchant.contest.uploading', { n: i + 1, total: files.length }));
        const added = await uploadEvidence(code, f, f.name);
        uploadsThisVisit.current += 1;
        uploaded = [...uploaded, { id: added.id, filename: added.filename }];
        setD({ uploaded });
        setFiles((fs) => fs.filter((x) => x !== f));
      }
      if (fileInput.current) fileInput.current.value = '';
      setProgress(t('merchant.contest.sending'));
      const body = { facts: { [d.fact]: wire.value }, evidenceIds: uploaded.map((u) => u.id), ...(note ? { reason: note } : {}) };
      const r = await step('policy/facts', body, uploadsThisVisit.current);
      if (!r.ok && !r.conflict) throw r.error;
      // Sent, or the complaint reloaded with this form's uploads in its version.
      uploadsThisVisit.current = 0;
      if (r.ok) {
        clear();
        props.onStated(r.view);
      } else setFormError(r.conflict);
    } catch (err) {
      const problems = apiProblems(err);
      if (err instanceof ApiError && FILE_PROBLEMS.includes(err.code)) setErrors({ files: errorText(t, err) });
      else if ((err instanceof ApiError && err.code === 'fact_not_allowed') || problems.some((f) => f.path.startsWith('facts'))) setErrors({ value: errorText(t, err) });
      else if (problems.some((f) => f.path === 'evidenceIds')) setErrors({ files: t('merchant.contest.err.files') });
      else if (problems.some((f) => f.path === 'reason')) setErrors({ note: t('merchant.contest.err.note') });
      else setFormError(errorText(t, err));
    } finally {
      setBusy(false);
      setProgress('');
    }
  };

  return (
    <form ref={formRef} className="policy-form" aria-labelledby="m-contest-h" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="m-contest-h">{t('merchant.contest.title')}</h3>
      <FactPicker
        idPrefix="m-contest"
        facts={props.policy.statable}
        fact={d.fact}
        value={d.value}
        onChange={(fact, value) => setD({ fact, value })}
        errors={{ fact: errors.fact, value: errors.value }}
        policy={props.policy}
      />
      <Field id="m-contest-files" label={t('merchant.contest.files')} hint={t('merchant.contest.filesHint', { mb: MAX_EVIDENCE_MB })} error={errors.files}>
        {(a) => <input {...a} ref={fileInput} type="file" multiple accept={EVIDENCE_TYPES.join(',')} onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />}
      </Field>
      {d.uploaded.length > 0 && <p className="muted">{t('merchant.contest.alreadyUploaded', { names: d.uploaded.map((u) => u.filename).join(', ') })}</p>}
      <Field id="m-contest-note" label={t('merchant.contest.note')} error={errors.note}>
        {(a) => <textarea {...a} value={d.note} onChange={(e) => setD({ note: e.target.value })} />}
      </Field>
      <FormError text={formError} />
      <p role="status" className="muted">
        {progress}
      </p>
      <button type="submit" className="primary" disabled={busy}>
        {t('merchant.contest.send')}
      </button>
    </form>
  );
}
