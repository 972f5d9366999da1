// "Order confirmed by the merchant": the complaint came with the shop's own signed order
// details (the widget's order context). One mark for the merchant inbox, the complaint, the
// regulator's case and the consumer's tracking page.
import { useI18n } from './i18n/i18n.tsx';

export function OrderConfirmed() {
  const { t } = useI18n();
  return (
    <span className="badge confirmed" title={t('complaint.orderConfirmedHint')} data-testid="order-confirmed">
      {t('complaint.orderConfirmed')}
    </span>
  );
}
