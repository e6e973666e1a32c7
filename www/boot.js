// The page's first act (a classic script in <head>, so it runs before the HTML is parsed and
// before any module loads): fetch and compile the wasm once, and start the analysis worker.
// The compiled module goes to the worker (a message) and to the page (main.js), so the 4 MB
// module is compiled once instead of once per thread, and the worker's script loads while it
// compiles. src/web/bridge.rs adopts the worker (EARLY_WORKER).
try {
  const module = WebAssembly.compileStreaming(fetch('pkg/huixi_bg.wasm'));
  globalThis.huixiWasmModule = module;
  // The name tells worker.js to wait for the module instead of fetching its own.
  const worker = new Worker('worker.js', { type: 'module', name: 'huixi-shared-module' });
  globalThis.huixiEarlyWorker = worker;
  module.then(
    (m) => worker.postMessage({ type: 'module', module: m }),
    (e) => {
      console.warn('huixi: wasm not compiled early', e);
      worker.postMessage({ type: 'module', module: null });   // the worker loads its own
    });
} catch (e) {
  console.warn('huixi: worker not started early', e);
}
