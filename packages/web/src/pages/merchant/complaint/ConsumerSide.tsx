// What the consumer says: who they are, the order, the pre-checks and their description.
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { OrderConfirmed } from '../../../OrderConfirmed.tsx';
import type { ComplaintView } from '@nalish/domain/responses';

export function ConsumerSide({ c }: { c: ComplaintView }) {
  const { t, date, bdt } = useI18n();
  const pc = c.preChecks;
  return (
    <section className="card" aria-labelledby="m-consumer-h">
      <h2 id="m-consumer-h">{t('merchant.complaint.consumerOrder')}</h2>
      <dl className="m-facts">
        <div>
          <dt>{t('merchant.complaint.consumer')}</dt>
          <dd>{c.consumer.name}</dd>
        </div>
        <div>
          <dt>{t('merchant.complaint.phone')}</dt>
          <dd>
            <a href={`tel:${c.consumer.phone}`}>{c.consumer.phone}</a>
          </dd>
        </div>
        <div>
          <dt>{t('merchant.complaint.orderNumber')}</dt>
          <dd>
            {c.order.number} {c.orderConfirmed && <OrderConfirmed />}
          </dd>
        </div>
        <div>
          <dt>{t('merchant.complaint.orderDate')}</dt>
          <dd>{date(c.order.date)}</dd>
        </div>
        <div>
          <dt>{t('merchant.complaint.amount')}</dt>
          <dd>{bdt(c.order.amountBdt)}</dd>
        </div>
        <div>
          <dt>{t('merchant.complaint.paidBy')}</dt>
          <dd>{t(`merchant.payment.${c.order.paymentChannel}` as UiKey)}</dd>
        </div>
        <div>
          <dt>{t('merchant.inbox.problem')}</dt>
          <dd>{t(`merchant.category.${c.problemCategory}` as UiKey)}</dd>
        </div>
        <div>
          <dt>{t('merchant.complaint.wants')}</dt>
          <dd>{t(`merchant.remedy.${c.wantedRemedy}` as UiKey)}</dd>
        </div>
      </dl>
      <h3>{t('merchant.complaint.preChecks')}</h3>
      <ul>
        <li>{pc.contactedMerchant ? t('merchant.complaint.contactedOn', { date: pc.contactedOn ? date(pc.contactedOn) : '—' }) : t('merchant.complaint.notContacted')}</li>
        <li>{t(`merchant.complaint.received.${pc.remedyReceived}` as UiKey)}</li>
        <li>{t('merchant.complaint.problemDate', { date: date(pc.problemDate) })}</li>
      </ul>
      <h3>{t('merchant.complaint.description')}</h3>
      <p className="m-text">{c.description}</p>
    </section>
  );
}
