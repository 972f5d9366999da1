// Findings for facts not yet filed: POST /api/v1/policy/evaluate, a moment after the last
// change (so typing a date sends one request, not ten), the older request cancelled when a
// newer one starts. It never blocks anything: offline or on an error there are simply no
// findings to show.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { Evaluation } from './model.ts';

const DEBOUNCE_MS = 350;

export function useEvaluation(facts: Record<string, unknown> | null): { result: Evaluation | null; pending: boolean } {
  const key = facts ? JSON.stringify(facts) : '';
  const [result, setResult] = useState<Evaluation | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!key || !navigator.onLine) {
      setResult(null);
      setPending(false);
      return;
    }
    const abort = new AbortController();
    setPending(true);
    const timer = setTimeout(() => {
      api<Evaluation>('POST', '/api/v1/policy/evaluate', { body: JSON.parse(key) as unknown, signal: abort.signal })
        .then((r) => {
          if (!abort.signal.aborted) setResult(r);
        })
        .catch(() => {
          if (!abort.signal.aborted) setResult(null);
        })
        .finally(() => {
          if (!abort.signal.aborted) setPending(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [key]);
  return { result, pending };
}
