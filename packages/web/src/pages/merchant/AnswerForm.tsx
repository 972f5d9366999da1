// The merchant's answer: an offer (remedy, amount, by when, message) or a defence (message
// and evidence). Files are uploaded first, then the answer names them, with the version the
// merchant saw (a change by someone else meanwhile gives 409: the page reloads and says so).
// What the merchant typed is kept on this device until the answer is accepted, so a lost
// connection or a reload never loses it.
import { REMEDIES } from '@nalish/domain';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { UiKey } from '../../i18n/en.ts';
import type { ComplaintView, Evidence } from './ComplaintPage.tsx';
import { Field, errorText, fieldErrors, focusFirstInvalid, useApi } from './shared.tsx';

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
const draftKey = (code: string) => `nalish.merchant.answer.${code}`;

function loadDraft(code: string): Draft {
  try {
    const raw = localStorage.getItem(draftKey(code));
    return raw ? { ...EMPTY, ...(JSON.parse(raw) as Partial<Draft>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

const FIELD_KEYS: Record<string, UiKey> = {
  remedy: 'merchant.answer.err.remedy',
  amountBdt: 'merchant.answer.err.amount',
  byDate: 'merchant.answer.err.byDate',
  message: 'merchant.answer.err.message',
  evidenceIds: 'merchant.answer.err.files',
  file: 'merchant.answer.err.files',
};

export function AnswerForm({ complaint, onAnswered, onConflict }: { complaint: ComplaintView; onAnswered: (c: ComplaintView) => void; onConflict: () => Promise<void> }) {
  const { t } = useI18n();
  const call = useApi();
  const code = complaint.trackingCode;
  const [d, setD] = useState<Draft>(() => loadDraft(code));
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // Uploads made by this form raise the complaint's version; count them in expectedVersion.
  const uploadsThisVisit = useRef(0);

  useEffect(() => {
    localStorage.setItem(draftKey(code), JSON.stringify(d));
  }, [code, d]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));

  const check = (): Record<string, string> => {
    const e: Record<string, string> = {};
    const msg = d.message.trim();
    if (d.kind === 'offer') {
      if (!msg) e.message = t('merchant.answer.err.message');
      if (d.remedy === 'refund' && d.amount.trim() === '') e.amountBdt = t('merchant.answer.err.amountRequired');
      else if (d.amount.trim() !== '' && !/^\d{1,9}$/.test(d.amount.trim())) e.amountBdt = t('merchant.answer.err.amount');
    } else if (msg.length < 10) e.message = t('merchant.answer.err.defenceMessage');
    return e;
  };

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setFormError('');
    const local = check();
    setErrors(local);
    if (Object.keys(local).length) return focusFirstInvalid(formRef.current);
    setBusy(true);
    let uploaded = d.uploaded;
    try {
      for (const [i, f] of files.entries()) {
        setProgress(t('merchant.answer.uploading', { n: i + 1, total: files.length }));
        const form = new FormData();
        form.append('file', f, f.name);
        const ev2 = await call<Evidence>('POST', `/api/v1/complaints/${code}/evidence`, { form });
        uploadsThisVisit.current += 1;
        uploaded = [...uploaded, { id: ev2.id, filename: ev2.filename }];
        setD((x) => ({ ...x, uploaded }));
        setFiles((fs) => fs.filter((x) => x !== f));
      }
      if (fileInput.current) fileInput.current.value = '';
      setProgress(t('merchant.answer.sending'));
      const evidenceIds = uploaded.map((u) => u.id);
      const body =
        d.kind === 'offer'
          ? {
              kind: 'offer',
              remedy: d.remedy,
              ...(d.amount.trim() ? { amountBdt: Number(d.amount.trim()) } : {}),
              // The end of the chosen day in Dhaka.
              ...(d.byDate ? { byDate: `${d.byDate}T23:59:59+06:00` } : {}),
              message: d.message.trim(),
              evidenceIds,
            }
          : { kind: 'defence', message: d.message.trim(), evidenceIds };
      const view = await call<ComplaintView>('POST', `/api/v1/complaints/${code}/respond`, {
        body: { ...body, expectedVersion: complaint.version + uploadsThisVisit.current },
      });
      localStorage.removeItem(draftKey(code));
      onAnswered(view);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') {
        uploadsThisVisit.current = 0;
        await onConflict();
        return;
      }
      const fileProblem = e instanceof ApiError && ['evidence_type', 'evidence_too_large', 'evidence_limit', 'payload_too_large'].includes(e.code);
      const fields = fileProblem ? { file: errorText(t, e) } : fieldErrors(t, e, FIELD_KEYS);
      setErrors(fields);
      if (Object.keys(fields).length) focusFirstInvalid(formRef.current);
      else setFormError(errorText(t, e));
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
            <input type="radio" id="m-kind-offer" name="kind" value="offer" checked={d.kind === 'offer'} onChange={() => set('kind', 'offer')} />
            <label htmlFor="m-kind-offer">{t('merchant.answer.offer')}</label>
          </div>
          <div className="m-check">
            <input type="radio" id="m-kind-defence" name="kind" value="defence" checked={d.kind === 'defence'} onChange={() => set('kind', 'defence')} />
            <label htmlFor="m-kind-defence">{t('merchant.answer.defence')}</label>
          </div>
        </fieldset>
        {d.kind === 'offer' && (
          <>
            <Field id="m-remedy" label={t('merchant.answer.remedy')} error={errors.remedy}>
              {(a) => (
                <select {...a} value={d.remedy} onChange={(e) => set('remedy', e.target.value)}>
                  {REMEDIES.map((r) => (
                    <option key={r} value={r}>
                      {t(`merchant.remedy.${r}` as UiKey)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="m-amount" label={t('merchant.answer.amount')} hint={t('merchant.answer.amountHint')} error={errors.amountBdt}>
              {(a) => <input {...a} inputMode="numeric" autoComplete="off" value={d.amount} onChange={(e) => set('amount', e.target.value.replace(/[০-৯]/g, (x) => String('০১২৩৪৫৬৭৮৯'.indexOf(x))))} />}
            </Field>
            <Field id="m-bydate" label={t('merchant.answer.byDate')} error={errors.byDate}>
              {(a) => <input {...a} type="date" value={d.byDate} onChange={(e) => set('byDate', e.target.value)} />}
            </Field>
          </>
        )}
        <Field id="m-message" label={t('merchant.answer.message')} hint={d.kind === 'defence' ? t('merchant.answer.defenceHint') : t('merchant.answer.offerHint')} error={errors.message}>
          {(a) => <textarea {...a} value={d.message} onChange={(e) => set('message', e.target.value)} />}
        </Field>
        <Field id="m-files" label={t('merchant.answer.files')} hint={t('merchant.answer.filesHint')} error={errors.evidenceIds ?? errors.file}>
          {(a) => <input {...a} ref={fileInput} type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />}
        </Field>
        {d.uploaded.length > 0 && (
          <p className="muted">{t('merchant.answer.alreadyUploaded', { names: d.uploaded.map((u) => u.filename).join(', ') })}</p>
        )}
        {formError && (
          <p className="error" role="alert">
            {formError}
          </p>
        )}
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
