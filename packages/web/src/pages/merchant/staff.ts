// The signed-in merchant staff member (or API key), for every page of the portal.
import type { Identity } from '@nalish/domain/responses';
import { createContext, useContext } from 'react';

export type Staff = Extract<Identity, { role: 'merchant' }>;

export const StaffContext = createContext<Staff | null>(null);
export function useStaff(): Staff {
  const s = useContext(StaffContext);
  if (!s) throw new Error('useStaff outside the merchant portal');
  return s;
}
