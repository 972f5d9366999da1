// The English UI catalogue, assembled from one file per area (so each area's strings live
// with the people who change them). bn.ts must have exactly these keys.
import { commonEn } from './common.en.ts';
import { consumerEn } from './consumer.en.ts';
import { merchantEn } from './merchant.en.ts';
import { merchantWebhooksEn } from './merchantWebhooks.en.ts';
import { regulatorEn } from './regulator.en.ts';
import { widgetEn } from './widget.en.ts';

export const en = { ...commonEn, ...consumerEn, ...merchantEn, ...merchantWebhooksEn, ...regulatorEn, ...widgetEn } as const;

export type UiKey = keyof typeof en;
