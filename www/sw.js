// The offline service worker: precaches the app shell and the wasm, serves them cache-first.
// pkg/precache.js (written by `scripts/huixi.sh build`) lists the files and a hash of their
// contents; the cache is named after that hash, so every build gets a cache of its own and
// activating it deletes the older ones.
importScripts('pkg/precache.js');

const { version, files } = self.HUIXI_PRECACHE;
const PREFIX = 'huixi-';
const CACHE = PREFIX + version;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'reload': the files of this build, not what the HTTP cache kept from an older one.
    await cache.addAll(files.map((f) => new Request(f, { cache: 'reload' })));
    // The page's module is already running; files it loads later (a new worker) come from the
    // new cache together, so the new version can take over at once.
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(req, { ignoreSearch: true, ignoreVary: true });
    if (hit) return hit;
    try {
      return await fetch(req);
    } catch (e) {
      // Offline on a URL of the app that is not precached (e.g. /index.html?x#y is, /foo is not).
      if (req.mode === 'navigate') {
        const shell = await cache.match('index.html');
        if (shell) return shell;
      }
      throw e;
    }
  })());
});
