// Where evidence files live. Disk is the default; an S3-compatible store implements the
// same three calls (see s3.ts).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export interface Storage {
  put(key: string, data: Buffer, mediaType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/** Keys are our own (complaint id / evidence id), never a user's filename. */
function safeKey(key: string): string {
  if (!/^[a-z0-9][a-z0-9/-]*$/.test(key) || key.includes('..')) throw new Error(`bad storage key: ${key}`);
  return key;
}

export function diskStorage(root: string): Storage {
  const base = resolve(root);
  const pathOf = (key: string) => join(base, safeKey(key));
  return {
    async put(key, data) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Write then rename: a reader never sees half a file.
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, data, { mode: 0o640 });
      await rename(tmp, path);
    },
    get: (key) => readFile(pathOf(key)),
    delete: (key) => rm(pathOf(key), { force: true }),
  };
}
