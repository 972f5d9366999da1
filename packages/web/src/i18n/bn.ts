// The Bengali UI catalogue. Its type requires every key of en.ts.
import { commonBn } from './common.bn.ts';
import { consumerBn } from './consumer.bn.ts';
import { merchantBn } from './merchant.bn.ts';
import { merchantWebhooksBn } from './merchantWebhooks.bn.ts';
import { regulatorBn } from './regulator.bn.ts';
import { widgetBn } from './widget.bn.ts';
import type { UiKey } from './en.ts';

export const bn: Record<UiKey, string> = { ...commonBn, ...consumerBn, ...merchantBn, ...merchantWebhooksBn, ...regulatorBn, ...widgetBn };
