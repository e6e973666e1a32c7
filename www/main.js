// Starts the page (index.html) from the user-interface module (pkg/huixi_ui.js: the Yew app,
// without the analysis engine, which runs in the worker boot.js started). Other pages import
// the engine module (pkg/huixi.js) for analyze(); nothing mounts there.

import('./register-sw.js').catch((e) => console.warn('huixi: offline mode unavailable:', e));

const root = document.getElementById('app');
const mark = (name) => { if (globalThis.huixiPageMarks) globalThis.huixiPageMarks[name] = performance.now(); };
mark('main');
try {
  const { default: init, run_app } = await import('./pkg/huixi_ui.js');
  // The module boot.js compiled; compiled here only if that failed.
  const module = await globalThis.huixiUiModule?.catch(() => null);
  await init(module ? { module_or_path: module } : undefined);
  mark('ui');
  root.textContent = '';
  run_app(root);
  mark('mounted');
  // The app's first frame painted (for the benchmark): a frame callback runs just before the
  // frame's style and layout, a task queued from it runs after them.
  requestAnimationFrame(() => setTimeout(() => mark('frame')));
} catch (e) {
  root.textContent = '加载失败：' + e + '。请刷新页面重试。';
  console.error(e);
}
