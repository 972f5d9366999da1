// Step 3, the order: its number, date, amount and how it was paid (as the shop signed them,
// inside the widget), what went wrong and what the consumer wants.
import { CATEGORIES, PAYMENT_CHANNELS, WANTED_REMEDIES } from '@nalish/domain';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { Field } from '../../../ui/Field.tsx';
import { useEmbed } from '../embed.ts';
import { today } from './filing.ts';
import { type StepProps, StepForm } from './StepForm.tsx';

export function StepOrder({ d, update, err, onNext, onBack }: StepProps & { onNext: () => void; onBack: () => void }) {
  const { t } = useI18n();
  // In the widget, an order the shop signed is shown as the shop sent it.
  const orderLocked = Boolean(useEmbed() && d.orderContext);
  const setOrder = (o: Partial<StepProps['d']['order']>) => update((x) => ({ ...x, order: { ...x.order, ...o } }));
  return (
    <StepForm onSubmit={onNext} onBack={onBack}>
      {orderLocked && <p className="notice info">{t('consumer.embed.orderFromShop')}</p>}
      <Field id="o-number" label={t('consumer.order.number')} hint={t('consumer.order.numberHint')} error={err('order.number')}>
        {(a) => <input {...a} readOnly={orderLocked} value={d.order.number} onChange={(e) => setOrder({ number: e.target.value })} />}
      </Field>
      <Field id="o-date" label={t('consumer.order.date')} error={err('order.date')}>
        {(a) => <input {...a} readOnly={orderLocked} type="date" max={today()} value={d.order.date} onChange={(e) => setOrder({ date: e.target.value })} />}
      </Field>
      <Field id="o-amount" label={t('consumer.order.amount')} error={err('order.amountBdt')}>
        {(a) => <input {...a} readOnly={orderLocked} inputMode="numeric" value={d.order.amount} onChange={(e) => setOrder({ amount: e.target.value })} />}
      </Field>
      <Field id="o-channel" label={t('consumer.order.channel')} error={err('order.paymentChannel')}>
        {(a) => (
          <select {...a} disabled={orderLocked} value={d.order.paymentChannel} onChange={(e) => setOrder({ paymentChannel: e.target.value })}>
            <option value="">{t('consumer.choose')}</option>
            {PAYMENT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`consumer.pay.${c}` as UiKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="o-category" label={t('consumer.order.category')} error={err('category')}>
        {(a) => (
          <select {...a} value={d.category} onChange={(e) => update((x) => ({ ...x, category: e.target.value }))}>
            <option value="">{t('consumer.choose')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`consumer.cat.${c}` as UiKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="o-remedy" label={t('consumer.order.remedy')} error={err('wantedRemedy')}>
        {(a) => (
          <select {...a} value={d.wantedRemedy} onChange={(e) => update((x) => ({ ...x, wantedRemedy: e.target.value }))}>
            <option value="">{t('consumer.choose')}</option>
            {WANTED_REMEDIES.map((c) => (
              <option key={c} value={c}>
                {t(`consumer.remedy.${c}` as UiKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </StepForm>
  );
}
