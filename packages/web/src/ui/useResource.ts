// The one way pages load data: call `load` when the page opens and whenever `deps` change,
// keep what came back, keep the error (with what was shown before, if anything), and let
// the page reload (after a step, or "try again") or replace the data with a newer copy it
// already has (a step's answer). An answer that arrives after a newer request started is
// dropped, so a slow old answer never overwrites a fresh one.
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  /** The last data loaded; undefined until the first answer. */
  data: T | undefined;
  /** The last load's error, or null. */
  error: unknown;
  loading: boolean;
  /** Load again, keeping the data on screen meanwhile; resolves to the new data (undefined on error). */
  reload(): Promise<T | undefined>;
  /** Replace the data (an answer that already carries the new state). */
  set(data: T): void;
}

export function useResource<T>(load: () => Promise<T>, deps: DependencyList): Resource<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true });
  const latest = useRef(load);
  latest.current = load;
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const n = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await latest.current();
      if (n === seq.current) setState({ data, error: null, loading: false });
      return data;
    } catch (error) {
      if (n === seq.current) setState((s) => ({ data: s.data, error, loading: false }));
      return undefined;
    }
  }, []);

  useEffect(() => {
    // A new subject (another complaint, other filters): nothing of the old one stays on screen.
    setState({ data: undefined, error: null, loading: true });
    void reload();
    return () => {
      seq.current++;
    };
    // The caller names what the load depends on, as with useEffect.
  }, deps);

  const set = useCallback((data: T) => {
    seq.current++;
    setState({ data, error: null, loading: false });
  }, []);

  return { ...state, reload, set };
}
