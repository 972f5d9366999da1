// What the consumer pages' browser tests share: the consumer's strings in both languages and
// two checks (no serious accessibility problem; the page's heading).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { commonBn } from '../src/i18n/common.bn.ts';
import { commonEn } from '../src/i18n/common.en.ts';
import { consumerBn } from '../src/i18n/consumer.bn.ts';
import { consumerEn } from '../src/i18n/consumer.en.ts';
import { seriousA11yViolations } from './browser.ts';

export const BN = { ...commonBn, ...consumerBn };
export const EN = { ...commonEn, ...consumerEn };
export type Cat = typeof BN;

export async function noSeriousA11y(page: Page, where: string) {
  const v = await seriousA11yViolations(page);
  assert.deepEqual(
    v.map((x) => `${x.id}: ${x.help} ${JSON.stringify(x.nodes.map((n) => n.target))}`),
    [],
    `accessibility on ${where}`,
  );
}

export async function heading(page: Page, text: string) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}
