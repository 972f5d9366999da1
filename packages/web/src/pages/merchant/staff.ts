// The signed-in merchant staff member, for every page of the portal.
import { createContext, useContext } from 'react';

export interface Staff {
  role: 'merchant';
  merchantId: string;
  merchantName: string | null;
  userId: string | null;
  name: string | null;
  staffRole: 'owner' | 'agent' | null;
  email: string | null;
}

export const StaffContext = createContext<Staff | null>(null);
export function useStaff(): Staff {
  const s = useContext(StaffContext);
  if (!s) throw new Error('useStaff outside the merchant portal');
  return s;
}
