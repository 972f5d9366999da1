// The filing flow inside the widget's frame on a shop's page (EmbedFilePage provides it; on the
// Nalish site there is none): what FilePage does differently there.
import { createContext, useContext } from 'react';

export interface Embed {
  /** The merchant is the shop the widget is on; it cannot be changed. */
  merchantLocked: boolean;
  /** Ask the shop's page to close the overlay; `reset` after filing, so it opens fresh next time. */
  close(reset: boolean): void;
}

export const EmbedContext = createContext<Embed | null>(null);
export const useEmbed = (): Embed | null => useContext(EmbedContext);
