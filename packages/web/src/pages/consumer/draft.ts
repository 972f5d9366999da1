// The filing draft is kept on the phone as the consumer types (the one draft store,
// ui/drafts.ts), so a reload, a closed tab or a dropped connection never loses it; the files'
// bytes are kept in IndexedDB under each file's id (ui/fileStore.ts), whatever their size. A
// complaint waits in an outbox (kept the same way) until it and its files have gone out: sent
// while offline, or with files still uploading when the tab is killed, it goes on when the
// connection or the page returns. Inside the widget's frame the store keeps them for the tab only.
import type { FileComplaintInput } from '@nalish/domain';
import { readDraft, removeDraft, writeDraft } from '../../ui/drafts.ts';

export interface DraftEvidence {
  id: string;
  /** As it will be sent (a shrunk photo is a .jpg). */
  name: string;
  type: string;
  size: number;
  /** The file the consumer chose, when the phone shrank it (pages/consumer/file/prepareFile.ts). */
  original?: { sha256: string; sizeBytes: number };
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

export function loadDraft(): Draft {
  const d = readDraft<Partial<Draft>>(DRAFT_KEY);
  const e = emptyDraft();
  return d ? { ...e, ...d, merchant: { ...e.merchant, ...d.merchant }, order: { ...e.order, ...d.order }, pre: { ...e.pre, ...d.pre }, facts: { ...e.facts, ...d.facts }, evidence: d.evidence ?? [] } : e;
}
export const saveDraft = (d: Draft) => writeDraft(DRAFT_KEY, d, 'device');
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
export const saveOutbox = (o: Outbound) => writeDraft(OUTBOX_KEY, o, 'device');
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
