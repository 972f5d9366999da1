// What every step of the filing flow shares: the props a step gets (the draft, a way to
// change it, the errors by field path) and the step's form with Back and Next (Send on the
// review). Enter anywhere in a step submits it.
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Draft } from '../draft.ts';

export interface StepProps {
  d: Draft;
  /** Change the draft (kept on the phone at once). */
  update: (f: (d: Draft) => Draft) => void;
  /** The error at a field path ('order.date'), if any. */
  err: (path: string) => string | undefined;
}

export function StepForm(props: { children: ReactNode; onSubmit: () => void; onBack: (() => void) | null; last?: boolean; busy?: string }) {
  const { t } = useI18n();
  return (
    <form
      noValidate
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!props.busy) props.onSubmit();
      }}
    >
      {props.children}
      <div className="step-nav">
        {props.onBack ? (
          <button type="button" onClick={props.onBack}>
            {t('common.back')}
          </button>
        ) : (
          <span />
        )}
        <button type="submit" className="primary" disabled={Boolean(props.busy)}>
          {t(props.last ? 'consumer.review.send' : 'common.next')}
        </button>
      </div>
      {/* What is being sent, next to the button pressed (not a screen above it), said aloud. */}
      <p className="sending" role="status">
        {props.busy}
      </p>
    </form>
  );
}
