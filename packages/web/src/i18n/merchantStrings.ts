// The merchant portal's strings (its pages, webhooks, the widget page), loaded with its chunk.
import type { AreaStrings } from './i18n.tsx';
import { merchantBn } from './merchant.bn.ts';
import { merchantEn } from './merchant.en.ts';
import { merchantWebhooksBn } from './merchantWebhooks.bn.ts';
import { merchantWebhooksEn } from './merchantWebhooks.en.ts';
import { widgetBn } from './widget.bn.ts';
import { widgetEn } from './widget.en.ts';

export const merchantStrings: AreaStrings<keyof typeof merchantEn | keyof typeof merchantWebhooksEn | keyof typeof widgetEn> = {
  bn: { ...merchantBn, ...merchantWebhooksBn, ...widgetBn },
  en: { ...merchantEn, ...merchantWebhooksEn, ...widgetEn },
};
