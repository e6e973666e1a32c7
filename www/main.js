// Starts the page's app from the user-interface module (pkg/huixi_ui.js: the Yew app, without
// the analysis engine, which runs in the worker boot.js started). Other pages import the engine
// module (pkg/huixi.js) for analyze(); nothing mounts there.
//
// index.html holds the app's first view (the shell), and boot.js says on it when the worker is
// ready. The app is loaded only then: loading it while the worker loads the engine had the two
// compete for the cores, and the page was ready later
// (docs/perf-history.md, "First view in index.html"). Then the app replaces the shell and gets what
// the user did on it: the box's text, caret and focus, the sample chosen, and what boot.js kept (a
// long paste, dropped files, a button clicked).

import('./register-sw.js').catch((e) => console.warn('huixi: offline mode unavailable:', e));

const root = document.getElementById('app');
// What boot.js shares (www/README.md, "The boot object"); absent if boot.js did not run.
const boot = globalThis.huixiBoot;
const mark = (name) => { if (boot) boot.marks[name] = performance.now(); };
mark('main');
// Without a word from the worker by then, the app loads anyway (and tells what went wrong).
const SHELL_WAIT_MS = 4000;

const shellShown = () => (boot?.shellOn ?? false) && root.querySelector('main[data-shell]');

// What the user did on the shell, read right before the swap.
function readShell(shell) {
  const box = shell.querySelector('#input');
  return {
    value: box?.value ?? '',
    start: box?.selectionStart ?? 0,
    end: box?.selectionEnd ?? 0,
    dir: box?.selectionDirection ?? 'none',
    scroll: box?.scrollTop ?? 0,
    focused: box !== null && document.activeElement === box,
    sample: shell.querySelector('#samples')?.value ?? '',
  };
}

// …and handed to the app, through the same events a user's actions make.
function replay(was, early) {
  const box = document.getElementById('input');
  if (box && was.value) {
    box.value = was.value;
    box.setSelectionRange(was.start, was.end, was.dir);
    box.scrollTop = was.scroll;
    // As a paste: the app analyses it at once (typing waits for a pause).
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }
  if (box && early?.paste != null) {
    const data = new DataTransfer();
    data.setData('text/plain', early.paste);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }
  if (box && was.focused) box.focus();
  const samples = document.getElementById('samples');
  if (samples && was.sample) {
    samples.value = was.sample;
    samples.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const app = root.querySelector('main');
  if (app && early?.files?.length) {
    const data = new DataTransfer();
    for (const f of early.files) data.items.add(f);
    app.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }
  if (early?.click) document.querySelector(early.click)?.click();
}

// The app renders its first view in a microtask after run_app(): wait for its box.
function whenRendered() {
  const box = () => root.querySelector('main:not([data-shell]) #input');
  return new Promise((ok) => {
    if (box()) { ok(); return; }
    const seen = new MutationObserver(() => { if (box()) { seen.disconnect(); ok(); } });
    seen.observe(root, { childList: true, subtree: true });
  });
}

try {
  if (shellShown()) {
    await Promise.race([boot.engineReady, new Promise((ok) => setTimeout(ok, SHELL_WAIT_MS))]);
  }
  // The module, the file it imports and the wasm, fetched together.
  const wasm = WebAssembly.compileStreaming(fetch('pkg/huixi_ui_bg.wasm'));
  wasm.catch(() => {});   // init() below fetches it itself if this failed
  import('./page-engine.js').catch(() => {});
  const { default: init, run_app } = await import('./pkg/huixi_ui.js');
  const module = await wasm.catch(() => null);
  await init(module ? { module_or_path: module } : undefined);
  mark('ui');
  const shell = root.querySelector('main[data-shell]');
  const was = shell ? readShell(shell) : null;
  root.textContent = '';
  run_app(root);
  mark('mounted');
  if (was) whenRendered().then(() => replay(was, boot?.early));
  // The app's first frame painted (for the benchmark): a frame callback runs just before the
  // frame's style and layout, a task queued from it runs after them.
  requestAnimationFrame(() => setTimeout(() => mark('frame')));
} catch (e) {
  // The shell keeps the user's text: say it there. Without one, in the page.
  const status = root.querySelector('main[data-shell] #status');
  if (status) {
    status.textContent = '加载失败：' + e + '。请复制输入框中的文本后刷新页面重试。';
    status.classList.add('error');
    root.querySelector('main[data-shell]').dataset.ready = 'false';
  } else {
    root.textContent = '加载失败：' + e + '。请刷新页面重试。';
  }
  console.error(e);
}
