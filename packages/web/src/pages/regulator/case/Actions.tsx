// The steps an officer can take on a case now, one form each: assign, request information,
// schedule a hearing, decide, record the collected fine, reject as invalid. Which steps are an
// officer's comes from the lifecycle table itself (the roles of each transition); the case's
// `actions` say which are open now. What the officer types is kept for the tab (a reload or a
// 409 never loses it) until the step is taken.
import { type Action, ACTIONS, DECISION_OUTCOMES, HEARING_ATTENDANCE, HEARING_MODES, TRANSITIONS, toWesternDigits } from '@nalish/domain';
import type { ComplaintView } from '@nalish/domain/responses';
import { type ReactNode, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useDraft } from '../../../ui/drafts.ts';
import { Field, FormError } from '../../../ui/Field.tsx';
import { useFocusFirstError } from '../../../ui/focus.tsx';
import { useOfficer } from '../officer.ts';
import type { Post } from './types.ts';

/** The steps the lifecycle gives officers. */
export const OFFICER_ACTIONS: readonly Action[] = ACTIONS.filter((a) => TRANSITIONS[a].roles.includes('officer'));

/** Whole taka typed in Western or Bengali digits; NaN when empty or not a number. */
const taka = (s: string) => (s.trim() === '' ? Number.NaN : Number(toWesternDigits(s).replace(/[,\s]/g, '')));

interface FormProps {
  view: ComplaintView;
  post: Post;
  officers: { id: string; name: string }[];
}

/** One step's form: its title, an error for the form as a whole, its fields and its button. */
function ActionForm(props: { id: string; title: string; submit: string; onSubmit: () => Promise<unknown>; errors: Record<string, string>; children: ReactNode; danger?: boolean }) {
  const ref = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  useFocusFirstError(props.errors, ref);
  return (
    <form
      ref={ref}
      className="card r-action"
      aria-labelledby={`${props.id}-h`}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        await props.onSubmit();
        setBusy(false);
      }}
    >
      <h3 id={`${props.id}-h`}>{props.title}</h3>
      <FormError text={props.errors['']} />
      {props.children}
      <button type="submit" className={props.danger ? 'r-danger' : 'primary'} disabled={busy}>
        {props.submit}
      </button>
    </form>
  );
}

/** A step's draft (kept for this tab), its errors, and sending it: the draft is forgotten once the step is taken. */
function useStepForm<T extends Record<string, string>>(p: FormProps, name: string, initial: T) {
  const [v, set, clear] = useDraft<T>(`nalish.reg.${p.view.trackingCode}.${name}`, initial, 'tab');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = async (action: Action, body: object, fields: readonly string[], keep = false) => {
    const e = await p.post(action, body, fields);
    setErrors(e ?? {});
    if (!e && !keep) clear();
  };
  return { v, set: (k: keyof T, value: string) => set({ [k]: value } as Partial<T>), errors, send };
}

function Radios<V extends string>(p: { name: string; legend: string; options: readonly V[]; value: string; label: (v: V) => string; onChange: (v: V) => void }) {
  return (
    <fieldset className="r-radios">
      <legend>{p.legend}</legend>
      {p.options.map((o) => (
        <label key={o} className="r-check">
          <input type="radio" name={p.name} value={o} checked={p.value === o} onChange={() => p.onChange(o)} /> {p.label(o)}
        </label>
      ))}
    </fieldset>
  );
}

function AssignForm(p: FormProps) {
  const { t } = useI18n();
  const me = useOfficer();
  const f = useStepForm(p, 'assign', { officerId: '' });
  const assign = (officerId: string) => f.send('assign', officerId ? { officerId } : {}, ['officerId'], true);
  return (
    <ActionForm id="ra-assign" title={t('regulator.assign.title')} submit={t('regulator.assign.submit')} errors={f.errors} onSubmit={() => assign(f.v.officerId)}>
      <Field id="ra-officer" label={t('regulator.assign.officer')} error={f.errors.officerId}>
        {(a) => (
          <select {...a} value={f.v.officerId} onChange={(ev) => f.set('officerId', ev.target.value)}>
            <option value="">{t('regulator.assign.choose')}</option>
            {p.officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {p.view.assignedOfficerId !== me.officerId && (
        <button type="button" onClick={() => void assign(me.officerId)}>
          {t('regulator.assign.me')}
        </button>
      )}
    </ActionForm>
  );
}

function InfoForm(p: FormProps) {
  const { t } = useI18n();
  const f = useStepForm(p, 'info', { from: 'merchant', question: '' });
  return (
    <ActionForm id="ra-info" title={t('regulator.info.title')} submit={t('regulator.info.submit')} errors={f.errors} onSubmit={() => f.send('request_info', { from: f.v.from, question: f.v.question }, ['from', 'question'])}>
      <Radios name="ra-info-from" legend={t('regulator.info.from')} options={['merchant', 'consumer'] as const} value={f.v.from} label={(o) => t(`regulator.role.${o}`)} onChange={(o) => f.set('from', o)} />
      <Field id="ra-question" label={t('regulator.info.question')} error={f.errors.question}>
        {(a) => <textarea {...a} value={f.v.question} onChange={(ev) => f.set('question', ev.target.value)} />}
      </Field>
    </ActionForm>
  );
}

function HearingForm(p: FormProps) {
  const { t } = useI18n();
  const f = useStepForm(p, 'hearing', { at: '', mode: 'in_person', place: '' });
  // A local date and time in Dhaka (no summer time), as the instant the API takes.
  const body = { ...(f.v.at ? { at: `${f.v.at}:00+06:00` } : {}), mode: f.v.mode, place: f.v.place };
  return (
    <ActionForm id="ra-hearing" title={t('regulator.hearingForm.title')} submit={t('regulator.hearingForm.submit')} errors={f.errors} onSubmit={() => f.send('schedule_hearing', body, ['at', 'mode', 'place'])}>
      <Field id="ra-at" label={t('regulator.hearingForm.at')} error={f.errors.at}>
        {(a) => <input {...a} type="datetime-local" value={f.v.at} onChange={(ev) => f.set('at', ev.target.value)} />}
      </Field>
      <Radios name="ra-mode" legend={t('regulator.hearingForm.mode')} options={['in_person', 'online'] as const satisfies readonly (typeof HEARING_MODES)[number][]} value={f.v.mode} label={(m) => t(`regulator.mode.${m}`)} onChange={(m) => f.set('mode', m)} />
      <Field id="ra-place" label={t('regulator.hearingForm.place')} error={f.errors.place}>
        {(a) => <input {...a} value={f.v.place} onChange={(ev) => f.set('place', ev.target.value)} />}
      </Field>
    </ActionForm>
  );
}

/** A local date and time in Dhaka (no summer time), as the instant the API takes. */
const dhakaInstant = (local: string) => (local ? `${local}:00+06:00` : undefined);

function HeldForm(p: FormProps) {
  const { t } = useI18n();
  const f = useStepForm(p, 'held', { attendance: 'both', note: '', at: '', mode: 'in_person', place: p.view.hearing?.place ?? '' });
  // A party who missed the first hearing is sent a second notice, with its date.
  const second = f.v.attendance !== 'both' && !p.view.hearing?.secondNotice;
  const at = dhakaInstant(f.v.at);
  const body = {
    attendance: f.v.attendance,
    ...(f.v.note.trim() ? { note: f.v.note } : {}),
    ...(second ? { next: { ...(at ? { at } : {}), mode: f.v.mode, place: f.v.place } } : {}),
  };
  return (
    <ActionForm id="ra-held" title={t('regulator.held.title')} submit={t('regulator.held.submit')} errors={f.errors} onSubmit={() => f.send('record_hearing', body, ['attendance', 'note', 'next.at', 'next.place'])}>
      <Radios name="ra-attendance" legend={t('regulator.held.attendance')} options={HEARING_ATTENDANCE} value={f.v.attendance} label={(o) => t(`regulator.held.${o}`)} onChange={(o) => f.set('attendance', o)} />
      {second && (
        <>
          <p className="muted">{t('regulator.held.secondHint')}</p>
          <Field id="ra-next-at" label={t('regulator.held.nextAt')} error={f.errors['next.at']}>
            {(a) => <input {...a} type="datetime-local" value={f.v.at} onChange={(ev) => f.set('at', ev.target.value)} />}
          </Field>
          <Field id="ra-next-place" label={t('regulator.hearingForm.place')} error={f.errors['next.place']}>
            {(a) => <input {...a} value={f.v.place} onChange={(ev) => f.set('place', ev.target.value)} />}
          </Field>
        </>
      )}
      <Field id="ra-held-note" label={t('regulator.held.note')} error={f.errors.note}>
        {(a) => <textarea {...a} value={f.v.note} onChange={(ev) => f.set('note', ev.target.value)} />}
      </Field>
    </ActionForm>
  );
}

function AdjournForm(p: FormProps) {
  const { t } = useI18n();
  const f = useStepForm(p, 'adjourn', { at: '', mode: p.view.hearing?.mode ?? 'in_person', place: p.view.hearing?.place ?? '', reason: '' });
  const body = { ...(f.v.at ? { at: dhakaInstant(f.v.at) } : {}), mode: f.v.mode, place: f.v.place, reason: f.v.reason };
  return (
    <ActionForm id="ra-adjourn" title={t('regulator.adjourn.title')} submit={t('regulator.adjourn.submit')} errors={f.errors} onSubmit={() => f.send('adjourn_hearing', body, ['at', 'mode', 'place', 'reason'])}>
      <Field id="ra-adj-at" label={t('regulator.hearingForm.at')} error={f.errors.at}>
        {(a) => <input {...a} type="datetime-local" value={f.v.at} onChange={(ev) => f.set('at', ev.target.value)} />}
      </Field>
      <Field id="ra-adj-place" label={t('regulator.hearingForm.place')} error={f.errors.place}>
        {(a) => <input {...a} value={f.v.place} onChange={(ev) => f.set('place', ev.target.value)} />}
      </Field>
      <Field id="ra-adj-reason" label={t('regulator.adjourn.reason')} error={f.errors.reason}>
        {(a) => <textarea {...a} value={f.v.reason} onChange={(ev) => f.set('reason', ev.target.value)} />}
      </Field>
    </ActionForm>
  );
}

function CancelHearingForm(p: FormProps) {
  const { t } = useI18n();
  const f = useStepForm(p, 'cancel-hearing', { reason: '' });
  return (
    <ActionForm id="ra-cancel-h" title={t('regulator.cancelHearing.title')} submit={t('regulator.cancelHearing.submit')} errors={f.errors} onSubmit={() => f.send('cancel_hearing', { reason: f.v.reason }, ['reason'])}>
      <Field id="ra-cancel-reason" label={t('regulator.cancelHearing.reason')} error={f.errors.reason}>
        {(a) => <textarea {...a} value={f.v.reason} onChange={(ev) => f.set('reason', ev.target.value)} />}
      </Field>
    </ActionForm>
  );
}

function SettleForm(p: FormProps) {
  const { t } = useI18n();
  const f = useStepForm(p, 'settle', { note: '' });
  return (
    <ActionForm id="ra-settle" title={t('regulator.settle.title')} submit={t('regulator.settle.submit')} errors={f.errors} onSubmit={() => f.send('settle_by_agreement', f.v.note.trim() ? { note: f.v.note } : {}, ['note'])}>
      <p className="muted">{t('regulator.settle.lead')}</p>
      <Field id="ra-settle-note" label={t('regulator.settle.note')} error={f.errors.note}>
        {(a) => <textarea {...a} value={f.v.note} onChange={(ev) => f.set('note', ev.target.value)} />}
      </Field>
    </ActionForm>
  );
}

function DecideForm(p: FormProps) {
  const { t } = useI18n();
  const f = useStepForm(p, 'decide', { outcome: 'upheld', reasons: '', fineBdt: '0', order: '' });
  const upheld = f.v.outcome === 'upheld';
  const body = { outcome: f.v.outcome, reasons: f.v.reasons, fineBdt: upheld ? taka(f.v.fineBdt || '0') : 0, ...(f.v.order.trim() ? { order: f.v.order } : {}) };
  return (
    <ActionForm id="ra-decide" title={t('regulator.decide.title')} submit={t('regulator.decide.submit')} errors={f.errors} onSubmit={() => f.send('decide', body, ['outcome', 'reasons', 'fineBdt', 'order'])}>
      <Radios name="ra-outcome" legend={t('regulator.decide.outcome')} options={DECISION_OUTCOMES} value={f.v.outcome} label={(o) => t(`regulator.outcome.${o}`)} onChange={(o) => f.set('outcome', o)} />
      <Field id="ra-reasons" label={t('regulator.decide.reasons')} error={f.errors.reasons}>
        {(a) => <textarea {...a} value={f.v.reasons} onChange={(ev) => f.set('reasons', ev.target.value)} />}
      </Field>
      {upheld && (
        <Field id="ra-fine" label={t('regulator.decide.fine')} hint={t('regulator.decide.fineHint')} error={f.errors.fineBdt}>
          {(a) => <input {...a} inputMode="numeric" value={f.v.fineBdt} onChange={(ev) => f.set('fineBdt', ev.target.value)} />}
        </Field>
      )}
      <Field id="ra-order" label={t('regulator.decide.order')} error={f.errors.order}>
        {(a) => <textarea {...a} value={f.v.order} onChange={(ev) => f.set('order', ev.target.value)} />}
      </Field>
    </ActionForm>
  );
}

function FineForm(p: FormProps) {
  const { t } = useI18n();
  const f = useStepForm(p, 'fine', { amountBdt: '' });
  return (
    <ActionForm id="ra-fine-c" title={t('regulator.fineForm.title')} submit={t('regulator.fineForm.submit')} errors={f.errors} onSubmit={() => f.send('record_fine_collected', { amountBdt: taka(f.v.amountBdt) }, ['amountBdt'])}>
      <Field id="ra-collected" label={t('regulator.fineForm.amount')} error={f.errors.amountBdt}>
        {(a) => <input {...a} inputMode="numeric" value={f.v.amountBdt} onChange={(ev) => f.set('amountBdt', ev.target.value)} />}
      </Field>
    </ActionForm>
  );
}

function RejectForm(p: FormProps) {
  const { t } = useI18n();
  const f = useStepForm(p, 'reject', { reason: '' });
  return (
    <ActionForm id="ra-reject" title={t('regulator.reject.title')} submit={t('regulator.reject.submit')} errors={f.errors} danger onSubmit={() => f.send('reject_invalid', { reason: f.v.reason }, ['reason'])}>
      <Field id="ra-reason" label={t('regulator.reject.reason')} error={f.errors.reason}>
        {(a) => <textarea {...a} value={f.v.reason} onChange={(ev) => f.set('reason', ev.target.value)} />}
      </Field>
    </ActionForm>
  );
}

/**
 * The form for each officer step, in the order they are shown (the danger last); null for a
 * step that has no form here (closing a decided case happens when its compliance period
 * ends). A test holds this table to the lifecycle's officer steps.
 */
export const OFFICER_FORMS: Partial<Record<Action, ((p: FormProps) => ReactNode) | null>> = {
  settle_by_agreement: SettleForm,
  assign: AssignForm,
  request_info: InfoForm,
  schedule_hearing: HearingForm,
  record_hearing: HeldForm,
  adjourn_hearing: AdjournForm,
  cancel_hearing: CancelHearingForm,
  decide: DecideForm,
  record_fine_collected: FineForm,
  reject_invalid: RejectForm,
  close: null,
};

export function Actions(props: FormProps) {
  const { t } = useI18n();
  const { view } = props;
  // The fine can be recorded once, for an upheld decision with a fine.
  const fineOpen = view.decision?.outcome === 'upheld' && view.decision.fineBdt > 0 && view.fineCollectedBdt === null;
  // Settling needs the consumer's acceptance of a late answer (the table's guard).
  const open = (Object.keys(OFFICER_FORMS) as Action[]).filter(
    (a) => OFFICER_FORMS[a] && view.actions.includes(a) && (a !== 'record_fine_collected' || fineOpen) && (a !== 'settle_by_agreement' || view.lateAnswerAccepted),
  );
  if (open.length === 0) return <p>{t('regulator.actions.none')}</p>;
  return (
    <div className="r-actions">
      {open.map((a) => {
        const Form = OFFICER_FORMS[a]!;
        return <Form key={a} {...props} />;
      })}
    </div>
  );
}

