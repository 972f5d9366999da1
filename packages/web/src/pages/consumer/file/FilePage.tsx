// The guided filing flow, one question group per screen on a 360×640 phone: mobile number and
// SMS code, the seller, the order, payment and delivery (with what the rules say about them,
// worked out by the server as the consumer answers), the pre-checks (with the regulator's
// 30-day limit said plainly), what happened, evidence, a review and the confirmation with the
// tracking code. This page holds the draft and the sending; each step is its own component.
import { FileComplaintSchema } from '@nalish/domain';
import type { ComplaintView } from '@nalish/domain/responses';
import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../../api.ts';
import { FILE_PROBLEMS, uploadQueued } from '../../../evidence.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { useEvaluation } from '../../../policy/useEvaluation.ts';
import { type Errors, apiProblems, errorText } from '../../../ui/errors.ts';
import { FormError } from '../../../ui/Field.tsx';
import { useFocusFirstError, useHeadingFocus } from '../../../ui/focus.tsx';
import { deleteFile, getFile } from '../../../ui/fileStore.ts';
import { type Draft, type Filed, type Outbound, clearDraft, clearOutbox, emptyDraft, loadDraft, loadFiled, loadOutbox, saveDraft, saveFiled, saveOutbox } from '../draft.ts';
import { consumerErrors } from '../fieldText.ts';
import { OtpSignIn } from '../OtpSignIn.tsx';
import { currentConsumer } from '../session.ts';
import { Done } from './Done.tsx';
import { CHECKED_STEPS, STEP, TOTAL_STEPS, evaluationFacts, stepOfPath, toBody, validateStep } from './filing.ts';
import { StepAbout } from './StepAbout.tsx';
import { StepEvidence } from './StepEvidence.tsx';
import { StepFacts } from './StepFacts.tsx';
import { StepMerchant } from './StepMerchant.tsx';
import { StepOrder } from './StepOrder.tsx';
import { StepPreChecks } from './StepPreChecks.tsx';
import { StepReview } from './StepReview.tsx';

/**
 * An upload tried up to three times, waiting 2 s and then 6 s: a dropped packet on 3G should
 * not cost the consumer a file. Offline stops at once (the queue resumes when the connection
 * returns), and so does a file the server refuses for what it is (its type or size).
 */
async function withRetries<T>(f: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await f();
    } catch (e) {
      const final = !(e instanceof ApiError) || e.offline || FILE_PROBLEMS.includes(e.code) || (e.status >= 400 && e.status < 500) || attempt === 3;
      if (final) throw e;
      await new Promise((r) => setTimeout(r, attempt === 1 ? 2000 : 6000));
    }
  }
}

const STEP_TITLES: UiKey[] = ['consumer.step.phone', 'consumer.step.merchant', 'consumer.step.order', 'consumer.step.facts', 'consumer.step.prechecks', 'consumer.step.about', 'consumer.step.evidence', 'consumer.step.review', 'consumer.step.done'];

export default function FilePage(_props: { params: Record<string, string> }) {
  const { t, locale } = useI18n();
  const [d, setD] = useState<Draft>(loadDraft);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [signedIn, setSignedIn] = useState<string | null>(null);
  const [filed, setFiled] = useState<Filed | null>(loadFiled);
  const [queued, setQueued] = useState<boolean>(() => loadOutbox() !== null);
  const [sending, setSending] = useState('');
  /** Files going out after the code was shown: how many are done, and the current one's share. */
  const [upload, setUpload] = useState<{ done: number; total: number; fraction: number } | null>(null);
  const busy = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  const step = filed ? STEP.done : d.step;
  // The heading takes the focus on a new step; then the first field in error, if any.
  const heading = useHeadingFocus(step);
  useFocusFirstError(errors, root);
  // What the rules say, on the payment-and-delivery step and the review.
  const evaluation = useEvaluation(step === STEP.facts || step === STEP.review ? evaluationFacts(d) : null);

  const update = (f: (d: Draft) => Draft) =>
    setD((old) => {
      const n = f(old);
      saveDraft(n);
      return n;
    });
  const goto = (s: number) => {
    setErrors({});
    setFormError('');
    update((x) => ({ ...x, step: s }));
  };
  /** Back to step `s` with these errors shown. */
  const showErrors = (s: number, e: Errors) => {
    setErrors(e);
    update((x) => ({ ...x, step: s }));
    setFormError(t('consumer.file.fixErrors'));
  };

  useEffect(() => {
    void currentConsumer().then((p) => {
      if (p) {
        setSignedIn(p);
        setD((x) => (x.step === STEP.phone ? { ...x, step: STEP.merchant } : x));
      } else if (p === null) {
        setD((x) => (x.step > STEP.phone && !loadOutbox() ? { ...x, step: STEP.phone } : x));
      }
    });
  }, []);

  // A file the draft names but the phone no longer has (storage cleared, or refused) is taken
  // off the draft and named, so the review never counts a file that is not there.
  useEffect(() => {
    const named = loadDraft().evidence;
    if (named.length === 0) return;
    void Promise.all(named.map(async (ev) => ((await getFile(ev.id)) ? null : ev))).then((lost) => {
      const gone = lost.filter((ev) => ev !== null);
      if (gone.length === 0) return;
      update((x) => ({ ...x, evidence: x.evidence.filter((e) => !gone.some((g) => g.id === e.id)) }));
      setFormError(t('consumer.ev.lost', { names: gone.map((g) => g.name).join(', ') }));
    });
  }, []);

  // A complaint queued while offline goes out when the connection returns; files still queued
  // when the tab was killed go out when the page opens again.
  useEffect(() => {
    const flush = () => {
      const o = loadOutbox();
      if (o && navigator.onLine) void deliver(o, true);
    };
    window.addEventListener('online', flush);
    flush();
    return () => window.removeEventListener('online', flush);
  }, []);

  /**
   * Send the complaint, then its files one by one. The tracking code is shown as soon as the
   * complaint is saved; the files follow from the outbox (each one taken off as it arrives),
   * retried, and resumed on the next visit if the tab is killed or the connection drops.
   */
  async function deliver(o: Outbound, fromQueue: boolean) {
    if (busy.current) return;
    busy.current = true;
    setFormError('');
    try {
      if (!o.code) {
        setSending(fromQueue ? t('consumer.queue.sending') : t('consumer.review.sending'));
        const v = await api<ComplaintView>('POST', '/api/v1/complaints', { body: o.body });
        o = { ...o, code: v.trackingCode, dueAt: v.dueAt };
        saveOutbox(o);
        // The draft's files now belong to the outbox: the draft itself is done.
        clearDraft();
        setD(emptyDraft());
      }
      setSending('');
      setQueued(false);
      const shown = loadFiled() ?? { code: o.code!, phone: o.phone, dueAt: o.dueAt ?? null, evidenceFailed: false };
      saveFiled(shown);
      setFiled(shown);
      let failed = shown.evidenceFailed;
      const total = o.evidence.length;
      for (const [i, ev] of [...o.evidence].entries()) {
        setUpload({ done: i, total, fraction: 0 });
        const blob = await getFile(ev.id);
        if (blob) {
          try {
            await withRetries(() => uploadQueued(o.code!, { id: ev.id, blob, name: ev.name, original: ev.original }, (fraction) => setUpload({ done: i, total, fraction })));
          } catch (e) {
            if (e instanceof ApiError && e.offline) throw e;
            failed = true;
          }
        } else failed = true;
        o = { ...o, evidence: o.evidence.filter((x) => x.id !== ev.id) };
        saveOutbox(o);
        void deleteFile(ev.id);
      }
      const f: Filed = { ...shown, evidenceFailed: failed };
      saveFiled(f);
      setFiled(f);
      clearOutbox();
      setUpload(total > 0 ? { done: total, total, fraction: 1 } : null);
    } catch (e) {
      if (e instanceof ApiError && e.offline) {
        saveOutbox(o);
        if (!o.code) setQueued(true);
      } else {
        clearOutbox();
        setQueued(false);
        const fe = consumerErrors(t, apiProblems(e));
        const first = Object.keys(fe)[0];
        if (first !== undefined) showErrors(stepOfPath(first), fe);
        else if (e instanceof ApiError && e.status === 401) {
          setSignedIn(null);
          update((x) => ({ ...x, step: STEP.phone }));
        } else setFormError(errorText(t, e));
      }
    } finally {
      busy.current = false;
      setSending('');
    }
  }

  function next(from: number) {
    const e = validateStep(from, d, t, locale);
    if (Object.keys(e).length) return showErrors(from, e);
    goto(from + 1);
  }

  function send() {
    for (const s of CHECKED_STEPS) {
      const e = validateStep(s, d, t, locale);
      if (Object.keys(e).length) return showErrors(s, e);
    }
    const o: Outbound = { body: FileComplaintSchema.parse(toBody(d, locale)), phone: signedIn ?? d.phone, evidence: d.evidence };
    if (!navigator.onLine) {
      saveOutbox(o);
      setQueued(true);
      return;
    }
    void deliver(o, false);
  }

  const props = { d, update, err: (p: string) => errors[p] };
  const back = (s: number) => () => goto(s - 1);
  let body: React.ReactNode = null;
  if (filed) {
    body = (
      <Done
        filed={filed}
        upload={upload}
        onAnother={() => {
          saveFiled(null);
          setFiled(null);
          setUpload(null);
          update(() => ({ ...emptyDraft(), step: signedIn ? STEP.merchant : STEP.phone }));
        }}
      />
    );
  } else if (step === STEP.phone) {
    body = (
      <div className="stack">
        <p>{t('consumer.otp.lead')}</p>
        <OtpSignIn
          phone={d.phone}
          setPhone={(phone) => update((x) => ({ ...x, phone }))}
          onSignedIn={(p) => {
            setSignedIn(p);
            goto(Math.max(STEP.merchant, loadDraft().step));
          }}
        />
      </div>
    );
  } else if (step === STEP.merchant) {
    body = <StepMerchant {...props} onNext={() => next(STEP.merchant)} onBack={signedIn ? null : back(STEP.merchant)} onError={setFormError} />;
  } else if (step === STEP.order) {
    body = <StepOrder {...props} onNext={() => next(STEP.order)} onBack={back(STEP.order)} />;
  } else if (step === STEP.facts) {
    body = <StepFacts {...props} onNext={() => next(STEP.facts)} onBack={back(STEP.facts)} evaluation={evaluation} />;
  } else if (step === STEP.preChecks) {
    body = <StepPreChecks {...props} onNext={() => next(STEP.preChecks)} onBack={back(STEP.preChecks)} />;
  } else if (step === STEP.about) {
    body = <StepAbout {...props} onNext={() => next(STEP.about)} onBack={back(STEP.about)} />;
  } else if (step === STEP.evidence) {
    body = <StepEvidence {...props} onNext={() => next(STEP.evidence)} onBack={back(STEP.evidence)} onProblems={(text) => setErrors(text ? { file: text } : {})} />;
  } else if (step === STEP.review) {
    body = <StepReview d={d} goto={goto} onSend={send} onBack={back(STEP.review)} evaluation={evaluation} sending={sending} />;
  }

  return (
    <div className="stack consumer-file" ref={root}>
      {step <= TOTAL_STEPS && (
        <p className="progress">
          <span>{t('consumer.file.stepOf', { n: step, total: TOTAL_STEPS })}</span>
          <progress max={TOTAL_STEPS} value={step} aria-hidden="true" />
        </p>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {t(STEP_TITLES[step - 1]!)}
      </h1>
      {step === STEP.phone || step >= STEP.done ? null : signedIn ? <p className="muted small">{t('consumer.file.draftKept')}</p> : null}
      {queued && (
        <p className="notice" role="status">
          {t('consumer.queue.queued')}
        </p>
      )}
      <FormError text={formError} />
      {body}
    </div>
  );
}
