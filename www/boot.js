// The page's first act (a classic script in <head>, so it runs before the HTML is parsed and
// before any module loads): start the analysis worker and start fetching and compiling the
// page's own wasm.
//  - The worker fetches, compiles and instantiates pkg/huixi_bg.wasm, the analysis engine (jieba,
//    its dictionary, the extractors), itself. Compiling it here and posting it to the worker, as
//    this script once did, put the end of that compile on the page's main thread, which the UI
//    needs: measured, the worker's own fetch made the page ready 25–40 ms sooner
//    (docs/perf-history.md, "Worker fetches and compiles the engine"). The page never instantiates
//    the engine (unless no worker can start: crates/ui/src/bridge/inline.rs then loads it on the page).
//  - The page's first view is in index.html (the "shell": the markup the app renders before
//    'ready'), painted from the HTML. When the worker is ready this script says so on the shell,
//    and main.js loads the app (pkg/huixi_ui_bg.wasm, Yew) and swaps it in. Loading the app
//    while the worker loaded the engine had the two compete for this machine's 2 cores (a first
//    visit keeps both busy): with the shell, ready 301 → 254 ms (A/B, 31 first visits;
//    docs/perf-history.md, "First view in index.html").
//  - Until the app is in, what the user does on the shell is kept for it: the box's text as
//    typed, and here a long paste (which the box would take seconds to lay out), a dropped file
//    (which the browser would open instead of the page) and a click on the language or file
//    button. main.js hands them to the app.
// What this script shares with main.js, register-sw.js, the app's bridge (crates/ui/src/bridge/)
// and the benchmarks: one object, `globalThis.huixiBoot` (www/README.md, "The boot object").
const boot = globalThis.huixiBoot = {
  // Start-up marks, ms since navigation (boot.js, main.js; read by tests/bench/).
  marks: { boot: performance.now() },
  // The shell is shown (not with English chosen: the shell is Chinese).
  shellOn: true,
  // What the user did on the shell, for main.js to hand to the app.
  early: { paste: null, files: null, click: null },
  // Settles when the worker is ready, failed or could not start (main.js, register-sw.js).
  engineReady: null,
  // The worker started here, until the bridge adopts it (it then sets this to null).
  worker: null,
  // That worker said 'ready' before the bridge adopted it: right after 'ready' it warms the
  // extractors up (~100 ms), so the bridge's 'hello' would be answered only after that.
  workerReady: false,
};

// The shell is for the page's default language: with English chosen (crates/ui/src/app/i18n.rs keeps
// it in localStorage), the page stays empty until the app is in, as it did before the shell.
try { boot.shellOn = localStorage.getItem('huixi-lang') !== 'en'; } catch { /* storage blocked */ }
if (!boot.shellOn) document.documentElement.classList.add('no-shell');

// The status on the shell once the worker is ready, and the length (UTF-16 units) from which a
// paste stays out of the box: the app's own (crates/ui/src/app/mod.rs `Status::Idle`, input.rs
// `BIG_TEXT`), written here by `make shell` (crates/ui/tests/shell.rs keeps them current).
// <first-view>
const SHELL_READY = "词典已就绪。粘贴或拖入文本即开始分析。";
const SHELL_BIG_PASTE = 300000;
// </first-view>
const shell = () => document.querySelector('main[data-shell]');
const early = boot.early;
document.addEventListener('paste', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  if (!shell() || target?.id !== 'input') return;
  const text = e.clipboardData?.getData('text/plain') ?? '';
  if (text.length < SHELL_BIG_PASTE) return;   // the box takes it, as usual
  e.preventDefault();
  early.paste = text;
}, true);
document.addEventListener('dragover', (e) => { if (shell() && e.dataTransfer?.types?.includes('Files')) e.preventDefault(); }, true);
document.addEventListener('drop', (e) => {
  if (!shell() || !e.dataTransfer?.files?.length) return;
  e.preventDefault();
  early.files = [...e.dataTransfer.files];
}, true);
document.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('button') : null;
  if (!shell() || !button) return;
  early.click = button.classList.contains('lang') ? 'main .lang' : 'main .dropzone .btn';
}, true);

let engineReady;
boot.engineReady = new Promise((ok) => { engineReady = ok; });
try {
  boot.marks.workerNew = performance.now();
  const worker = new Worker('worker.js', { type: 'module' });
  boot.worker = worker;
  // A worker that fails before the bridge (crates/ui/src/bridge/workers.rs) adopts it (worker.js
  // missing, say) would fail unheard: un-offer it, so the bridge starts its own and sees that one
  // fail. The bridge sets its own `onerror`, which replaces this one.
  worker.onerror = (e) => {
    e.preventDefault();
    if (boot.worker === worker) boot.worker = null;
    engineReady();
    worker.terminate();
  };
  const sawReady = (e) => {
    if (e.data?.type === 'fatal') engineReady();
    if (e.data?.type !== 'ready') return;
    if (boot.worker === worker) boot.workerReady = true;
    boot.marks.workerReady = performance.now();
    // Ready to analyse: a text in the box now is analysed as soon as the app is in (main.js).
    const s = boot.shellOn ? shell() : null;
    if (s) {
      const status = s.querySelector('#status');
      if (status) status.textContent = SHELL_READY;
      s.dataset.ready = 'true';
    }
    engineReady();
    worker.removeEventListener('message', sawReady);
  };
  worker.addEventListener('message', sawReady);
} catch (e) {
  console.warn('huixi: worker not started early', e);
  engineReady();   // main.js loads the app, which finds its own way
}
// A slow load (a poor network) says that it is loading; a fast one never lays that message out: in
// index.html it cost a frame of 10-15 ms (the page's first layout of Chinese text: font lookups)
// just before the app mounted, and the app was ready later (A/B: 202 → 189 ms,
// docs/perf-history.md, "Loading message only when slow"). main.js replaces the message when the
// app mounts, or with the error if loading failed.
setTimeout(() => {
  const app = document.getElementById('app');
  // (With the shell shown there is a page already; with it hidden, until the app replaces it.)
  if (!app || (boot.shellOn ? app.firstChild : !app.querySelector('main[data-shell]'))) return;
  const p = document.createElement('p');
  p.className = 'boot';
  p.textContent = '正在加载会析……';
  app.append(p);
}, 400);
