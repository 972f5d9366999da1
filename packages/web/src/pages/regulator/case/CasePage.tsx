// One case as the officer sees it: the history-chain mark, the summary, the steps open now
// (assign, request information, hearing, decision, fine, reject), what the rules say (with
// the review of each finding and corrections of facts), the evidence, the full history and
// the case file PDF. Every step sends the version the officer saw; a 409 reloads the case and
// keeps what the officer typed.
import { type Action, ACTIONS } from '@nalish/domain';
import type { ComplaintView } from '@nalish/domain/responses';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { Link } from '../../../router.tsx';
import { apiProblems, byField, errorText, problemText } from '../../../ui/errors.ts';
import { FormError } from '../../../ui/Field.tsx';
import { useFocusOn } from '../../../ui/focus.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { stepProblems, useStep } from '../../../ui/steps.ts';
import { useResource } from '../../../ui/useResource.ts';
import { Actions } from './Actions.tsx';
import { EvidenceSection } from './Evidence.tsx';
import { History } from './History.tsx';
import { PolicySection } from './PolicySection.tsx';
import { CaseOrder, CaseOutcome, CaseSummary } from './Summary.tsx';
import type { Post } from './types.ts';

const isAction = (step: string): step is Action => (ACTIONS as readonly string[]).includes(step);

export function CasePage({ code, officers }: { code: string; officers: { id: string; name: string }[] }) {
  const { t, number } = useI18n();
  const kase = useResource(() => api<ComplaintView>('GET', `/api/v1/complaints/${encodeURIComponent(code)}`), [code]);
  const view = kase.data;
  const [saved, setSaved] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const noticeRef = useFocusOn<HTMLParagraphElement>(saved);
  const names = new Map(officers.map((o) => [o.id, o.name]));
  const step = useStep<ComplaintView>(code, view?.version, kase.reload, 'regulator.conflict');

  // The heading takes the focus once the case (or why it could not load) is on screen.
  const ready = view !== undefined || kase.error !== null;
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready]);

  const post: Post = async (action, body, fields) => {
    const word = (_field: string, p: Parameters<typeof problemText>[1]) => problemText(t, p);
    // A lifecycle step is checked first with the schema the server checks it with.
    const problems = isAction(action) ? stepProblems(action, body) : [];
    if (problems.length) return { ...byField(problems, fields, word), '': t('error.validation') };
    const r = await step(action, body);
    if (r.ok) {
      kase.set(r.view);
      setSaved((n) => n + 1);
      return null;
    }
    if (r.conflict) return { '': r.conflict };
    return { ...byField(apiProblems(r.error), fields, word), '': errorText(t, r.error) };
  };

  if (kase.error && !view)
    return (
      <div className="stack">
        <h1 ref={heading} tabIndex={-1}>
          {t('regulator.case.title', { code })}
        </h1>
        <FormError text={errorText(t, kase.error)} />
        <Link to="/regulator">{t('regulator.case.back')}</Link>
      </div>
    );
  if (!view) return <Loading />;

  const chain = view.historyChain;
  const broken = chain && !chain.ok ? view.timeline.find((e) => e.seq === chain.brokenAtSeq) : undefined;

  return (
    <div className="stack r-case">
      <p>
        <Link to="/regulator">{t('regulator.case.back')}</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('regulator.case.title', { code: view.trackingCode })}
      </h1>
      {chain &&
        (chain.ok ? (
          <p className="r-chain-ok">
            <span aria-hidden="true">✔ </span>
            {t('regulator.chain.ok', { n: chain.events })}
          </p>
        ) : (
          <p className="r-chain-broken" role="alert">
            {t('regulator.chain.broken', {
              seq: number(chain.brokenAtSeq ?? 0),
              event: broken ? t(`regulator.event.${broken.type}` as UiKey) : '—',
              reason: chain.reason ?? '',
            })}
          </p>
        ))}
      {saved > 0 && (
        <p ref={noticeRef} tabIndex={-1} role="status" className="r-done">
          {t('regulator.done')}
        </p>
      )}
      <p>
        <a className="button" href={`/api/v1/regulator/cases/${view.trackingCode}/case-file.pdf`} download={`nalish-case-${view.trackingCode}.pdf`}>
          {t('regulator.case.caseFile')}
        </a>
      </p>

      <CaseSummary view={view} officers={names} />
      <CaseOutcome view={view} />

      <section aria-labelledby="r-act-h">
        <h2 id="r-act-h">{t('regulator.actions')}</h2>
        <Actions view={view} post={post} officers={officers} />
      </section>

      <CaseOrder view={view} />

      {view.policy && <PolicySection code={view.trackingCode} state={view.state} policy={view.policy} post={post} />}

      <EvidenceSection code={view.trackingCode} items={view.evidence} />

      <History timeline={view.timeline} officers={names} brokenFrom={broken?.seq} />
    </div>
  );
}
