// The filing draft lives in localStorage as the consumer types, so a reload, a closed tab or
// a dropped connection never loses it. A complaint sent while offline waits in an outbox
// (also localStorage) and is sent when the connection returns.
import type { FileComplaintInput } from '@nalish/domain';

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

export const DRAFT_KEY = 'nalish.consumer.draft';
export const OUTBOX_KEY = 'nalish.consumer.outbox';
export const FILED_KEY = 'nalish.consumer.filed';

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

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const memory = new Map<string, string>();
const inMemory: Store = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) };
/** The storage, or memory when the browser refuses it (a third-party frame with storage blocked). */
function usable(get: () => Storage): Store {
  try {
    const s = get();
    s.getItem(DRAFT_KEY);
    return s;
  } catch {
    return inMemory;
  }
}

// The widget's frame keeps its draft apart (sessionStorage, its own keys): it must not replace
// a draft the consumer has on the Nalish site, and it only lives as long as the shop's tab.
let store: Store | null = null;
let prefix = '';
const storage = () => (store ??= usable(() => localStorage));
export function keepDraftsInTab(keyPrefix: string): void {
  store = usable(() => sessionStorage);
  prefix = keyPrefix;
}

function read<T>(key: string): T | null {
  try {
    const raw = storage().getItem(prefix + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** Write; when storage is full, drop the files' contents and keep the words. */
function write(key: string, value: { evidence: DraftEvidence[] }): void {
  try {
    storage().setItem(prefix + key, JSON.stringify(value));
  } catch {
    try {
      storage().setItem(prefix + key, JSON.stringify({ ...value, evidence: value.evidence.map(({ data: _d, ...e }) => e) }));
    } catch {
      /* storage unavailable: the draft lives in memory only */
    }
  }
}

export function loadDraft(): Draft {
  const d = read<Partial<Draft>>(DRAFT_KEY);
  const e = emptyDraft();
  return d ? { ...e, ...d, merchant: { ...e.merchant, ...d.merchant }, order: { ...e.order, ...d.order }, pre: { ...e.pre, ...d.pre }, facts: { ...e.facts, ...d.facts }, evidence: d.evidence ?? [] } : e;
}
export const saveDraft = (d: Draft) => write(DRAFT_KEY, d);
export const clearDraft = () => storage().removeItem(prefix + DRAFT_KEY);

/** A complaint waiting to be sent; `code` is set once the complaint itself went through. */
export interface Outbound {
  body: FileComplaintInput;
  phone: string;
  evidence: DraftEvidence[];
  code?: string;
  dueAt?: string | null;
}
export const loadOutbox = () => read<Outbound>(OUTBOX_KEY);
export const saveOutbox = (o: Outbound) => write(OUTBOX_KEY, o);
export const clearOutbox = () => storage().removeItem(prefix + OUTBOX_KEY);

export interface Filed {
  code: string;
  phone: string;
  dueAt: string | null;
  evidenceFailed: boolean;
}
export const loadFiled = () => read<Filed>(FILED_KEY);
export function saveFiled(f: Filed | null) {
  if (f) storage().setItem(prefix + FILED_KEY, JSON.stringify(f));
  else storage().removeItem(prefix + FILED_KEY);
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
