// The page's first act (a classic script in <head>, so it runs before the HTML is parsed and
// before any module loads): start the analysis worker. Its module graph, wasm and dictionary
// then load in parallel with the page's own; src/web/bridge.rs adopts it (EARLY_WORKER).
try {
  globalThis.huixiEarlyWorker = new Worker('worker.js', { type: 'module' });
} catch (e) {
  console.warn('huixi: worker not started early', e);
}
