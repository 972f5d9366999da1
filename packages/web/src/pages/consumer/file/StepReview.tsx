// Step 8, the review: every answer with a way back to its step, the 30-day notice if the
// limit has passed, what the rules say, and Send.
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import type { Evaluation } from '../../../policy/model.ts';
import type { Draft } from '../draft.ts';
import { STEP, amountText, askedFacts, consumerFacts } from './filing.ts';
import { useDistrictName } from './StepAbout.tsx';
import { FilingFindings } from './StepFacts.tsx';
import { StepForm } from './StepForm.tsx';
import { LIMIT_DAYS, useDay, windowOf } from './StepPreChecks.tsx';

export function StepReview({ d, goto, onSend, onBack, evaluation, sending }: { d: Draft; goto: (step: number) => void; onSend: () => void; onBack: () => void; evaluation: { result: Evaluation | null; pending: boolean }; sending: string }) {
  const { t, bdt } = useI18n();
  const day = useDay();
  const districtName = useDistrictName();
  const win = windowOf(d);
  const row = (label: string, value: string, s: number) => (
    <div className="review-row">
      <dt>{label}</dt>
      <dd>
        {value}{' '}
        <button type="button" className="link" onClick={() => goto(s)} aria-label={`${t('consumer.review.edit')}: ${label}`}>
          {t('consumer.review.edit')}
        </button>
      </dd>
    </div>
  );
  const amount = Number(amountText(d));
  const factsSummary = () => {
    const f = consumerFacts(d);
    const parts = [
      f.paymentDate && t('consumer.review.paidOn', { date: day(f.paymentDate) }),
      f.deliveredAt === null ? t('consumer.review.notDelivered') : f.deliveredAt && t('consumer.review.deliveredOn', { date: day(f.deliveredAt) }),
      f.sameCity !== undefined && t(f.sameCity ? 'consumer.review.sameCity' : 'consumer.review.otherCity'),
      f.refundDueReason && t(`policy.reason.${f.refundDueReason}`),
      f.refundedAt === null ? t('consumer.review.notRefunded') : f.refundedAt && t('consumer.review.refundedOn', { date: day(f.refundedAt) }),
      f.refundedAmountBdt !== undefined && bdt(f.refundedAmountBdt),
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('consumer.review.noFacts');
  };
  return (
    <StepForm onSubmit={onSend} onBack={onBack} last busy={sending}>
      <p>{t('consumer.review.lead')}</p>
      <dl className="review">
        {row(t('consumer.merchant.name'), d.merchant.name || d.merchant.website || d.merchant.facebookPage, STEP.merchant)}
        {row(t('consumer.order.number'), d.order.number, STEP.order)}
        {row(t('consumer.order.date'), day(d.order.date), STEP.order)}
        {row(t('consumer.order.amount'), Number.isFinite(amount) ? bdt(amount) : d.order.amount, STEP.order)}
        {row(t('consumer.order.channel'), d.order.paymentChannel ? t(`consumer.pay.${d.order.paymentChannel}` as UiKey) : '', STEP.order)}
        {row(t('consumer.order.category'), d.category ? t(`consumer.cat.${d.category}` as UiKey) : '', STEP.order)}
        {row(t('consumer.order.remedy'), d.wantedRemedy ? t(`consumer.remedy.${d.wantedRemedy}` as UiKey) : '', STEP.order)}
        {row(t('consumer.review.facts'), factsSummary(), STEP.facts)}
        {row(t('consumer.pre.contacted'), d.pre.contacted === 'yes' ? t('consumer.review.contactedOn', { date: day(d.pre.contactedOn) }) : t('consumer.review.notContacted'), STEP.preChecks)}
        {row(t('consumer.pre.problemDate'), day(d.pre.problemDate), STEP.preChecks)}
        {row(t('consumer.about.description'), d.description, STEP.about)}
        {row(t('consumer.about.name'), d.name, STEP.about)}
        {row(t('consumer.about.district'), districtName(d.district), STEP.about)}
        {d.email && row(t('consumer.about.email'), d.email, STEP.about)}
        {row(t('consumer.step.evidence'), t('consumer.review.files', { n: d.evidence.length }), STEP.evidence)}
      </dl>
      {win && !win.open && <p className="notice">{t('consumer.pre.windowClosed', { date: day(win.lastDay), limit: LIMIT_DAYS })}</p>}
      <FilingFindings evaluation={evaluation.result} pending={evaluation.pending} asked={askedFacts(d)} />
    </StepForm>
  );
}
