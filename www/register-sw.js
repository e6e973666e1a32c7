// Registers the offline service worker (sw.js) for the page. Only on http(s) origins: file://
// has no service workers. Embeds (<huixi-report> on other sites) never load this file, so
// embedding huixi never installs a service worker on someone else's origin.
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  // updateViaCache 'none': the browser checks sw.js and its precache list against the server,
  // not its HTTP cache, so a new build is seen at the next visit.
  navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).catch((e) => {
    // Not secure (plain http on a non-local host) or no build yet: the page works, just not offline.
    console.warn('huixi: offline mode unavailable:', e?.message ?? e);
  });
}
