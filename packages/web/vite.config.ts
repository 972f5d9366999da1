import { type Plugin, defineConfig } from 'vite';

/**
 * Most consumers arrive on /file from a shop's link or the SMS, on slow 3G where every round trip
 * costs 400 ms: the page asks for the filing chunk and the modules it imports together with the
 * app, instead of one round trip after it. (About 10 KB gzip that other pages fetch for nothing.)
 */
function preloadFiling(): Plugin {
  return {
    name: 'nalish-preload-filing',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const filing = chunks.find((c) => c.facadeModuleId?.endsWith('/pages/consumer/file/FilePage.tsx'));
        if (!filing) throw new Error('the filing chunk was not found: its modulepreload would be missing');
        // The chunk and everything it imports statically, down the tree, less what the app has.
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const files = new Set<string>();
        const add = (name: string) => {
          if (files.has(name)) return;
          files.add(name);
          for (const i of byName.get(name)?.imports ?? []) add(i);
        };
        add(filing.fileName);
        for (const c of chunks) if (c.isEntry) for (const f of [c.fileName, ...c.imports]) files.delete(f);
        return [...files].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

// The app is written against React's API and types, and runs on Preact's compatibility layer:
// the same hooks, lazy and Suspense, at about a tenth of react-dom's weight. That is what
// brings the consumer's first visit on a cheap phone under the 110 KB budget (issue 11 point
// 19; docs/PERFORMANCE.md). JSX compiles straight to Preact's runtime; the aliases send every
// `react` import to preact/compat, in development and in the build alike.
export default defineConfig({
  plugins: [preloadFiling()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: [
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
