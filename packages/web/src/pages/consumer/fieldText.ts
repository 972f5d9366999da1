// The consumer's sentence for a field in error: our own words for the field ('consumer.err.'
// + its path), whatever the validator said, so a Bengali reader never sees the validator's
// English. Two checks the server makes with today's date have sentences of their own, found
// by the server's field error code.
import type { I18n } from '../../i18n/i18n.tsx';
import type { UiKey } from '../../i18n/en.ts';
import { type Errors, type Problem, byField } from '../../ui/errors.ts';

export function fieldText(t: I18n['t'], path: string, code = ''): string {
  // The domain's date checks (filingDateProblems) name these two cases.
  if (code === 'date_future') return t('consumer.err.future');
  if (code === 'before_order') return t('consumer.err.beforeOrder');
  const key = `consumer.err.${path}`;
  const probe = t(key as UiKey);
  return probe === key ? t('consumer.err.generic') : probe;
}

/** Problems keyed by their own path, in the consumer's words. */
export const consumerErrors = (t: I18n['t'], problems: readonly Problem[]): Errors => byField(problems, 'path', (path, p) => fieldText(t, path, p.code));
