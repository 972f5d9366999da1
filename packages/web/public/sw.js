// Nalish service worker: the app shell and built assets are kept on the phone, so the app
// opens without a connection. Navigations go to the network first and fall back to the
// cached shell; hashed assets come from the cache first. /api/ is never cached: complaint
// data always comes fresh from the server (a complaint written offline waits in the app's
// own outbox in localStorage, not here).
const CACHE = 'nalish-shell-v1';
const SHELL = ['/manifest.webmanifest', '/icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        await cache.addAll(SHELL);
        // The server sends the shell to requests that accept HTML.
        const page = await fetch(new Request('/', { headers: { accept: 'text/html' } }));
        if (!page.ok) throw new Error('shell ' + page.status);
        await cache.put('/', page.clone());
        // Precache the scripts and styles the shell references (hashed file names).
        const html = await page.text();
        // Then follow the scripts' own imports, so the lazily loaded consumer pages open
        // offline too (the merchant portal and regulator console are left to the network).
        const seen = new Set();
        const queue = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]);
        while (queue.length > 0 && seen.size < 60) {
          const name = queue.shift();
          if (seen.has(name) || /^(Merchant|Regulator)/.test(name)) continue;
          seen.add(name);
          const res = await fetch('/assets/' + name);
          if (!res.ok) continue;
          await cache.put('/assets/' + name, res.clone());
          if (name.endsWith('.js')) {
            const text = await res.text();
            for (const m of text.matchAll(/["'`](?:\.\/|\/?assets\/)([\w.-]+\.(?:js|css))["'`]/g)) queue.push(m[1]);
          }
        }
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;

  if (req.mode === 'navigate') {
    // Network first: a fresh shell when online; the cached shell for any app path offline.
    event.respondWith(
      fetch(req)
        .then((res) => {
          // The widget's embed page (framed by shops, with its own frame-ancestors) and the demo
          // shop are not the app shell: never keep them as '/'.
          if (res.ok && !/^\/(embed\/|demo-shop)/.test(url.pathname)) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put('/', copy));
          }
          return res;
        })
        .catch(() => caches.match('/').then((r) => r || Response.error())),
    );
    return;
  }

  if (url.pathname.startsWith('/assets/')) {
    // Hashed, immutable: cache first, and keep what the app loads later (lazy pages).
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ||
          fetch(req).then((res) => {
            if (res.ok) {
              const copy = res.clone();
              caches.open(CACHE).then((c) => c.put(req, copy));
            }
            return res;
          }),
      ),
    );
    return;
  }

  event.respondWith(fetch(req).catch(() => caches.match(req).then((r) => r || Response.error())));
});
