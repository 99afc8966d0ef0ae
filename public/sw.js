// reqlab's offline shell: after one visit the app loads with the network off.
//
// It serves only the app's own files (the page at the worker's scope, its JS and wasm, the workers and the
// library, the manifest and the icon), network first, from the cache when the network fails. Every other request,
// above all the requests people send with reqlab (to reqlab-echo on this same origin too), is left alone:
// a request tester must never answer from a cache on the user's behalf.
const CACHE = 'reqlab-shell-v1';
const scope = new URL(self.registration.scope);

// The app's files, by their path under the scope (trunk names the page's JS and wasm with a hash).
const APP_FILE = /^(|index\.html|manifest\.webmanifest|public\/favicon\.svg|(reqlab-web|snippet-worker|import-worker|library|streams|reference|auth|workflow|graphql)[\w-]*\.(js|wasm))$/;

function appPath(url) {
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname) || url.search) return null;
  const path = url.pathname.slice(scope.pathname.length);
  return APP_FILE.test(path) ? path : null;
}

// Installing caches the page, every file it names and what it starts at once (the snippet worker, the
// library), so the first visit is enough. Feature bundles (the import worker, the live view, the API reference) are not downloaded on a first
// visit: the fetch handler below caches each one when it is first used, and it works offline from then on.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch(scope.href, { cache: 'no-cache' });
      const html = await page.clone().text();
      // The live view (streams), the API reference, the auth, workflow and GraphQL bundles are named in the page's script but
      // loaded on first use only.
      const named = [...html.matchAll(/\.\/([\w.-]+\.(?:js|wasm))/g)].map((m) => m[1]).filter((f) => !/^(streams|reference|auth|workflow|graphql)/.test(f));
      const workers = ['snippet-worker', 'library'].flatMap((w) => [`${w}.js`, `${w}_bg.wasm`, `${w}_loader.js`]);
      const files = new Set([...named, ...workers,
        'manifest.webmanifest', 'public/favicon.svg']);
      await cache.put(scope.href, page);
      await Promise.all([...files].map((file) => cache.add(new URL(file, scope)).catch(() => undefined)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const path = appPath(new URL(request.url));
  if (path === null) return;
  // The page is cached under the scope's URL, whichever of its names was asked for.
  const key = path === '' || path === 'index.html' ? scope.href : request;
  event.respondWith(
    (async () => {
      try {
        const response = await fetch(request);
        if (response.ok) {
          const cache = await caches.open(CACHE);
          await cache.put(key, response.clone());
        }
        return response;
      } catch (offline) {
        // reqlab-echo answers `Vary: Origin`; the page asks for its module and wasm in CORS mode (with an
        // Origin header), the install step without one: the same file either way.
        const cached = await caches.match(key, { ignoreVary: true });
        if (cached) return cached;
        throw offline;
      }
    })(),
  );
});
