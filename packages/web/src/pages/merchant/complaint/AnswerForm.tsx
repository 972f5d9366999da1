// The merchant's answer: an offer (remedy, amount, by when, message) or a defence (message
// and evidence), checked with the server's own schema before it is sent. Files are uploaded
// first, then the answer names them, with the version the merchant saw (a change by someone
// else meanwhile gives 409: the page reloads and says so). What the merchant typed is kept on
// this device until the answer is accepted, so a lost connection or a reload never loses it.
import { EVIDENCE_TYPES, MAX_EVIDENCE_MB, REMEDIES, toWesternDigits } from '@nalish/domain';
import { useRef, useState } from 'react';
import { ApiError } from '../../../api.ts';
import { FILE_PROBLEMS, uploadEvidence } from '../../../evidence.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { useDraft } from '../../../ui/drafts.ts';
import { type Errors, apiProblems, byField, errorText } from '../../../ui/errors.ts';
import { Choice, Field, FormError } from '../../../ui/Field.tsx';
import { useFocusFirstError } from '../../../ui/focus.tsx';
import { stepProblems, useStep } from '../../../ui/steps.ts';
import type { ComplaintView } from '@nalish/domain/responses';

interface Draft {
  kind: 'offer' | 'defence';
  remedy: string;
  amount: string;
  byDate: string;
  message: string;
  /** Files already uploaded for this answer (kept across retries, never uploaded twice). */
  uploaded: { id: string; filename: string }[];
}

const EMPTY: Draft = { kind: 'offer', remedy: 'refund', amount: '', byDate: '', message: '', uploaded: [] };

/** Each field's sentence, whatever the schema found wrong with it. */
const FIELD_KEYS: Record<string, UiKey> = {
  remedy: 'merchant.answer.err.remedy',
  amountBdt: 'merchant.answer.err.amount',
  byDate: 'merchant.answer.err.byDate',
  message: 'merchant.answer.err.message',
  evidenceIds: 'merchant.answer.err.files',
  file: 'merchant.answer.err.files',
};

/** The answer as the API takes it, from what was typed. */
function toBody(d: Draft, evidenceIds: string[]) {
  const amount = toWesternDigits(d.amount.trim());
  if (d.kind === 'defence') return { kind: 'defence', message: d.message.trim(), evidenceIds };
  return {
    kind: 'offer',
    remedy: d.remedy,
    ...(amount ? { amountBdt: /^\d+$/.test(amount) ? Number(amount) : Number.NaN } : {}),
    // The end of the chosen day in Dhaka.
    ...(d.byDate ? { byDate: `${d.byDate}T23:59:59+06:00` } : {}),
    message: d.message.trim(),
    evidenceIds,
  };
}

export function AnswerForm(props: { complaint: ComplaintView; reload: () => Promise<unknown>; onAnswered: (c: ComplaintView) => void; onConflict: (text: string) => void }) {
  const { t } = useI18n();
  const code = props.complaint.trackingCode;
  const [d, setD, clear] = useDraft<Draft>(`nalish.merchant.answer.${code}`, EMPTY);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // Uploads made by this form raise the complaint's version; count them in expectedVersion.
  const uploadsThisVisit = useRef(0);
  const step = useStep<ComplaintView>(code, props.complaint.version, props.reload, 'merchant.answer.conflict');
  useFocusFirstError(errors, formRef);

  // The schema says what is wrong; the form says it in its own words (a refund with no amount
  // at all is asked for one; the domain's rule is that a refund names an amount above 0).
  const word = (field: string) => {
    if (field === 'message' && d.kind === 'defence') return t('merchant.answer.err.defenceMessage');
    if (field === 'amountBdt' && d.kind === 'offer' && d.remedy === 'refund' && d.amount.trim() === '') return t('merchant.answer.err.amountRequired');
    return t(FIELD_KEYS[field] ?? 'merchant.answer.err.message');
  };
  const check = (): Errors => byField(stepProblems('respond', toBody(d, d.uploaded.map((u) => u.id))), Object.keys(FIELD_KEYS), word);

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setFormError('');
    const local = check();
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    let uploaded = d.uploaded;
    try {
      for (const [i, f] of files.entries()) {
        setProgress(t('merchant.answer.uploading', { n: i + 1, total: files.length }));
        const added = await uploadEvidence(code, f, f.name);
        uploadsThisVisit.current += 1;
        uploaded = [...uploaded, { id: added.id, filename: added.filename }];
        setD({ uploaded });
        setFiles((fs) => fs.filter((x) => x !== f));
      }
      if (fileInput.current) fileInput.current.value = '';
      setProgress(t('merchant.answer.sending'));
      const r = await step('respond', toBody(d, uploaded.map((u) => u.id)), uploadsThisVisit.current);
      if (r.ok) {
        clear();
        props.onAnswered(r.view);
      } else if (r.conflict) {
        uploadsThisVisit.current = 0;
        props.onConflict(r.conflict);
      } else throw r.error;
    } catch (e) {
      const fields = e instanceof ApiError && FILE_PROBLEMS.includes(e.code) ? { file: errorText(t, e) } : byField(apiProblems(e), Object.keys(FIELD_KEYS), word);
      setErrors(fields);
      if (!Object.keys(fields).length) setFormError(errorText(t, e));
    } finally {
      setBusy(false);
      setProgress('');
    }
  };

  return (
    <section className="card" aria-labelledby="m-answer-h">
      <h2 id="m-answer-h">{t('merchant.answer.title')}</h2>
      <p className="muted">{t('merchant.answer.lead')}</p>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="m-radios">
          <legend>{t('merchant.answer.kind')}</legend>
          <div className="m-check">
            <input type="radio" id="m-kind-offer" name="kind" value="offer" checked={d.kind === 'offer'} onChange={() => setD({ kind: 'offer' })} />
            <label htmlFor="m-kind-offer">{t('merchant.answer.offer')}</label>
          </div>
          <div className="m-check">
            <input type="radio" id="m-kind-defence" name="kind" value="defence" checked={d.kind === 'defence'} onChange={() => setD({ kind: 'defence' })} />
            <label htmlFor="m-kind-defence">{t('merchant.answer.defence')}</label>
          </div>
        </fieldset>
        {d.kind === 'offer' && (
          <>
            <Field id="m-remedy" label={t('merchant.answer.remedy')} error={errors.remedy}>
              {(a) => <Choice a={a} value={d.remedy} options={REMEDIES} text={(r) => t(`merchant.remedy.${r}` as UiKey)} onChange={(remedy) => setD({ remedy })} />}
            </Field>
            <Field id="m-amount" label={t('merchant.answer.amount')} hint={t('merchant.answer.amountHint')} error={errors.amountBdt}>
              {(a) => <input {...a} inputMode="numeric" autoComplete="off" value={d.amount} onChange={(e) => setD({ amount: toWesternDigits(e.target.value) })} />}
            </Field>
            <Field id="m-bydate" label={t('merchant.answer.byDate')} error={errors.byDate}>
              {(a) => <input {...a} type="date" value={d.byDate} onChange={(e) => setD({ byDate: e.target.value })} />}
            </Field>
          </>
        )}
        <Field id="m-message" label={t('merchant.answer.message')} hint={d.kind === 'defence' ? t('merchant.answer.defenceHint') : t('merchant.answer.offerHint')} error={errors.message}>
          {(a) => <textarea {...a} value={d.message} onChange={(e) => setD({ message: e.target.value })} />}
        </Field>
        <Field id="m-files" label={t('merchant.answer.files')} hint={t('merchant.answer.filesHint', { mb: MAX_EVIDENCE_MB })} error={errors.evidenceIds ?? errors.file}>
          {(a) => <input {...a} ref={fileInput} type="file" multiple accept={EVIDENCE_TYPES.join(',')} onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />}
        </Field>
        {d.uploaded.length > 0 && <p className="muted">{t('merchant.answer.alreadyUploaded', { names: d.uploaded.map((u) => u.filename).join(', ') })}</p>}
        <FormError text={formError} />
        <p role="status" className="muted">
          {progress}
        </p>
        <button type="submit" className="primary" disabled={busy}>
          {d.kind === 'offer' ? t('merchant.answer.sendOffer') : t('merchant.answer.sendDefence')}
        </button>
      </form>
    </section>
  );
}
