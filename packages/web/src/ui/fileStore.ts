// The files people attach, kept on the device until they have been sent: in IndexedDB, which
// holds photos of any size (localStorage held about 5 MB in all, so a camera photo was dropped
// from the draft, and cheap phones kill the tab when the camera opens). What a draft records
// is each file's id, name, type and size (ui/drafts.ts); the bytes are here, under that id.
// When the browser refuses IndexedDB (a third-party frame with storage blocked, a private
// window), files live in memory for as long as the page does.

const DB_NAME = 'nalish-files';
const STORE = 'files';

const memory = new Map<string, Blob>();
let opened: Promise<IDBDatabase | null> | null = null;

function db(): Promise<IDBDatabase | null> {
  opened ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opened;
}

function run<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  return db().then(
    (d) =>
      new Promise<T | undefined>((resolve, reject) => {
        if (!d) return resolve(undefined);
        const tx = d.transaction(STORE, mode);
        const req = f(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      }),
  );
}

/** Keep a file's bytes under `id`. Never throws: when the disk refuses, the page keeps them. */
export async function putFile(id: string, blob: Blob): Promise<void> {
  memory.set(id, blob);
  try {
    await run('readwrite', (s) => s.put(blob, id));
  } catch {
    /* quota or storage refused: kept in memory for this page */
  }
}

/** A kept file, or null when it is not on this device (any more). */
export async function getFile(id: string): Promise<Blob | null> {
  const m = memory.get(id);
  if (m) return m;
  try {
    const b = await run<unknown>('readonly', (s) => s.get(id));
    return b instanceof Blob ? b : null;
  } catch {
    return null;
  }
}

export async function deleteFile(id: string): Promise<void> {
  memory.delete(id);
  try {
    await run('readwrite', (s) => s.delete(id));
  } catch {
    /* nothing kept, nothing to remove */
  }
}
