// Taking a step on a complaint: every area sends the version of the complaint it showed, and a
// step someone else's change overtook (409) reloads the complaint and tells the person so in
// their words, from the catalogue, while the form keeps what they typed. Lifecycle steps are
// checked first with the very schema the server validates them with.
import { type Action, ActionPayloads } from '@nalish/domain';
import { ApiError, api } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { UiKey } from '../i18n/en.ts';
import { type Problem, schemaProblems } from './errors.ts';

/** A lifecycle action, or a policy step that also names the version it saw. */
export type Step = Action | 'policy/facts' | 'policy/review';

/** The endpoint of a step: /api/v1/complaints/{code}/{action with dashes}. */
const stepPath = (code: string, step: Step) => `/api/v1/complaints/${encodeURIComponent(code)}/${step.replaceAll('_', '-')}`;

/** What is wrong with a lifecycle step's body, by the domain's own schema (none when it is valid). */
export function stepProblems(action: Action, body: unknown): Problem[] {
  const r = ActionPayloads[action].safeParse(body);
  return r.success ? [] : schemaProblems(r.error.issues);
}

const isConflict = (e: unknown) => e instanceof ApiError && e.status === 409 && e.code === 'conflict';

export type StepResult<V> = { ok: true; view: V } | { ok: false; conflict: string; error?: undefined } | { ok: false; error: unknown; conflict?: undefined };

/**
 * A function that posts steps on one complaint, with the version last shown (plus `moved`:
 * changes this page made itself meanwhile, such as its own uploads). On 409 it reloads and
 * answers with `conflict`, the sentence to show; other errors come back for the form to word.
 */
export function useStep<V>(code: string, version: number | undefined, reload: () => Promise<unknown>, conflict: UiKey) {
  const { t } = useI18n();
  return async (step: Step, body: object, moved = 0): Promise<StepResult<V>> => {
    try {
      const view = await api<V>('POST', stepPath(code, step), { body: { ...body, ...(version !== undefined ? { expectedVersion: version + moved } : {}) } });
      return { ok: true, view };
    } catch (error) {
      if (!isConflict(error)) return { ok: false, error };
      await reload();
      return { ok: false, conflict: t(conflict) };
    }
  };
}
