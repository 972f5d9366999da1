// The merchant contests a fact the rules used (it delivered on another day, its page does show
// its licence…): the fact, its value and at least one file of evidence, with an optional note.
// As in the answer form, files are uploaded first and then named, with the version the
// merchant saw (each upload moves it on); what was typed stays on this device until accepted.
import type { WireFactKey } from '@nalish/domain';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Evidence } from '../../evidence.ts';
import { FactPicker, valueError } from '../../policy/FactInput.tsx';
import { type PolicyView, toWire } from '../../policy/model.ts';
import type { ComplaintView } from './ComplaintPage.tsx';
import { Field, errorText, useApi } from './shared.tsx';

interface Draft {
  fact: WireFactKey | '';
  value: string;
  note: string;
  /** Files already uploaded for this contest (kept across retries, never uploaded twice). */
  uploaded: { id: string; filename: string }[];
}

const EMPTY: Draft = { fact: '', value: '', note: '', uploaded: [] };
const draftKey = (code: string) => `nalish.merchant.contest.${code}`;

function loadDraft(code: string): Draft {
  try {
    const raw = localStorage.getItem(draftKey(code));
    return raw ? { ...EMPTY, ...(JSON.parse(raw) as Partial<Draft>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

const FILE_PROBLEMS = ['evidence_type', 'evidence_too_large', 'evidence_limit', 'payload_too_large', 'evidence_not_found'];

export function ContestForm(props: { complaint: ComplaintView; policy: PolicyView; onStated(c: ComplaintView): void; onConflict(): Promise<void> }) {
  const { t } = useI18n();
  const api = useApi();
  const code = props.complaint.trackingCode;
  const [d, setD] = useState<Draft>(() => loadDraft(code));
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const uploadsThisVisit = useRef(0);

  useEffect(() => {
    localStorage.setItem(draftKey(code), JSON.stringify(d));
  }, [code, d]);
  // The first field in error takes the focus once the errors are shown.
  useEffect(() => {
    if (Object.keys(errors).length) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setFormError('');
    const e: Record<string, string> = {};
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
        const form = new FormData();
        form.append('file', f, f.name);
        const added = await api<Evidence>('POST', `/api/v1/complaints/${code}/evidence`, { form });
        uploadsThisVisit.current += 1;
        uploaded = [...uploaded, { id: added.id, filename: added.filename }];
        setD((x) => ({ ...x, uploaded }));
        setFiles((fs) => fs.filter((x) => x !== f));
      }
      if (fileInput.current) fileInput.current.value = '';
      setProgress(t('merchant.contest.sending'));
      const view = await api<ComplaintView>('POST', `/api/v1/complaints/${code}/policy/facts`, {
        body: {
          facts: { [d.fact]: wire.value },
          evidenceIds: uploaded.map((u) => u.id),
          ...(note ? { reason: note } : {}),
          expectedVersion: props.complaint.version + uploadsThisVisit.current,
        },
      });
      localStorage.removeItem(draftKey(code));
      setD(EMPTY);
      uploadsThisVisit.current = 0;
      props.onStated(view);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') {
        uploadsThisVisit.current = 0;
        await props.onConflict();
        setFormError(t('merchant.contest.conflict'));
        return;
      }
      if (err instanceof ApiError && FILE_PROBLEMS.includes(err.code)) setErrors({ files: errorText(t, err) });
      else if (err instanceof ApiError && (err.code === 'fact_not_allowed' || err.details.fields?.some((f) => f.path.startsWith('facts')))) setErrors({ value: errorText(t, err) });
      else if (err instanceof ApiError && err.details.fields?.some((f) => f.path === 'evidenceIds')) setErrors({ files: t('merchant.contest.err.files') });
      else if (err instanceof ApiError && err.details.fields?.some((f) => f.path === 'reason')) setErrors({ note: t('merchant.contest.err.note') });
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
        onChange={(fact, value) => setD((x) => ({ ...x, fact, value }))}
        errors={{ fact: errors.fact, value: errors.value }}
        policy={props.policy}
      />
      <Field id="m-contest-files" label={t('merchant.contest.files')} hint={t('merchant.contest.filesHint')} error={errors.files}>
        {(a) => <input {...a} ref={fileInput} type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />}
      </Field>
      {d.uploaded.length > 0 && <p className="muted">{t('merchant.contest.alreadyUploaded', { names: d.uploaded.map((u) => u.filename).join(', ') })}</p>}
      <Field id="m-contest-note" label={t('merchant.contest.note')} error={errors.note}>
        {(a) => <textarea {...a} value={d.note} onChange={(e) => setD((x) => ({ ...x, note: e.target.value }))} />}
      </Field>
      {formError && (
        <p className="error" role="alert">
          {formError}
        </p>
      )}
      <p role="status" className="muted">
        {progress}
      </p>
      <button type="submit" className="primary" disabled={busy}>
        {t('merchant.contest.send')}
      </button>
    </form>
  );
}
