// The case's full history in plain words, in order, each event with who took it, when, the
// state it left the case in and its details; events from a broken link of the hash chain on
// are marked.
import type { MessageKey } from '@nalish/domain';
import type { TimelineEntry } from '@nalish/domain/responses';
import { type I18n, useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { type FactValue, type Outcome, factLabel, factValueText, outcomeLabel, ruleName } from '../../../policy/model.ts';

function eventDetail(e: TimelineEntry, officers: Map<string, string>, fmt: I18n): string {
  const { t } = fmt;
  const p = e.payload ?? {};
  const s = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
  switch (e.type) {
    case 'assign':
      return officers.get(s('officerId')) ?? '';
    case 'respond':
      return [p.kind === 'offer' ? t(`regulator.remedy.${s('remedy') || 'other'}` as UiKey) : '', typeof p.amountBdt === 'number' ? fmt.bdt(p.amountBdt) : '', s('message')].filter(Boolean).join(' · ');
    case 'request_info':
      return `${t(`regulator.role.${s('from')}` as UiKey)}: ${s('question')}`;
    case 'provide_info':
      return s('answer');
    case 'schedule_hearing':
      return t('regulator.hearing.when', { at: s('at') ? fmt.dateTime(s('at')) : '', mode: t(`regulator.mode.${s('mode')}` as UiKey), place: s('place') });
    case 'decide':
      return [t(`regulator.outcome.${s('outcome')}` as UiKey), typeof p.fineBdt === 'number' && p.fineBdt > 0 ? t('regulator.decision.fine', { amount: fmt.bdt(p.fineBdt) }) : ''].filter(Boolean).join(' · ');
    case 'record_fine_collected':
      return typeof p.amountBdt === 'number' ? fmt.bdt(p.amountBdt) : '';
    case 'policy_facts_stated': {
      const facts = Object.entries((p.facts ?? {}) as Record<string, FactValue>).map(([k, v]) => `${factLabel(t, k)}: ${factValueText(fmt, k, v)}`);
      return [...facts, s('reason')].filter(Boolean).join(' · ');
    }
    case 'policy_finding_reviewed':
      return [ruleName(t, s('ruleId')), t(`regulator.policy.${p.decision === 'override' ? 'override' : 'confirm'}`), outcomeLabel(t, s('outcome') as Outcome), s('reason')].filter(Boolean).join(' · ');
    default:
      return s('reason') || s('comment') || s('filename');
  }
}

export function History({ timeline, officers, brokenFrom }: { timeline: TimelineEntry[]; officers: Map<string, string>; brokenFrom: number | undefined }) {
  const i18n = useI18n();
  const { t, dateTime, number } = i18n;
  return (
    <section aria-labelledby="r-tl-h">
      <h2 id="r-tl-h">{t('regulator.timeline')}</h2>
      <ol className="r-timeline">
        {timeline.map((e) => {
          const detail = eventDetail(e, officers, i18n);
          return (
            <li key={e.seq} className={brokenFrom !== undefined && e.seq >= brokenFrom ? 'r-tl-broken' : undefined}>
              <p>
                <strong>
                  {number(e.seq)}. {t(`regulator.event.${e.type}` as UiKey)}
                </strong>{' '}
                <span className="muted">
                  {dateTime(e.at)} · {t('regulator.timeline.by', { who: t(`regulator.role.${e.actorRole}` as UiKey) })} · {t(`state.${e.toState}` as MessageKey)}
                </span>
              </p>
              {detail && <p className="r-pre">{detail}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
