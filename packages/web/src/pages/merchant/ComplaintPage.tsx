// One complaint as the merchant sees it: what the consumer says (order, pre-checks,
// description), what the rules say (with a form to contest a fact with evidence), the
// evidence (images shown inline from a fetched blob; PDFs as downloads; every file's SHA-256),
// the timeline, and the answer form while an answer is due.
import { ActiveContentWarning } from '../../ActiveContentWarning.tsx';
import { type MessageKey, STATE_INFO, type State } from '@nalish/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrderConfirmed } from '../../OrderConfirmed.tsx';
import { Link } from '../../router.tsx';
import { FindingsList, RuleSetLine } from '../../policy/Findings.tsx';
import { type PolicyView, decided } from '../../policy/model.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { ContestForm } from './ContestForm.tsx';
import { PageHeading, errorText, useApi } from './shared.tsx';
import type { Evidence } from '../../evidence.ts';
export type { Evidence };


export interface ComplaintView {
  trackingCode: string;
  version: number;
  state: string;
  dueAt: string | null;
  overdue: boolean;
  merchant: { id: string; name: string } | null;
  consumer: { name: string; phone: string; email: string | null; district: string };
  order: { number: string; date: string; amountBdt: number; paymentChannel: string };
  orderConfirmed?: boolean;
  problemCategory: string;
  description: string;
  wantedRemedy: string;
  preChecks: { contactedMerchant: boolean; contactedOn?: string; remedyReceived: string; problemDate: string };
  response: { kind: 'offer' | 'defence'; remedy?: string; amountBdt?: number; byDate?: string; message: string; evidenceIds?: string[] } | null;
  rating: number | null;
  actions: string[];
  timeline: { seq: number; type: string; actorRole: string; fromState: string | null; toState: string; at: string; payload: Record<string, unknown> }[];
  evidence: Evidence[];
  policy: PolicyView | null;
}

function EvidenceImage({ code, ev }: { code: string; ev: Evidence }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let revoked = false;
    let objectUrl: string | null = null;
    // The server sends evidence as an attachment (never rendered as a page of ours): fetch
    // the bytes and show them from an object URL.
    fetch(`/api/v1/complaints/${code}/evidence/${ev.id}`, { credentials: 'same-origin' })
      .then(async (r) => {
        if (!r.ok) throw new Error(String(r.status));
        const blob = await r.blob();
        if (revoked) return;
        objectUrl = URL.createObjectURL(new Blob([blob], { type: ev.mediaType }));
        setUrl(objectUrl);
      })
      .catch(() => setFailed(true));
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [code, ev.id, ev.mediaType]);
  if (failed) return <p className="error">{t('merchant.evidence.loadFailed')}</p>;
  if (!url) return <p className="muted">{t('common.loading')}</p>;
  return <img className="m-evidence-img" src={url} alt={t('merchant.evidence.imageAlt', { name: ev.filename })} />;
}

export function EvidenceList({ code, items }: { code: string; items: Evidence[] }) {
  const { t, dateTime, number } = useI18n();
  if (items.length === 0) return <p className="muted">{t('merchant.evidence.none')}</p>;
  return (
    <ul className="m-evidence">
      {items.map((ev) => (
        <li key={ev.id} className="m-evidence-item">
          <h3 className="m-evidence-name">{ev.filename}</h3>
          {ev.mediaType.startsWith('image/') ? <EvidenceImage code={code} ev={ev} /> : null}
          <ActiveContentWarning kinds={ev.activeContent} />
          <p>
            <a href={`/api/v1/complaints/${code}/evidence/${ev.id}`} download={ev.filename}>
              {ev.mediaType === 'application/pdf' ? t('merchant.evidence.downloadPdf', { name: ev.filename }) : t('merchant.evidence.download', { name: ev.filename })}
            </a>
          </p>
          <p className="muted">
            {t('merchant.evidence.meta', { by: t(`merchant.actor.${ev.uploadedBy}` as never), when: dateTime(ev.createdAt), kb: number(Math.max(1, Math.round(ev.sizeBytes / 1024))) })}
          </p>
          <p className="m-hash">
            <span>{t('merchant.evidence.sha256')}</span> <code>{ev.sha256}</code>
          </p>
        </li>
      ))}
    </ul>
  );
}

export function ResponseView({ r }: { r: NonNullable<ComplaintView['response']> }) {
  const { t, bdt, date } = useI18n();
  return (
    <dl className="m-facts">
      <div>
        <dt>{t('merchant.answer.kind')}</dt>
        <dd>{r.kind === 'offer' ? t('merchant.answer.offer') : t('merchant.answer.defence')}</dd>
      </div>
      {r.remedy && (
        <div>
          <dt>{t('merchant.answer.remedy')}</dt>
          <dd>{t(`merchant.remedy.${r.remedy}` as never)}</dd>
        </div>
      )}
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
      <div className="m-wide">
        <dt>{t('merchant.answer.message')}</dt>
        <dd className="m-text">{r.message}</dd>
      </div>
    </dl>
  );
}

export function ComplaintPage({ code }: { code: string }) {
  const { t, date, dateTime, bdt } = useI18n();
  const call = useApi();
  const [c, setC] = useState<ComplaintView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setC(await call<ComplaintView>('GET', `/api/v1/complaints/${encodeURIComponent(code)}`));
    } catch (e) {
      setError(e);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (error && !c) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <div className="stack">
        <PageHeading>{t('merchant.complaint.title', { code })}</PageHeading>
        <div role="alert" className="notice">
          <p>{missing ? t('merchant.complaint.notFound') : errorText(t, error)}</p>
          {!missing && (
            <button type="button" onClick={() => void load()}>
              {t('common.retry')}
            </button>
          )}
        </div>
        <Link to="/merchant">{t('merchant.complaint.back')}</Link>
      </div>
    );
  }
  if (!c) return <p role="status">{t('common.loading')}</p>;

  const pc = c.preChecks;
  return (
    <div className="stack">
      <p>
        <Link to="/merchant">{t('merchant.complaint.back')}</Link>
      </p>
      <PageHeading>{t('merchant.complaint.title', { code: c.trackingCode })}</PageHeading>
      {notice && (
        <div className="notice" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
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
        {c.rating !== null && <p>{t('merchant.complaint.rating', { stars: c.rating })}</p>}
      </section>

      <section className="card" aria-labelledby="m-consumer-h">
        <h2 id="m-consumer-h">{t('merchant.complaint.consumerOrder')}</h2>
        <dl className="m-facts">
          <div>
            <dt>{t('merchant.complaint.consumer')}</dt>
            <dd>{c.consumer.name}</dd>
          </div>
          <div>
            <dt>{t('merchant.complaint.phone')}</dt>
            <dd>
              <a href={`tel:${c.consumer.phone}`}>{c.consumer.phone}</a>
            </dd>
          </div>
          <div>
            <dt>{t('merchant.complaint.orderNumber')}</dt>
            <dd>
              {c.order.number} {c.orderConfirmed && <OrderConfirmed />}
            </dd>
          </div>
          <div>
            <dt>{t('merchant.complaint.orderDate')}</dt>
            <dd>{date(c.order.date)}</dd>
          </div>
          <div>
            <dt>{t('merchant.complaint.amount')}</dt>
            <dd>{bdt(c.order.amountBdt)}</dd>
          </div>
          <div>
            <dt>{t('merchant.complaint.paidBy')}</dt>
            <dd>{t(`merchant.payment.${c.order.paymentChannel}` as never)}</dd>
          </div>
          <div>
            <dt>{t('merchant.inbox.problem')}</dt>
            <dd>{t(`merchant.category.${c.problemCategory}` as never)}</dd>
          </div>
          <div>
            <dt>{t('merchant.complaint.wants')}</dt>
            <dd>{t(`merchant.remedy.${c.wantedRemedy}` as never)}</dd>
          </div>
        </dl>
        <h3>{t('merchant.complaint.preChecks')}</h3>
        <ul>
          <li>
            {pc.contactedMerchant
              ? t('merchant.complaint.contactedOn', { date: pc.contactedOn ? date(pc.contactedOn) : '—' })
              : t('merchant.complaint.notContacted')}
          </li>
          <li>{t(`merchant.complaint.received.${pc.remedyReceived}` as never)}</li>
          <li>{t('merchant.complaint.problemDate', { date: date(pc.problemDate) })}</li>
        </ul>
        <h3>{t('merchant.complaint.description')}</h3>
        <p className="m-text">{c.description}</p>
      </section>

      {c.policy && (
        <section className="card" aria-labelledby="m-policy-h">
          <h2 id="m-policy-h">{t('policy.title')}</h2>
          <p className="muted">{t('merchant.policy.lead')}</p>
          {c.policy.findings.length === 0 ? <p>{t('policy.none')}</p> : <FindingsList findings={c.policy.findings.filter((f) => f.subject === 'merchant')} facts={c.policy} isPrimary={decided} />}
          <RuleSetLine p={c.policy} />
          {c.policy.statable.length > 0 && !STATE_INFO[c.state as State]?.terminal && (
            <ContestForm
              complaint={c}
              policy={c.policy}
              onStated={(v) => {
                setC(v);
                setNotice(t('merchant.contest.sent'));
              }}
              onConflict={load}
            />
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
        <AnswerForm
          complaint={c}
          onAnswered={(v) => {
            setC(v);
            setNotice(t('merchant.answer.sent'));
          }}
          onConflict={async () => {
            await load();
            setNotice(t('merchant.answer.conflict'));
          }}
        />
      )}

      <section className="card" aria-labelledby="m-timeline-h">
        <h2 id="m-timeline-h">{t('merchant.timeline.title')}</h2>
        <ol className="m-timeline">
          {c.timeline.map((e) => (
            <li key={e.seq}>
              <p>
                <strong>{t(`merchant.event.${e.type}` as never)}</strong>
                {e.fromState !== e.toState && <> — {t('merchant.timeline.nowState', { state: t(`state.${e.toState}` as MessageKey) })}</>}
              </p>
              <p className="muted">
                {t(`merchant.actor.${e.actorRole}` as never)} · <time dateTime={e.at}>{dateTime(e.at)}</time>
              </p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
