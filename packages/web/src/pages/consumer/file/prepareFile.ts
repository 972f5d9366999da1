// A file as the phone sends it. A camera photo (4 MB and more) took 89 s on slow 3G, so an
// image is shrunk here before it is kept or sent: long side 1600 px, JPEG, which keeps a
// receipt's print and a parcel's label readable at about 200–500 KB. The SHA-256 of the file
// the consumer chose goes with it, so the record names both what was chosen and what was filed.
//
// Done with the browser's own decoder and encoder (createImageBitmap and a canvas): no library
// to download (the filing flow has a JavaScript budget, docs/PERFORMANCE.md), the camera's
// EXIF orientation applied by the decoder, and work the phone's native code does fast. A
// browser that cannot decode the image sends it as it is.

/** The long side of a shrunk photo, in pixels. */
export const LONG_SIDE = 1600;
/** Images at most this large and long are sent as they are (a screenshot stays a sharp PNG). */
const SMALL_ENOUGH_BYTES = 900 * 1024;
const JPEG_QUALITY = 0.82;
const SHRINKABLE = ['image/jpeg', 'image/png', 'image/webp'];

export interface Prepared {
  blob: Blob;
  name: string;
  type: string;
  /** The file the consumer chose, when what is sent differs from it. */
  original?: { sha256: string; sizeBytes: number };
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  if (!g) return Promise.resolve(null);
  // A transparent PNG would turn black in a JPEG: paint it on white.
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.imageSmoothingQuality = 'high';
  g.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
}

export async function prepareFile(file: File): Promise<Prepared> {
  const as = { blob: file as Blob, name: file.name, type: file.type };
  if (!SHRINKABLE.includes(file.type)) return as;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return as;
  }
  try {
    const long = Math.max(bitmap.width, bitmap.height);
    if (long <= LONG_SIDE && file.size <= SMALL_ENOUGH_BYTES) return as;
    const scale = Math.min(1, LONG_SIDE / long);
    const small = await encode(bitmap, Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
    if (!small || small.size >= file.size) return as;
    const stem = file.name.replace(/\.[^.]*$/, '') || 'photo';
    return { blob: small, name: `${stem}.jpg`, type: 'image/jpeg', original: { sha256: await sha256Hex(file), sizeBytes: file.size } };
  } finally {
    bitmap.close();
  }
}
