// What the browser-driven scripts share (tests/e2e/e2e.mjs, tests/bench/*.mjs): the Chromium
// they launch, its flags, their static server, and a user's paste.

import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import zlib from 'node:zlib';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8' };

// A paste as the browser delivers it: a paste event with the clipboard's text (the page may take
// it, as it does with megabytes), else the browser's own insertion and one input event (page.fill
// is slow on megabytes). It replaces the text: into the box with all of it selected, or onto the
// long-text panel when that shows. The text is in `window.__clip` already (put there by the
// caller), so that a timing around the paste measures the page, not the transfer.
export function pasteStaged(page) {
  return page.evaluate(() => {
    const text = window.__clip;
    delete window.__clip;
    const panel = document.querySelector('#big-text');
    const box = document.querySelector('#input');
    const target = panel ?? box;
    window.__pastedAt = performance.now();   // for timings that start at the paste
    box.select();   // the user replaces what the box held
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const ev = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    target.dispatchEvent(ev);
    if (ev.defaultPrevented) return 'taken';
    box.value = text;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    return 'inserted';
  });
}

// `text` pasted into a page that is ready: ms from the paste to the result in the DOM (the
// worker may still be warming its rules up; the UI renders its first report).
export async function pasteAtReady(page, text) {
  await page.evaluate((text) => {
    window.__clip = text;
    const runs0 = Number(document.querySelector('[data-runs]')?.dataset.runs ?? 0);
    window.__shown = null;
    new MutationObserver((_, o) => {
      if (Number(document.querySelector('[data-runs]')?.dataset.runs ?? 0) > runs0) { window.__shown = performance.now(); o.disconnect(); }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-runs'] });
  }, text);
  await pasteStaged(page);
  await page.waitForFunction(() => window.__shown !== null, null, { timeout: 60_000, polling: 50 });
  return page.evaluate(() => window.__shown - window.__pastedAt);
}

// Every file of the app a browser may download from www/ (the wasm build included), sorted:
// all but dotfiles and the benchmark page.
export async function appFiles(www) {
  const walk = async (dir) => {
    const out = [];
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) out.push(...await walk(p)); else out.push(p);
    }
    return out;
  };
  return (await walk(www)).filter((f) => !/[/\\]bench\.(html|js)$/.test(f)).sort();
}

// Length of `buf` brotli-compressed at the highest quality (what a server's precompressed assets
// hold), by Node's own brotli: the same number on every machine.
export function brotliLength(buf) {
  const { constants: c } = zlib;
  return zlib.brotliCompressSync(buf, {
    params: { [c.BROTLI_PARAM_QUALITY]: 11, [c.BROTLI_PARAM_LGWIN]: 24, [c.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;
}

// What the bench scripts (tests/bench/) add to a page they time: the page says on the console
// when the app's root says data-ready="true" (`huixi-bench:ready <ms since navigation>`) and when
// bench.html sets its result, window.__bench (`huixi-bench:done`). Waiting with waitForFunction
// would have Playwright inject and run its script (~50 ms of the page's main thread, in a trace)
// while the page starts. For page.addInitScript.
export const READY_PROBE = () => {
  new MutationObserver((_, obs) => {
    if (!document.querySelector('[data-ready="true"]')) return;
    obs.disconnect();
    console.debug(`huixi-bench:ready ${performance.now()}`);
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  Object.defineProperty(window, '__bench', {
    configurable: true,
    set(v) {
      Object.defineProperty(window, '__bench', { value: v, writable: true, configurable: true });
      console.debug('huixi-bench:done');
    },
  });
};

// The app mounted and its analyser ready. (index.html's first view, the shell, says
// data-ready="true" before the app is in, when the worker is ready: main.js then swaps the app in.)
export const APP_READY = 'main[data-ready="true"]:not([data-shell])';

// The console message READY_PROBE gives for `what` ('ready' or 'done'); wait on it before goto.
export const saying = (page, what, timeout) =>
  page.waitForEvent('console', { predicate: (m) => m.text().startsWith(`huixi-bench:${what}`), timeout });

// A static server on a free localhost port: `route(path, req)` names the file to
// send for a URL path, or gives `{ body, name }` (the name for its type), or `{ respond }`
// (`respond(req, res)` answers itself: status, headers, a streamed body), or null (404). Extra
// `headers` go with every file or body answer. Resolves to { server, url }.
export async function serve(route, headers = {}) {
  const server = createServer(async (req, res) => {
    try {
      const hit = await route(decodeURIComponent(new URL(req.url, 'http://x').pathname), req);
      if (!hit) throw new Error('not found');
      if (typeof hit.respond === 'function') {
        try { await hit.respond(req, res); } catch { res.destroy(); }
        return;
      }
      const { body, name } = typeof hit === 'string' ? { body: await readFile(hit), name: hit } : hit;
      res.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

// The file of `www` a URL path names (a directory: its index.html), or null.
export const inWww = (www, path) => under(www, path.endsWith('/') ? path + 'index.html' : path);

// A path inside dir (for a static server's URL path), or null.
export function under(dir, rel) {
  const file = join(dir, normalize(rel).replace(/^(\.\.[/\\])+/, ''));
  return file === dir || file.startsWith(dir + sep) ? file : null;
}

// www/worker.js with faults on demand (a test server serves this for worker.js): a text holding
// 〔抛出异常〕 gets the error a thrown analyze() (a wasm abort) answers, one holding 〔线程崩溃〕
// makes the worker throw uncaught. `function run` becomes a reassignable binding, then is wrapped.
export async function faultyWorker(file) {
  const { readFile } = await import('node:fs/promises');
  return (await readFile(file, 'utf8')).replace('function run(', 'let run = function run(') + `
const __run = run;
run = (msg) => {
  if (String(msg.text).includes('〔抛出异常〕')) {
    postMessage({ type: 'error', id: msg.id, message: 'RuntimeError: unreachable' });
    return;
  }
  if (String(msg.text).includes('〔线程崩溃〕')) throw new Error('worker crashed');
  __run(msg);
};`;
}
