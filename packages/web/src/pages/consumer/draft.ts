// The filing draft is kept on the phone as the consumer types (the one draft store,
// ui/drafts.ts), so a reload, a closed tab or a dropped connection never loses it. A complaint
// sent while offline waits in an outbox (kept the same way) and is sent when the connection
// returns. Inside the widget's frame the store keeps all three for the tab only.
import type { FileComplaintInput } from '@nalish/domain';
import { readDraft, removeDraft, writeDraft } from '../../ui/drafts.ts';

export interface DraftEvidence {
  id: string;
  name: string;
  type: string;
  size: number;
  /** data: URL, so the file survives a reload (best effort: dropped if storage is full). */
  data?: string;
}

export interface Draft {
  step: number;
  phone: string;
  merchant: { id?: string; name: string; website: string; facebookPage: string; registered?: boolean };
  order: { number: string; date: string; amount: string; paymentChannel: string };
  category: string;
  wantedRemedy: string;
  pre: { contacted: '' | 'yes' | 'no'; contactedOn: string; remedyReceived: string; problemDate: string };
  /** Answers for the policy checks; '' is "I don't know". */
  facts: DraftFacts;
  description: string;
  name: string;
  district: string;
  email: string;
  evidence: DraftEvidence[];
  /** The shop's signed order context (widget): the order fields above come from it. */
  orderContext?: string;
}

export interface DraftFacts {
  paidOn: string;
  delivered: '' | 'yes' | 'no';
  deliveredOn: string;
  sameCity: '' | 'yes' | 'no';
  refundReason: string;
  refunded: '' | 'yes' | 'no';
  refundedOn: string;
  refundedAmount: string;
}

const DRAFT_KEY = 'nalish.consumer.draft';
const OUTBOX_KEY = 'nalish.consumer.outbox';
const FILED_KEY = 'nalish.consumer.filed';

export function emptyDraft(): Draft {
  return {
    step: 1,
    phone: '',
    merchant: { name: '', website: '', facebookPage: '' },
    order: { number: '', date: '', amount: '', paymentChannel: '' },
    category: '',
    wantedRemedy: '',
    pre: { contacted: '', contactedOn: '', remedyReceived: 'none', problemDate: '' },
    facts: { paidOn: '', delivered: '', deliveredOn: '', sameCity: '', refundReason: '', refunded: '', refundedOn: '', refundedAmount: '' },
    description: '',
    name: '',
    district: '',
    email: '',
    evidence: [],
  };
}

/** Keep the words when storage is full: drop the files' contents (best effort). */
const withoutFileData = <T extends { evidence: DraftEvidence[] }>(v: T) => ({ ...v, evidence: v.evidence.map(({ data: _d, ...e }) => e) });

export function loadDraft(): Draft {
  const d = readDraft<Partial<Draft>>(DRAFT_KEY);
  const e = emptyDraft();
  return d ? { ...e, ...d, merchant: { ...e.merchant, ...d.merchant }, order: { ...e.order, ...d.order }, pre: { ...e.pre, ...d.pre }, facts: { ...e.facts, ...d.facts }, evidence: d.evidence ?? [] } : e;
}
export const saveDraft = (d: Draft) => writeDraft(DRAFT_KEY, d, 'device', withoutFileData);
export const clearDraft = () => removeDraft(DRAFT_KEY);

/** A complaint waiting to be sent; `code` is set once the complaint itself went through. */
export interface Outbound {
  body: FileComplaintInput;
  phone: string;
  evidence: DraftEvidence[];
  code?: string;
  dueAt?: string | null;
}
export const loadOutbox = () => readDraft<Outbound>(OUTBOX_KEY);
export const saveOutbox = (o: Outbound) => writeDraft(OUTBOX_KEY, o, 'device', withoutFileData);
export const clearOutbox = () => removeDraft(OUTBOX_KEY);

export interface Filed {
  code: string;
  phone: string;
  dueAt: string | null;
  evidenceFailed: boolean;
}
export const loadFiled = () => readDraft<Filed>(FILED_KEY);
export function saveFiled(f: Filed | null) {
  if (f) writeDraft(FILED_KEY, f);
  else removeDraft(FILED_KEY);
}

export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export function dataUrlToBlob(data: string): Blob {
  const [head, b64 = ''] = data.split(',');
  const type = /data:([^;]+)/.exec(head ?? '')?.[1] ?? 'application/octet-stream';
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}
