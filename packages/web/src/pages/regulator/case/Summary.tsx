// The case at a glance: its state, deadline, officer and parties; the hearing, the decision
// and the fine; and the order with the consumer's pre-checks and the 30-day window.
import { DEFAULT_SETTINGS, DISTRICTS, type MessageKey } from '@nalish/domain';
import type { ComplaintView } from '@nalish/domain/responses';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { OrderConfirmed } from '../../../OrderConfirmed.tsx';
import { day } from './types.ts';
import { WhyThisDate } from '../../../ui/WhyThisDate.tsx';

export function CaseSummary({ view, officers }: { view: ComplaintView; officers: Map<string, string> }) {
  const { t, locale, dateTime } = useI18n();
  return (
    <section className="card" aria-labelledby="r-sum-h">
      <h2 id="r-sum-h">{t('regulator.case.summary')}</h2>
      <dl className="r-dl">
        <dt>{t('regulator.case.state')}</dt>
        <dd>{t(`state.${view.state}` as MessageKey)}</dd>
        <dt>{t('regulator.case.dueAt')}</dt>
        <dd className={view.overdue ? 'overdue' : undefined}>
          {view.dueAt ? dateTime(view.dueAt) : '—'}
          {view.overdue && ` (${t('regulator.overdue')})`}
          {view.dueAt && <WhyThisDate dueAt={view.dueAt} />}
        </dd>
        <dt>{t('regulator.case.officer')}</dt>
        <dd>{view.assignedOfficerId ? (officers.get(view.assignedOfficerId) ?? '—') : t('regulator.queue.unassigned')}</dd>
        <dt>{t('regulator.case.merchant')}</dt>
        <dd>{view.merchant?.name ?? '—'}</dd>
        <dt>{t('regulator.case.consumer')}</dt>
        <dd>{view.consumer.name}</dd>
        <dt>{t('regulator.case.phone')}</dt>
        <dd>{view.consumer.phone}</dd>
        <dt>{t('regulator.case.district')}</dt>
        <dd>{DISTRICTS[view.consumer.district as keyof typeof DISTRICTS]?.[locale] ?? view.consumer.district}</dd>
        <dt>{t('regulator.case.filedAt')}</dt>
        <dd>{dateTime(view.filedAt)}</dd>
      </dl>
      {view.regulatorLate && (
        <p className="overdue">
          <strong>{t('regulator.late.regulator', { date: dateTime(view.regulatorLate.since), misses: view.regulatorLate.misses })}</strong>
          {view.regulatorLate.raisedAt && ` ${t('regulator.late.raised', { date: dateTime(view.regulatorLate.raisedAt) })}`}
        </p>
      )}
      {view.responseLate && (
        <p className="notice">
          {t('regulator.late.answer')} {view.lateAnswerAccepted && <strong>{t('regulator.late.accepted')}</strong>}
        </p>
      )}
    </section>
  );
}

export function CaseOutcome({ view }: { view: ComplaintView }) {
  const { t, dateTime, bdt } = useI18n();
  return (
    <section className="card" aria-labelledby="r-outcome-h">
      <h2 id="r-outcome-h">{t('regulator.decision')}</h2>
      <p>{view.hearing ? `${t('regulator.hearing')}: ${t('regulator.hearing.when', { at: dateTime(view.hearing.at), mode: t(`regulator.mode.${view.hearing.mode}` as UiKey), place: view.hearing.place })}` : t('regulator.hearing.none')}</p>
      {view.hearing?.secondNotice && !view.hearing.outcome && <p>{t('regulator.hearing.second')}</p>}
      {view.hearing?.outcome === 'held' && view.hearing.attendance && <p>{t('regulator.hearing.held', { attendance: t(`regulator.held.${view.hearing.attendance}` as UiKey) })}</p>}
      {view.hearing?.outcome === 'cancelled' && <p>{t('regulator.hearing.cancelled', { note: view.hearing.note ?? '' })}</p>}
      {view.decision ? (
        <>
          <p>
            <strong>{t(`regulator.outcome.${view.decision.outcome}` as UiKey)}</strong>
            {view.decision.fineBdt > 0 && ` · ${t('regulator.decision.fine', { amount: bdt(view.decision.fineBdt) })}`}
          </p>
          <p className="r-pre">{view.decision.reasons}</p>
          {view.decision.order && <p className="r-pre">{view.decision.order}</p>}
        </>
      ) : (
        <p>{t('regulator.decision.none')}</p>
      )}
      {view.fineCollectedBdt !== null && <p>{t('regulator.fine.collected', { amount: bdt(view.fineCollectedBdt) })}</p>}
      {view.complainantShareBdt !== null && <p className="r-share">{t('regulator.fine.share', { amount: bdt(view.complainantShareBdt) })}</p>}
    </section>
  );
}

export function CaseOrder({ view }: { view: ComplaintView }) {
  const { t, date, bdt } = useI18n();
  const pc = view.preChecks;
  return (
    <section className="card" aria-labelledby="r-order-h">
      <h2 id="r-order-h">{t('regulator.case.order')}</h2>
      <dl className="r-dl">
        <dt>{t('regulator.case.orderNumber')}</dt>
        <dd>
          {view.order.number} {view.orderConfirmed && <OrderConfirmed />}
        </dd>
        <dt>{t('regulator.case.orderDate')}</dt>
        <dd>{date(day(view.order.date))}</dd>
        <dt>{t('regulator.case.amount')}</dt>
        <dd>{bdt(view.order.amountBdt)}</dd>
        <dt>{t('regulator.case.payment')}</dt>
        <dd>{t(`regulator.pay.${view.order.paymentChannel}` as UiKey)}</dd>
        <dt>{t('regulator.case.problem')}</dt>
        <dd>{t(`regulator.cat.${view.problemCategory}` as UiKey)}</dd>
        <dt>{t('regulator.case.wanted')}</dt>
        <dd>{t(`regulator.remedy.${view.wantedRemedy}` as UiKey)}</dd>
      </dl>
      <h3>{t('regulator.case.description')}</h3>
      <p className="r-pre">{view.description}</p>
      <h3>{t('regulator.case.preChecks')}</h3>
      <dl className="r-dl">
        <dt>{t('regulator.case.contacted')}</dt>
        <dd>
          {pc.contactedMerchant ? t('regulator.case.yes') : t('regulator.case.no')}
          {pc.contactedOn && ` (${t('regulator.case.contactedOn', { date: date(day(pc.contactedOn)) })})`}
        </dd>
        <dt>{t('regulator.case.remedyReceived')}</dt>
        <dd>{t(`regulator.received.${pc.remedyReceived ?? 'none'}` as UiKey)}</dd>
        {pc.problemDate && (
          <>
            <dt>{t('regulator.case.problemDate')}</dt>
            <dd>{date(day(pc.problemDate))}</dd>
          </>
        )}
      </dl>
      <p className={view.regulatorWindow.open ? undefined : 'overdue'}>{t(view.regulatorWindow.open ? 'regulator.case.windowOpen' : 'regulator.case.windowClosed', { date: date(day(view.regulatorWindow.lastDay)), limit: DEFAULT_SETTINGS.regulatorFilingLimitDays })}</p>
    </section>
  );
}
