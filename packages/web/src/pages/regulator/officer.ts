// The signed-in officer, for every page of the console.
import type { Identity } from '@nalish/domain/responses';
import { createContext, useContext } from 'react';

export type Officer = Extract<Identity, { role: 'officer' }>;

export const OfficerContext = createContext<Officer | null>(null);
export function useOfficer(): Officer {
  const o = useContext(OfficerContext);
  if (!o) throw new Error('useOfficer outside the console');
  return o;
}
