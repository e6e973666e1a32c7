// Registers the offline service worker (sw.js) for the page. Only on http(s) origins: file://
// has no service workers. Embeds (<huixi-report> on other sites) never load this file, so
// embedding huixi never installs a service worker on someone else's origin.
//
// Not at once: installing downloads every file of the app again (the 2.5 MB engine too) and has
// Chromium compile the wasm it caches, all while the page starts. Measured on first visits (a fresh
// browser context, 2 cores), registering at once made the page ready 80–130 ms later
// (docs/perf-history.md, "Service worker registered after ready"). So it waits for the analysis
// worker's 'ready' (boot.js), and a second more for its warm-up analysis; 5 s at most if that never
// comes.
const AFTER_READY_MS = 1000;
const AT_MOST_MS = 5000;

function register() {
  // updateViaCache 'none': the browser checks sw.js and its precache list against the server,
  // not its HTTP cache, so a new build is seen at the next visit.
  navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).catch((e) => {
    // Not secure (plain http on a non-local host) or no build yet: the page works, just not offline.
    console.warn('huixi: offline mode unavailable:', e?.message ?? e);
  });
}

if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  const ready = globalThis.huixiBoot?.engineReady ?? Promise.resolve();
  const atMost = new Promise((ok) => setTimeout(ok, AT_MOST_MS));
  Promise.race([ready, atMost]).then(() => setTimeout(register, AFTER_READY_MS));
}
