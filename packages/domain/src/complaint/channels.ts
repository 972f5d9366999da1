// How a buyer paid. Shared by the filing form and the policy facts (kept in its own module so
// neither has to import the other).
export const PAYMENT_CHANNELS = ['cod', 'bkash', 'nagad', 'rocket', 'card', 'bank', 'airtime'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];
