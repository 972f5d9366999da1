// The signed-in officer, for every page of the console.
import { createContext, useContext } from 'react';

export interface Officer {
  officerId: string;
  officeId: string;
  name: string | null;
  email: string | null;
  officeName: string | null;
  officeNameBn: string | null;
}

export const OfficerContext = createContext<Officer | null>(null);
export function useOfficer(): Officer {
  const o = useContext(OfficerContext);
  if (!o) throw new Error('useOfficer outside the console');
  return o;
}
