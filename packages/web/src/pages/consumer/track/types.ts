// A complaint as the API shows it to its consumer (GET /api/v1/complaints/{code}).
import type { PolicyView } from '../../../policy/model.ts';

export interface View {
  trackingCode: string;
  version: number;
  state: string;
  owner: string | null;
  dueAt: string | null;
  overdue: boolean;
  merchant: { id: string; name: string } | null;
  order: { number: string; amountBdt: number };
  orderConfirmed?: boolean;
  response: { kind: 'offer' | 'defence'; remedy?: string; amountBdt?: number; byDate?: string; message: string } | null;
  regulatorWindow: { lastDay: string; open: boolean };
  hearing: { at: string; mode: 'online' | 'in_person'; place: string } | null;
  decision: { outcome: 'upheld' | 'dismissed'; fineBdt: number; reasons: string; order?: string } | null;
  fineCollectedBdt: number | null;
  complainantShareBdt: number | null;
  rating: number | null;
  actions: string[];
  timeline: { seq: number; type: string; actorRole: string; at: string; payload: unknown }[];
  evidence: { id: string; filename: string; mediaType: string; uploadedBy: string; createdAt: string }[];
  policy: PolicyView | null;
}
