// The widget loader script (packages/widget, built to one minified file by `npm run build`),
// held in memory with its gzip and brotli forms and a content hash. The hash is the ETag and
// the version: `/widget.js?v=<version>` may be cached for a year, the bare URL is revalidated.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const LOADER_FILE = fileURLToPath(new URL('../../../widget/dist/widget.js', import.meta.url));

export interface LoaderAsset {
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  version: string;
  etag: string;
}

export async function readLoader(path = LOADER_FILE): Promise<LoaderAsset | null> {
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return null;
  }
  const version = createHash('sha256').update(body).digest('base64url').slice(0, 12);
  return {
    body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    version,
    etag: `"${version}"`,
  };
}

/** Reads the file once it exists (a build after the server started is picked up). */
export function loaderSource(path = LOADER_FILE): () => Promise<LoaderAsset | null> {
  let asset: Promise<LoaderAsset | null> | null = null;
  return async () => {
    const a = await (asset ??= readLoader(path));
    if (!a) asset = null;
    return a;
  };
}

/** The best encoding the client accepts: brotli, gzip or none. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = (acceptEncoding ?? '').toLowerCase().split(',').map((p) => p.trim().split(';'));
  const ok = (name: string) => accepted.some(([n, q]) => n === name && !/q=0(\.0*)?$/.test(q?.trim() ?? ''));
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}
