// The offline service worker: precaches the app and its wasm, serves them cache-first.
// pkg/precache.js (written by `scripts/huixi.sh build`) lists the files, each with its SHA-256,
// and a version (a hash of them all); the cache is named after the version.
//  - Each file is fetched with its hash as the request's integrity: a file that does not match
//    (a deployment still being copied, a proxy's rewrite) fails the install, and the version in
//    use stays until a later visit finds the whole new build.
//  - One version per open page: a new version waits until no page runs the old one (no
//    skipWaiting), so a page never loads, say, a new worker.js or reader module that speaks
//    another protocol than its own code. It takes over at the next visit after those pages close.
//  - Only the app's own files are answered: a request for anything else in this worker's scope
//    (deployed at a site's root, that is every path of the site) goes to the network untouched,
//    and offline a page that is not the app's is the browser's error, never the app.
importScripts('pkg/precache.js');

const { version, files } = self.HUIXI_PRECACHE;
const PREFIX = 'huixi-';
const CACHE = PREFIX + version;

// The app's URLs (query and fragment aside), and the cache key each is stored under: the page
// itself is asked for as the scope's root ("./") or as index.html.
const key = (url) => { const u = new URL(url, self.registration.scope); return u.origin + u.pathname; };
const OWN = new Map(files.map(([f]) => [key(f), f]));
OWN.set(key('index.html'), './');

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(files.map(async ([f, integrity]) => {
      // 'reload': this build's file, not what the HTTP cache kept from an older one.
      const res = await fetch(new Request(f, { cache: 'reload', integrity }));
      if (!res.ok) throw new Error(`${f}: HTTP ${res.status}`);
      await cache.put(f, res);
    }));
  })().catch(async (e) => {
    // Nothing of a failed install stays.
    await caches.delete(CACHE);
    throw e;
  }));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const k of await caches.keys()) {
      if (k.startsWith(PREFIX) && k !== CACHE) await caches.delete(k);
    }
    // A page that loaded before any version was installed is taken over by this one: its
    // files came from the network, which served this build.
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const name = OWN.get(key(req.url));
  if (name === undefined) return;
  event.respondWith((async () => {
    const hit = await (await caches.open(CACHE)).match(name, { ignoreVary: true });
    return hit ?? fetch(req);
  })());
});
