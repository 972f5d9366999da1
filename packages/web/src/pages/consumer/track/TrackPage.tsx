// Tracking (/t/<code>, the link in every SMS): the state, who acts next and by when, the
// timeline in plain words, the seller's answer with accept / reject, the remedy check, what
// the rules say (with a fact learnt later added by the consumer), evidence, withdrawal and the
// closing rating. Buttons follow the view's `actions`; every step sends the version shown, and
// a change made elsewhere meanwhile (409) reloads the complaint and says so.
import { type Action, ACTIONS, DEFAULT_SETTINGS, parseTrackingCode, toBengaliDigits } from '@nalish/domain';
import type { ComplaintView as View } from '@nalish/domain/responses';
import { useRef, useState } from 'react';
import { ApiError, api } from '../../../api.ts';
import { uploadEvidence } from '../../../evidence.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { OrderConfirmed } from '../../../OrderConfirmed.tsx';
import { ConfirmGroup } from '../../../ui/ConfirmGroup.tsx';
import { apiProblems, errorText } from '../../../ui/errors.ts';
import { FormError } from '../../../ui/Field.tsx';
import { useFocusFirstError } from '../../../ui/focus.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { type Step, stepProblems, useStep } from '../../../ui/steps.ts';
import { useResource } from '../../../ui/useResource.ts';
import { fieldText } from '../fieldText.ts';
import { OtpSignIn } from '../OtpSignIn.tsx';
import type { Steps } from './act.ts';
import { Answer } from './Answer.tsx';
import { EvidenceCard, Timeline } from './History.tsx';
import { Decision, Hearing } from './Outcome.tsx';
import { PolicyCard } from './PolicyCard.tsx';
import { Rating } from './Rating.tsx';
import { WhyThisDate } from '../../../ui/WhyThisDate.tsx';

const isAction = (step: string): step is Action => (ACTIONS as readonly string[]).includes(step);

export default function TrackPage({ params }: { params: Record<string, string> }) {
  const { t, locale, date, dateTime, bdt } = useI18n();
  const code = parseTrackingCode(params.code ?? '') ?? params.code ?? '';
  const complaint = useResource(() => api<View>('GET', `/api/v1/complaints/${encodeURIComponent(code)}`), [code]);
  const [phone, setPhone] = useState('');
  const [msg, setMsg] = useState('');
  const [err, setErr] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useFocusFirstError(err, root);
  const v = complaint.data;
  const step = useStep<View>(code, v?.version, complaint.reload, 'consumer.track.conflict');

  /** Take a step; its field problems (by the server's schema, here or there) go to `field`. */
  async function act(action: Step, body: object, field?: string, done: UiKey = 'consumer.track.done'): Promise<boolean> {
    const problems = isAction(action) ? stepProblems(action, body) : [];
    if (problems.length && field) {
      setErr({ [field]: fieldText(t, field, problems[0]!.code) });
      return false;
    }
    setBusy(true);
    setErr({});
    setMsg('');
    try {
      const r = await step(action, body);
      if (r.ok) {
        complaint.set(r.view);
        setWithdrawing(false);
        setMsg(t(done));
        heading.current?.focus();
        return true;
      }
      if (r.conflict) setMsg(r.conflict);
      else if (apiProblems(r.error).length && field) setErr({ [field]: fieldText(t, field, apiProblems(r.error)[0]!.code) });
      else setErr({ form: errorText(t, r.error) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function upload(files: FileList | null) {
    if (!files) return;
    setErr({});
    setMsg('');
    for (const f of Array.from(files)) {
      try {
        await uploadEvidence(code, f, f.name);
        setMsg(t('consumer.track.uploaded', { name: f.name }));
      } catch (e) {
        setErr({ file: errorText(t, e) });
      }
    }
    await complaint.reload();
  }

  const title = (
    <h1 ref={heading} tabIndex={-1}>
      {t('consumer.track.title', { code: locale === 'bn' ? toBengaliDigits(code) : code })}
    </h1>
  );
  const page = (...children: React.ReactNode[]) => (
    <div className="stack consumer-track" ref={root}>
      {title}
      {children}
    </div>
  );
  const e = complaint.error;
  if (!v && e instanceof ApiError && e.status === 401)
    return page(
      <p key="lead">{t('consumer.track.signIn')}</p>,
      <OtpSignIn key="otp" idPrefix="track" phone={phone} setPhone={setPhone} onSignedIn={() => void complaint.reload()} />,
    );
  if (!v && e instanceof ApiError && (e.status === 404 || e.status === 403)) return page(<p key="nf" role="alert">{t('consumer.track.notFound')}</p>);
  if (!v && e)
    return page(
      <p key="e" role="alert" className="error">
        {errorText(t, e)}
      </p>,
      <button key="r" type="button" onClick={() => void complaint.reload()}>
        {t('common.retry')}
      </button>,
    );
  if (!v) return page(<Loading key="l" />);

  const steps: Steps = { view: v, act, busy, err, setErr };
  const owner = v.owner;
  // What happens next and by when, with the days left (on an accepted offer: the remedy's date).
  const left = (days: number) =>
    days < 0 ? t('consumer.track.daysPast') : days === 0 ? t('consumer.track.lastDay') : days === 1 ? t('consumer.track.oneDayLeft') : t('consumer.track.daysLeft', { days });
  const next = !owner
    ? t('consumer.track.next.none')
    : v.next
      ? t(`consumer.track.step.${v.next.step}` as UiKey, { date: date(v.next.dueAt), left: left(v.next.daysLeft) })
      : owner === 'system' || !v.dueAt
        ? t('consumer.track.next.system')
        : t(`consumer.track.next.${owner}`, { date: dateTime(v.dueAt) });

  return (
    <div className="stack consumer-track" ref={root}>
      {title}
      {v.merchant && (
        <p className="muted">
          {t('consumer.track.against', { merchant: v.merchant.name })} · {t('consumer.track.order', { number: v.order.number, amount: bdt(v.order.amountBdt) })}
        </p>
      )}
      {v.orderConfirmed && (
        <p>
          <OrderConfirmed />
        </p>
      )}
      <p>
        <span className="sr">{t('consumer.track.state')}: </span>
        <span className="state-label">{t(`state.${v.state}` as UiKey)}</span>
      </p>
      {msg && (
        <p className="notice info" role="status">
          {msg}
        </p>
      )}
      <FormError text={err.form} />
      <section className="card" aria-labelledby="t-next">
        <h2 id="t-next">{t('consumer.track.next')}</h2>
        <p>
          {next} {v.overdue && owner && <strong className="overdue">{t('consumer.track.overdue')}</strong>}
        </p>
        {owner && owner !== 'system' && v.dueAt && <WhyThisDate dueAt={v.dueAt} />}
        {v.regulatorLate && (
          <p className="overdue">
            <strong>{t(v.regulatorLate.raisedAt ? 'consumer.track.regulatorLate' : 'consumer.track.regulatorLateOnce', { date: date(v.regulatorLate.since) })}</strong>
          </p>
        )}
        {/* The 30-day limit matters only until the regulator has the complaint. */}
        {!v.hearing && !v.decision && <p className="muted small">{t('consumer.track.window', { date: date(`${v.regulatorWindow.lastDay}T12:00:00+06:00`), limit: DEFAULT_SETTINGS.regulatorFilingLimitDays })}</p>}
      </section>

      <Decision v={v} />
      <Hearing v={v} />
      <Answer {...steps} />
      <Rating {...steps} />
      <PolicyCard {...steps} />
      <Timeline v={v} />
      <EvidenceCard v={v} error={err.file} onUpload={upload} />

      {v.actions.includes('withdraw') && (
        <section className="card" aria-label={t('consumer.track.withdraw')}>
          {!withdrawing ? (
            <button type="button" className="danger" onClick={() => setWithdrawing(true)}>
              {t('consumer.track.withdraw')}
            </button>
          ) : (
            <ConfirmGroup id="t-wd-q" question={t('consumer.track.withdrawConfirm')} yes={t('consumer.track.withdrawYes')} busy={busy} cancelFirst onYes={() => void act('withdraw', {})} onCancel={() => setWithdrawing(false)} />
          )}
        </section>
      )}
    </div>
  );
}
