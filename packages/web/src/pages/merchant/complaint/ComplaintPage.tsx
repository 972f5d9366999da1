// One complaint as the merchant sees it: what the consumer says (order, pre-checks,
// description), what the rules say (with a form to contest a fact with evidence), the
// evidence, the merchant's answer, the timeline, and the answer form while an answer is due.
import { type MessageKey, isTerminal } from '@nalish/domain';
import { useState } from 'react';
import { ApiError, api } from '../../../api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { Link } from '../../../router.tsx';
import { FindingsList, RuleSetLine } from '../../../policy/Findings.tsx';
import { decided } from '../../../policy/model.ts';
import { PageHeading, useFocusOn } from '../../../ui/focus.tsx';
import { LoadError, Loading } from '../../../ui/Loading.tsx';
import { useResource } from '../../../ui/useResource.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { ConsumerSide } from './ConsumerSide.tsx';
import { ContestForm } from './ContestForm.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { RemedyForm } from './RemedyForm.tsx';
import type { ComplaintView } from '@nalish/domain/responses';
import { WhyThisDate } from '../../../ui/WhyThisDate.tsx';

function ResponseView({ r }: { r: NonNullable<ComplaintView['response']> }) {
  const { t, bdt, date } = useI18n();
  return (
    <dl className="m-facts">
      <div>
        <dt>{t('merchant.answer.kind')}</dt>
        <dd>{r.kind === 'offer' ? t('merchant.answer.offer') : t('merchant.answer.defence')}</dd>
      </div>
      {r.kind === 'offer' && (
        <>
          <div>
            <dt>{t('merchant.answer.remedy')}</dt>
            <dd>{t(`merchant.remedy.${r.remedy}`)}</dd>
          </div>
          {r.amountBdt !== undefined && (
            <div>
              <dt>{t('merchant.answer.amount')}</dt>
              <dd>{bdt(r.amountBdt)}</dd>
            </div>
          )}
          {r.byDate && (
            <div>
              <dt>{t('merchant.answer.byDate')}</dt>
              <dd>{date(r.byDate)}</dd>
            </div>
          )}
        </>
      )}
      <div className="m-wide">
        <dt>{t('merchant.answer.message')}</dt>
        <dd className="m-text">{r.message}</dd>
      </div>
    </dl>
  );
}

function Timeline({ items }: { items: ComplaintView['timeline'] }) {
  const { t, dateTime } = useI18n();
  return (
    <ol className="m-timeline">
      {items.map((e) => (
        <li key={e.seq}>
          <p>
            <strong>{t(`merchant.event.${e.type}` as UiKey)}</strong>
            {e.fromState !== e.toState && <> — {t('merchant.timeline.nowState', { state: t(`state.${e.toState}` as MessageKey) })}</>}
          </p>
          <p className="muted">
            {t(`merchant.actor.${e.actorRole}` as UiKey)} · <time dateTime={e.at}>{dateTime(e.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}

export function ComplaintPage({ code }: { code: string }) {
  const { t, dateTime, date } = useI18n();
  const complaint = useResource(() => api<ComplaintView>('GET', `/api/v1/complaints/${encodeURIComponent(code)}`), [code]);
  // A message after a step (sent, or overtaken by someone else's change); it takes the focus.
  const [notice, setNotice] = useState<{ text: string } | null>(null);
  const noticeRef = useFocusOn<HTMLDivElement>(notice);
  const c = complaint.data;
  const done = (view: ComplaintView, text: string) => {
    complaint.set(view);
    setNotice({ text });
  };

  if (complaint.error && !c) {
    const missing = complaint.error instanceof ApiError && complaint.error.status === 404;
    return (
      <div className="stack">
        <PageHeading>{t('merchant.complaint.title', { code })}</PageHeading>
        <LoadError error={complaint.error} {...(missing ? { text: t('merchant.complaint.notFound') } : { onRetry: () => void complaint.reload() })} />
        <Link to="/merchant">{t('merchant.complaint.back')}</Link>
      </div>
    );
  }
  if (!c) return <Loading />;

  return (
    <div className="stack">
      <p>
        <Link to="/merchant">{t('merchant.complaint.back')}</Link>
      </p>
      <PageHeading>{t('merchant.complaint.title', { code: c.trackingCode })}</PageHeading>
      {notice && (
        <div className="notice" role="status" tabIndex={-1} ref={noticeRef}>
          {notice.text}
        </div>
      )}
      <section className="card" aria-labelledby="m-status-h">
        <h2 id="m-status-h">{t('merchant.complaint.status')}</h2>
        <p className="m-state">{t(`state.${c.state}` as MessageKey)}</p>
        {c.dueAt && (
          <p>
            {t('merchant.complaint.due', { when: dateTime(c.dueAt) })}
            {c.overdue && <strong className="m-badge-overdue m-inline"> {t('merchant.inbox.overdue')}</strong>}
          </p>
        )}
        {c.dueAt && <WhyThisDate dueAt={c.dueAt} />}
        {c.next && (
          <p>
            <strong>
              {t(
                (['merchant_answers', 'merchant_carries_out_remedy', 'consumer_replies', 'consumer_confirms_remedy'].includes(c.next.step)
                  ? `merchant.complaint.next.${c.next.step}`
                  : 'merchant.complaint.next.other') as UiKey,
                {
                  date: date(c.next.dueAt),
                  left: c.next.daysLeft === 0 ? t('merchant.complaint.lastDay') : t('merchant.complaint.daysLeft', { days: Math.max(0, c.next.daysLeft) }),
                },
              )}
            </strong>
          </p>
        )}
        {c.responseLate && <p className="notice">{t('merchant.complaint.late')}</p>}
        {c.rating !== null && <p>{t('merchant.complaint.rating', { stars: c.rating })}</p>}
      </section>

      {c.actions.includes('record_remedy') && (
        <RemedyForm complaint={c} reload={complaint.reload} onRecorded={(v) => done(v, t('merchant.remedyForm.sent'))} onConflict={(text) => setNotice({ text })} />
      )}

      <ConsumerSide c={c} />

      {c.policy && (
        <section className="card" aria-labelledby="m-policy-h">
          <h2 id="m-policy-h">{t('policy.title')}</h2>
          <p className="muted">{t('merchant.policy.lead')}</p>
          {c.policy.findings.length === 0 ? <p>{t('policy.none')}</p> : <FindingsList findings={c.policy.findings.filter((f) => f.subject === 'merchant')} facts={c.policy} isPrimary={decided} />}
          <RuleSetLine p={c.policy} />
          {c.policy.statable.length > 0 && !isTerminal(c.state) && (
            <ContestForm complaint={c} policy={c.policy} reload={complaint.reload} onStated={(v) => done(v, t('merchant.contest.sent'))} />
          )}
        </section>
      )}

      <section className="card" aria-labelledby="m-evidence-h">
        <h2 id="m-evidence-h">{t('merchant.evidence.title')}</h2>
        <EvidenceList code={c.trackingCode} items={c.evidence} />
      </section>

      {c.response && (
        <section className="card" aria-labelledby="m-response-h">
          <h2 id="m-response-h">{t('merchant.complaint.yourAnswer')}</h2>
          <ResponseView r={c.response} />
        </section>
      )}

      {c.actions.includes('respond') && (
        <AnswerForm complaint={c} reload={complaint.reload} onAnswered={(v) => done(v, t('merchant.answer.sent'))} onConflict={(text) => setNotice({ text })} />
      )}

      <section className="card" aria-labelledby="m-timeline-h">
        <h2 id="m-timeline-h">{t('merchant.timeline.title')}</h2>
        <Timeline items={c.timeline} />
      </section>
    </div>
  );
}
