// Builds the loader into dist/widget.js: one minified IIFE, no dependencies. Its few words come
// from the domain catalogue (widget.*), so Bengali and English live with every other message.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CATALOGUES } from '@nalish/domain';
import { build } from 'esbuild';

export const OUT = fileURLToPath(new URL('./dist/widget.js', import.meta.url));
const ENTRY = fileURLToPath(new URL('./src/widget.ts', import.meta.url));

const words = Object.fromEntries(
  (['bn', 'en'] as const).map((l) => {
    const c = CATALOGUES[l];
    return [l, { button: c['widget.button'], dialog: c['widget.dialog'], close: c['widget.close'], frame: c['widget.frame'], notHere: c['widget.notHere'], openNalish: c['widget.openNalish'] }];
  }),
);

/** The loader's minified source. */
export async function buildLoader(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    // Browsers shops' customers use: Shadow DOM, fetch, optional chaining.
    target: 'es2020',
    define: { __WORDS__: JSON.stringify(words) },
    legalComments: 'none',
    write: false,
  });
  return `/* Nalish widget - docs/INTEGRATION.md */\n${result.outputFiles[0]!.text}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = await buildLoader();
  await mkdir(new URL('./dist/', import.meta.url), { recursive: true });
  await writeFile(OUT, code);
  console.log(`widget: ${OUT} (${Buffer.byteLength(code)} bytes)`);
}
