// Service worker of the Industrial City Renewal Calculator: every asset of the release build is
// precached at install, so the page works offline after its first load.
//
// `cargo xtask dist` writes this file into dist/ with the two placeholders replaced: the list of
// the build's files (hashed names, read from dist/, never kept by hand) and a version derived
// from them. Each version has its own cache; older ones are deleted when it activates. A new
// version waits until the page asks it to take over (the update prompt).
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `renewal-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => tellClients()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('renewal-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Everything comes from the cache first. A navigation (any path or query, e.g. ?lang=zh or an
// embed link) gets the cached index.html: the view is chosen by the fragment, in the page.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(caches.open(CACHE).then((c) => c.match('./index.html')).then((r) => r ?? fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((r) => r ?? fetch(request)));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'status') complete().then((ready) => event.source?.postMessage({ type: 'status', ready, version: VERSION }));
});

async function complete() {
  const cache = await caches.open(CACHE);
  const found = await Promise.all(ASSETS.map((a) => cache.match(a)));
  return found.every(Boolean);
}

async function tellClients() {
  const ready = await complete();
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) {
    client.postMessage({ type: 'status', ready, version: VERSION });
  }
}
