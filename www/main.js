// Starts the page (index.html). The module itself never mounts anything: other pages import it
// only for analyze(), so the page starts only here, with run_app. No static import: the worker
// must not wait for another module to load.

// The analysis worker starts now, before the page's own wasm is fetched and compiled: its
// dictionary is built in parallel, and the page adopts it (src/web/bridge.rs, EARLY_WORKER).
try {
  globalThis.huixiEarlyWorker = new Worker('worker.js', { type: 'module' });
} catch (e) {
  console.warn('huixi: worker not started early', e);
}

import('./register-sw.js').catch((e) => console.warn('huixi: offline mode unavailable:', e));

const root = document.getElementById('app');
try {
  const { default: init, run_app } = await import('./pkg/huixi.js');
  await init();
  root.textContent = '';
  run_app(root);
} catch (e) {
  root.textContent = '加载失败：' + e + '。请刷新页面重试。';
  console.error(e);
}
