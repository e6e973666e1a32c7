// The page's first act (a classic script in <head>, so it runs before the HTML is parsed and
// before any module loads): start the analysis worker and start fetching and compiling the
// page's own wasm.
//  - The worker fetches, compiles and instantiates pkg/huixi_bg.wasm, the analysis engine
//    (jieba, its dictionary, the extractors), itself. Compiling it here once for the page and
//    the worker (sessions 3–5) put the end of that compile on the page's main thread, which the
//    UI needs: measured, the worker's own fetch made the page ready 25–40 ms sooner (BENCHMARKS.md,
//    session 6). The page never instantiates the engine (unless no worker can start:
//    src/web/bridge.rs then loads it on the page).
//  - pkg/huixi_ui_bg.wasm, the page's user interface (Yew): small, so the page mounts while the
//    worker builds the dictionary instead of competing with it. main.js instantiates it.
// src/web/bridge.rs adopts the worker (EARLY_WORKER).
// Start-up marks (ms since navigation) for the browser benchmark (tests/bench/browser-bench.mjs).
globalThis.huixiPageMarks = { boot: performance.now() };
try {
  globalThis.huixiUiModule = WebAssembly.compileStreaming(fetch('pkg/huixi_ui_bg.wasm'));
  globalThis.huixiUiModule.catch(() => {});   // main.js loads it itself if this failed
  // Settles when the worker is ready (or failed): register-sw.js waits for it.
  let engineReady;
  globalThis.huixiEngineReady = new Promise((ok) => { engineReady = ok; });
  globalThis.huixiPageMarks.workerNew = performance.now();
  const worker = new Worker('worker.js', { type: 'module' });
  globalThis.huixiEarlyWorker = worker;
  // A worker that fails before src/web/bridge.rs adopts it (worker.js missing, say) would fail
  // unheard: un-offer it, so the bridge starts its own and sees that one fail. The bridge sets
  // its own `onerror`, which replaces this one.
  worker.onerror = (e) => {
    e.preventDefault();
    if (globalThis.huixiEarlyWorker === worker) delete globalThis.huixiEarlyWorker;
    engineReady();
    worker.terminate();
  };
  // Ready before the bridge adopts it, the worker goes on to warm the extractors up and would
  // answer the bridge's 'hello' only after that (~100 ms): remember its 'ready' for the bridge.
  const sawReady = (e) => {
    if (e.data?.type === 'fatal') engineReady();
    if (e.data?.type !== 'ready') return;
    engineReady();
    globalThis.huixiEarlyWorkerReady = worker;
    globalThis.huixiPageMarks.workerReady = performance.now();
    worker.removeEventListener('message', sawReady);
  };
  worker.addEventListener('message', sawReady);
} catch (e) {
  console.warn('huixi: worker not started early', e);
}
// A slow load (a poor network) says that it is loading; a fast one never lays that message out:
// in index.html it cost a frame of 10-15 ms (the page's first layout of Chinese text: font
// lookups) just before the app mounted, and the app was ready later (A/B: 202 → 189 ms,
// BENCHMARKS.md, session 11). main.js replaces the message when the app mounts, or with the
// error if loading failed.
setTimeout(() => {
  const app = document.getElementById('app');
  if (!app || app.firstChild) return;
  const p = document.createElement('p');
  p.className = 'boot';
  p.textContent = '正在加载会析……';
  app.append(p);
}, 400);
