// Starts the page (index.html). The module itself never mounts anything: other pages import it
// only for analyze(), so the page starts only here, with run_app. The analysis worker was started,
// and the wasm compiled, by boot.js already.

import('./register-sw.js').catch((e) => console.warn('huixi: offline mode unavailable:', e));

const root = document.getElementById('app');
try {
  const { default: init, run_app } = await import('./pkg/huixi.js');
  // The module boot.js compiled (and gave the worker too); compiled here only if that failed.
  const module = await globalThis.huixiWasmModule?.catch(() => null);
  await init(module ? { module_or_path: module } : undefined);
  root.textContent = '';
  run_app(root);
} catch (e) {
  root.textContent = '加载失败：' + e + '。请刷新页面重试。';
  console.error(e);
}
