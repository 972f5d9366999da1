// Where the keyboard focus goes, so a screen reader says what just happened: the page's
// heading when a page opens, a message when it appears, the first field in error once the
// errors are on screen (after the render, never before: the field may not exist yet).
import { type ReactNode, type RefObject, useEffect, useRef } from 'react';

/** A ref whose element takes the focus each time `when` changes to something truthy. */
export function useFocusOn<E extends HTMLElement>(when: unknown): RefObject<E | null> {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}

/**
 * The first invalid field inside `root` (else its form-level error) takes the focus; for an
 * invalid group of choices (a fieldset), its first choice.
 */
function focusFirstError(root: ParentNode | null | undefined): void {
  const invalid = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = invalid?.matches('fieldset') ? invalid.querySelector<HTMLElement>('input, select, textarea') : invalid;
  (target ?? root?.querySelector<HTMLElement>('.form-error'))?.focus();
}

/**
 * Once a new set of errors is rendered, its first invalid field takes the focus. Pass the
 * errors object itself: showing the same errors again (a second failed try) focuses again.
 */
export function useFocusFirstError(errors: Record<string, string> | null | undefined, root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (errors && Object.values(errors).some(Boolean)) focusFirstError(root.current);
  }, [errors, root]);
}

/** The heading takes the focus when `dep` changes (not on the first render): a new step or view. */
export function useHeadingFocus(dep: unknown): RefObject<HTMLHeadingElement | null> {
  const ref = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [dep]);
  return ref;
}

/** The page's heading; it takes the focus when the page opens. */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
