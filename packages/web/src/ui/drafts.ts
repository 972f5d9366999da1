// What people type is kept on the device until it has been sent, so a reload, a closed tab or
// a lost connection never loses it: the consumer's filing draft and its offline outbox, the
// merchant's answer and contest forms, the officer's forms on a case. One store for all:
// 'device' drafts live in localStorage (they outlive the tab), 'tab' drafts in sessionStorage.
// When the browser refuses storage (a third-party frame with storage blocked), drafts live
// in memory for as long as the page does. The files people attach are kept apart, in
// IndexedDB (ui/fileStore.ts): a draft holds each file's id and name.
import { useCallback, useState } from 'react';

export type DraftScope = 'device' | 'tab';
type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const memory = new Map<string, string>();
const inMemory: Store = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) };

/** The storage, or memory when the browser refuses it. */
function usable(get: () => Storage): Store {
  try {
    const s = get();
    s.getItem('nalish.probe');
    return s;
  } catch {
    return inMemory;
  }
}

const stores: Partial<Record<DraftScope, Store>> = {};
let prefix = '';
const store = (scope: DraftScope) => (stores[scope] ??= usable(() => (scope === 'device' ? localStorage : sessionStorage)));

/**
 * Inside the widget's frame on a shop's page: every draft is kept for this tab only, under
 * keys of its own, so it never replaces a draft the person has on the Nalish site itself.
 */
export function keepDraftsInTab(keyPrefix: string): void {
  stores.device = store('tab');
  prefix = keyPrefix;
}

export function readDraft<T>(key: string, scope: DraftScope = 'device'): T | null {
  try {
    const raw = store(scope).getItem(prefix + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** Keep a draft. When storage refuses it, the draft lives on screen only (files are kept apart, ui/fileStore.ts). */
export function writeDraft<T>(key: string, value: T, scope: DraftScope = 'device'): void {
  try {
    store(scope).setItem(prefix + key, JSON.stringify(value));
  } catch {
    /* storage unavailable or full: the draft lives in memory only */
  }
}

export function removeDraft(key: string, scope: DraftScope = 'device'): void {
  try {
    store(scope).removeItem(prefix + key);
  } catch {
    /* nothing kept, nothing to remove */
  }
}

/**
 * A form's values kept as a draft under `key`: what was saved, over `initial` (so a field
 * added later still has its default). `set` keeps each change at once; `clear` forgets it
 * (after the form was sent).
 */
export function useDraft<T extends object>(key: string, initial: T, scope: DraftScope = 'device') {
  const [value, setValue] = useState<T>(() => ({ ...initial, ...(readDraft<Partial<T>>(key, scope) ?? {}) }));
  const set = useCallback(
    (patch: Partial<T> | ((old: T) => T)) =>
      setValue((old) => {
        const next = typeof patch === 'function' ? patch(old) : { ...old, ...patch };
        writeDraft(key, next, scope);
        return next;
      }),
    [key, scope],
  );
  const clear = useCallback(() => {
    removeDraft(key, scope);
    setValue(initial);
    // `initial` is the form's empty state, fixed for the form's life.
  }, [key, scope]);
  return [value, set, clear] as const;
}
