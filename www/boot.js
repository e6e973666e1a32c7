// The page's first act (a classic script in <head>, so it runs before the HTML is parsed and
// before any module loads): start fetching and compiling both wasm modules and start the
// analysis worker.
//  - pkg/huixi_bg.wasm, the analysis engine (jieba, its dictionary, the extractors): compiled
//    once here and posted to the worker, whose script loads meanwhile. The page never
//    instantiates it (unless no worker can start: src/web/bridge.rs then loads it on the page).
//  - pkg/huixi_ui_bg.wasm, the page's user interface (Yew): small, so the page mounts while the
//    worker builds the dictionary instead of competing with it. main.js instantiates it.
// src/web/bridge.rs adopts the worker (EARLY_WORKER).
// Start-up marks (ms since navigation) for the browser benchmark (tests/bench/browser-bench.mjs).
globalThis.huixiPageMarks = { boot: performance.now() };
try {
  globalThis.huixiUiModule = WebAssembly.compileStreaming(fetch('pkg/huixi_ui_bg.wasm'));
  globalThis.huixiUiModule.catch(() => {});   // main.js loads it itself if this failed
  const module = WebAssembly.compileStreaming(fetch('pkg/huixi_bg.wasm'));
  globalThis.huixiWasmModule = module;
  globalThis.huixiPageMarks.workerNew = performance.now();
  // The name tells worker.js to wait for the module instead of fetching its own.
  const worker = new Worker('worker.js', { type: 'module', name: 'huixi-shared-module' });
  globalThis.huixiEarlyWorker = worker;
  // A worker that fails before src/web/bridge.rs adopts it (worker.js missing, say) would fail
  // unheard: un-offer it, so the bridge starts its own and sees that one fail. The bridge sets
  // its own `onerror`, which replaces this one.
  worker.onerror = (e) => {
    e.preventDefault();
    if (globalThis.huixiEarlyWorker === worker) delete globalThis.huixiEarlyWorker;
    worker.terminate();
  };
  // Ready before the bridge adopts it, the worker goes on to warm the extractors up and would
  // answer the bridge's 'hello' only after that (~100 ms): remember its 'ready' for the bridge.
  const sawReady = (e) => {
    if (e.data?.type !== 'ready') return;
    globalThis.huixiEarlyWorkerReady = worker;
    globalThis.huixiPageMarks.workerReady = performance.now();
    worker.removeEventListener('message', sawReady);
  };
  worker.addEventListener('message', sawReady);
  module.then(
    (m) => worker.postMessage({ type: 'module', module: m }),
    (e) => {
      console.warn('huixi: wasm not compiled early', e);
      worker.postMessage({ type: 'module', module: null });   // the worker loads its own
    });
} catch (e) {
  console.warn('huixi: worker not started early', e);
}
