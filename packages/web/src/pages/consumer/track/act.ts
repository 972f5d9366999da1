// How the tracking page's sections take a step: `act` posts it with the version shown (and
// checks a lifecycle step with the server's own schema first); it answers true when the step
// was taken. `err` holds the errors by field ('form' for the page as a whole).
import type { ComplaintView as View } from '@nalish/domain/responses';
import type { UiKey } from '../../../i18n/en.ts';
import type { Step } from '../../../ui/steps.ts';

export interface Steps {
  view: View;
  act: (step: Step, body: object, field?: string, done?: UiKey) => Promise<boolean>;
  busy: boolean;
  err: Record<string, string>;
  setErr: (e: Record<string, string>) => void;
}
