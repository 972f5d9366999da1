// A complaint as the API shows it to its merchant (GET /api/v1/complaints/{code}).
import type { Evidence } from '../../../evidence.ts';
import type { PolicyView } from '../../../policy/model.ts';

export type { Evidence };

export interface ComplaintView {
  trackingCode: string;
  version: number;
  state: string;
  dueAt: string | null;
  overdue: boolean;
  merchant: { id: string; name: string } | null;
  consumer: { name: string; phone: string; email: string | null; district: string };
  order: { number: string; date: string; amountBdt: number; paymentChannel: string };
  orderConfirmed?: boolean;
  problemCategory: string;
  description: string;
  wantedRemedy: string;
  preChecks: { contactedMerchant: boolean; contactedOn?: string; remedyReceived: string; problemDate: string };
  response: { kind: 'offer' | 'defence'; remedy?: string; amountBdt?: number; byDate?: string; message: string; evidenceIds?: string[] } | null;
  rating: number | null;
  actions: string[];
  timeline: { seq: number; type: string; actorRole: string; fromState: string | null; toState: string; at: string; payload: Record<string, unknown> }[];
  evidence: Evidence[];
  policy: PolicyView | null;
}

