// <huixi-report>: a compact huixi summary of a report or speech, for other pages.
//
//   <script type="module" src="huixi-element.js"></script>
//   <huixi-report>5月15日下午，市委政法工作会议召开……</huixi-report>
//   <huixi-report text="……"></huixi-report>
//   <huixi-report src="report.txt"></huixi-report>
//   <huixi-report src="/members/report.txt" credentials="same-origin"></huixi-report>
//
// The text comes from the `text` attribute, else from the `src` URL, else from the element's
// own text content. The analysis runs in huixi's worker (worker.js next to this file), or on
// the main thread when the page cannot start that worker (another origin, a CSP without
// worker-src). The summary is drawn in a shadow root with text nodes only; the element then
// dispatches a `huixi-report` event (bubbling, composed) whose `detail` is the Report.
// Fetching `src` is the only request it makes besides loading huixi itself; it listens to no
// window messages.
//
// Fetching `src` (fetchText below): without cookies or HTTP auth unless `credentials` says
// "same-origin" or "include"; no redirect followed; only text/* or a declared charset; at most
// 20 MB, read as a stream and cancelled past it; aborted when `src` (or `text`) changes or the
// element leaves the page. Each refusal is a message in the element, in Chinese. Texts over
// 20 MB (UTF-8) are refused whatever their source.

const WORKER_URL = new URL('./worker.js', import.meta.url);
const MODULE_URL = new URL('./pkg/huixi.js', import.meta.url);
const MAX_BYTES = 20 * 1024 * 1024;       // as the page (crates/ui/src/bridge/mod.rs, MAX_TEXT_BYTES)
const MAX_MAIN_THREAD_CHARS = 300_000;    // without a worker, longer texts would freeze the page

const CSS = `
:host { display: block; font: inherit; color: inherit; border: 1px solid #d5dbe1; border-radius: 4px;
  padding: .6rem .9rem; background: #fff; }
:host([hidden]) { display: none; }
h3 { margin: 0 0 .4rem; font-size: 1rem; color: #a4161a; }
h4 { margin: .6rem 0 .2rem; font-size: .9rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: 0; }
dt { color: #5f6b76; } dd { margin: 0; }
ul { margin: 0; padding-left: 1.2rem; }
.status { color: #5f6b76; margin: 0; }
.warn li { color: #8a4b00; }
`;

let sheet = null;
function styleSheet() {
  if (!sheet && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    // A constructed sheet, not a <style> element: pages with style-src 'self' allow it.
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

// ------------------------------------------------------------------ the engine (one per page)
// One worker for all the elements of a page, given one request at a time from a queue (so a
// request never waits inside a worker that is replaced, and each failure is the failure of the
// one request it ran):
//  - analyze() threw in the worker (a wasm abort: { type: 'error' }): that request fails, the
//    worker is terminated (its state is unknown) and the next request gets a fresh one;
//  - the worker crashed after it was ready (an uncaught error): the same, for the request it ran;
//  - the worker could not start or load the wasm ('fatal', or an error before 'ready'): no
//    request has been given to it yet (requests are posted only once it is ready); they all
//    run on the main thread instead;
//  - the wasm memory grew past RELEASE_FROM_BYTES ('done' says how large): the worker is
//    terminated once it has answered, which gives the memory back, as the page does
//    (crates/ui/src/bridge/workers.rs); the next request starts a fresh one;
//  - a request whose element no longer wants it (aborted: a new text or src, the element left
//    the page) leaves the queue; if the worker is computing it and it is long, the worker is
//    terminated rather than left busy for seconds.
const RELEASE_FROM_BYTES = 64 * 1024 * 1024;   // as the page (workers.rs)
const KILL_FROM_UNITS = 200_000;               // an analysis this long takes ~0.2 s or more
let worker = null;         // { w, ready, current }
let nextId = 0;
const queue = [];          // requests not yet posted: { id, text, resolve, reject }
let mainThread = null;     // Promise of the JS API module, once the worker is given up

function startWorker() {
  let w;
  try {
    w = new Worker(WORKER_URL, { type: 'module' });
  } catch {
    return null;
  }
  const slot = { w, ready: false, current: null };
  w.onmessage = (e) => {
    if (worker !== slot) return;
    const m = e.data ?? {};
    if (m.type === 'ready') { slot.ready = true; pump(); return; }
    if (m.type === 'fatal') { giveUpWorker(); return; }
    if ((m.type !== 'done' && m.type !== 'error') || m.id !== slot.current?.id) return;
    const req = slot.current;
    slot.current = null;
    if (m.type === 'done') {
      req.resolve(m.report);
      if (m.memory >= RELEASE_FROM_BYTES) dropWorker();
    } else {
      req.reject(new Error(m.message));
      if (!m.refused) dropWorker();
    }
    pump();
  };
  w.onerror = (e) => {
    e.preventDefault();
    if (worker !== slot) return;
    if (!slot.ready) { giveUpWorker(); return; }
    const req = slot.current;
    slot.current = null;
    dropWorker();
    req?.reject(new Error('分析线程崩溃' + (e.message ? `（${e.message}）` : '')));
    pump();
  };
  return slot;
}

function dropWorker() {
  worker?.w.terminate();
  worker = null;
}

// The worker cannot run here: the page's own requests go to the main thread from now on.
function giveUpWorker() {
  const running = worker?.current;
  dropWorker();
  if (running?.text != null) queue.unshift(running);
  mainThread ??= import(MODULE_URL).then(async (m) => { await m.default(); return m; });
  for (const req of queue.splice(0)) onMainThread(req.text).then(req.resolve, req.reject);
}

// Gives the next queued request to the worker when it is ready and idle (starting one if needed).
function pump() {
  if (mainThread || !queue.length) return;
  worker ??= startWorker();
  if (!worker) { giveUpWorker(); return; }
  if (!worker.ready || worker.current) return;
  const req = worker.current = queue.shift();
  worker.w.postMessage({ id: req.id, text: req.text });
}

async function onMainThread(text) {
  if (charsOver(text, MAX_MAIN_THREAD_CHARS)) {
    throw new Error(`文本过长（超过 ${MAX_MAIN_THREAD_CHARS} 字），本页无法在后台分析它`);
  }
  return (await mainThread).analyze(text);
}

// Analyses `text`; `signal` aborting drops the request (the promise then rejects).
function analyzeText(text, signal) {
  if (mainThread) return onMainThread(text);
  return new Promise((resolve, reject) => {
    const settle = (f) => (v) => { signal?.removeEventListener('abort', onAbort); f(v); };
    const req = { id: ++nextId, text, resolve: settle(resolve), reject: settle(reject) };
    const onAbort = () => {
      const i = queue.indexOf(req);
      if (i >= 0) queue.splice(i, 1);
      else if (worker?.current === req) {
        worker.current = null;
        if (text.length >= KILL_FROM_UNITS) dropWorker();
        else worker.current = { id: req.id, resolve() {}, reject() {} };   // let it finish, unheard
        pump();
      }
      req.reject(signal.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    queue.push(req);
    pump();
  });
}

// Whether `text` has more than `limit` code points, counted without an array of its chars
// (`[...text]` made one string per char: ~0.7 s and hundreds of MB for 10 MB of text; the loop
// takes ~35 ms). A text of n UTF-16 units has between n / 2 and n code points, so only lengths
// between limit and 2 × limit are counted.
function charsOver(text, limit) {
  if (text.length <= limit) return false;
  if (text.length > 2 * limit) return true;
  return codePoints(text) > limit;
}

function codePoints(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) {
    const c = text.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF && (text.charCodeAt(i + 1) & 0xFC00) === 0xDC00) i++;
  }
  return n;
}

// The UTF-8 length of `text`, exact only where it decides against `max`, as the page's
// utf8_len (crates/ui/src/bridge/mod.rs) and worker.js: a UTF-16 unit is 1–3 bytes.
function utf8Bytes(text, max) {
  const units = text.length;
  if (units * 3 <= max || units > max) return units;
  let bytes = 0;
  for (let i = 0; i < units; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xD800 && c <= 0xDBFF && (text.charCodeAt(i + 1) & 0xFC00) === 0xDC00) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

const mb = (bytes) => (Math.ceil(bytes / (1024 * 1024) * 10) / 10).toFixed(1);   // up: never "20.0 MB, over 20 MB"
const tooLarge = (bytes, what) => `文本过大（约 ${mb(bytes)} MB），超过 ${MAX_BYTES / (1024 * 1024)} MB 的上限，${what}未进行分析。`;

// ------------------------------------------------------------------ fetching `src`
const CREDENTIALS = ['omit', 'same-origin', 'include'];

// The text at `src`, or an Error with a message for the reader. The rules:
//  - credentials: 'omit' unless the embedder asks for more with the `credentials` attribute
//    ("same-origin" or "include"): a report is public text, the reader's cookies are not needed
//    to read it, and sending them to whatever URL ends up in `src` is what an embedder must choose.
//  - no redirect is followed. The fetch API cannot see where a redirect leads before following
//    it ('manual' gives an opaque answer without its Location), so "follow only same-origin"
//    could only be checked once the request to the other origin had been made, with whatever
//    credentials the embedder allowed. With 'manual' the element makes exactly one request, to
//    the URL in `src`, and says so when that answers with a redirect (write the final URL).
//  - the answer must be text: a text/* type or a declared charset; anything else (an image, a
//    PDF, an untyped blob) is refused before its body is read.
//  - at most MAX_BYTES are read: a larger Content-Length is refused at once, and a body without
//    one is read as a stream and cancelled when it passes the cap (the download stops there).
//  - `signal` aborts the download (a new src or text, the element leaving the page).
async function fetchText(src, credentials, signal) {
  let res;
  try {
    res = await fetch(new URL(src, document.baseURI), { credentials, redirect: 'manual', signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new Error(`无法读取 ${src}（网络错误，或对方服务器不允许本页读取：${e?.message ?? e}）`);
  }
  const refuse = (message) => {
    res.body?.cancel().catch(() => {});
    return new Error(`无法读取 ${src}：${message}`);
  };
  if (res.type === 'opaqueredirect') throw refuse('服务器要求跳转到另一个地址，本元素不跟随跳转；请在 src 中写出最终地址。');
  if (!res.ok) throw refuse(`HTTP ${res.status}。`);
  const type = res.headers.get('content-type') ?? '';
  const mime = type.split(';')[0].trim().toLowerCase();
  const label = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
  if (!mime.startsWith('text/') && !label) {
    throw refuse(`服务器给出的内容类型是 ${mime || '（未注明）'}，不是文本，未进行分析（只分析 text/* 或注明 charset 的内容）。`);
  }
  let decoder;
  try {
    decoder = new TextDecoder(label ?? 'utf-8', label ? {} : { fatal: true });
  } catch {
    throw refuse(`未知的字符集 ${label}。`);
  }
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_BYTES) throw refuse(tooLarge(declared, '未下载，'));

  const chunks = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BYTES) {
        chunks.length = 0;
        reader.cancel().catch(() => {});
        throw new Error(`无法读取 ${src}：文本过大，超过 ${MAX_BYTES / (1024 * 1024)} MB 的上限，已停止下载，未进行分析。`);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.byteLength; }
  chunks.length = 0;
  if (label) return decoder.decode(bytes);
  try {
    return decoder.decode(bytes);
  } catch {
    // Chinese text files without a declared charset that are not UTF-8 are most often GBK.
    return new TextDecoder('gbk').decode(bytes);
  }
}

// ------------------------------------------------------------------ the element
const KINDS = { boilerplate: '网页杂项', placeholder: '模板占位符', off_topic: '疑似无关段落' };

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text != null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

class HuixiReport extends HTMLElement {
  static observedAttributes = ['text', 'src', 'credentials'];

  #root;
  #run = 0;
  #scheduled = false;
  #observer = null;
  #abort = null;   // AbortController of the running fetch and analysis

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const s = styleSheet();
    if (s) this.#root.adoptedStyleSheets = [s];
  }

  connectedCallback() {
    // Text content may be filled in after the element is connected (parsing, scripts).
    this.#observer ??= new MutationObserver(() => { if (!this.hasAttribute('text') && !this.hasAttribute('src')) this.#schedule(); });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#run++;   // drop whatever is still running: the download stops, the request leaves the queue
    this.#abort?.abort();
    this.#abort = null;
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#schedule();
  }

  /** The last Report drawn, or null. */
  report = null;

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => { this.#scheduled = false; this.#analyze(); });
  }

  async #analyze() {
    if (!this.isConnected) return;
    const run = ++this.#run;
    this.#abort?.abort();   // the previous text's download or analysis
    const { signal } = this.#abort = new AbortController();
    this.#status('正在分析……');
    let report;
    try {
      const text = await this.#text(signal);
      if (run !== this.#run) return;
      const bytes = utf8Bytes(text, MAX_BYTES);
      if (bytes > MAX_BYTES) throw new Error(tooLarge(bytes, ''));
      report = await analyzeText(text, signal);
    } catch (e) {
      if (run === this.#run) this.#status('会析分析失败：' + (e?.message ?? e));
      return;
    }
    if (run !== this.#run) return;
    this.report = report;
    this.#render(report);
    this.dispatchEvent(new CustomEvent('huixi-report', { detail: report, bubbles: true, composed: true }));
  }

  async #text(signal) {
    if (this.hasAttribute('text')) return this.getAttribute('text');
    const src = this.getAttribute('src');
    if (src) {
      const asked = (this.getAttribute('credentials') ?? '').trim().toLowerCase();
      return fetchText(src, CREDENTIALS.includes(asked) ? asked : 'omit', signal);
    }
    return this.textContent ?? '';
  }

  #status(message) {
    this.#root.replaceChildren(el('p', message, 'status'));
  }

  #render(r) {
    const box = [el('h3', '会析摘要')];
    const dl = el('dl');
    const field = (label, value) => { if (value) dl.append(el('dt', label), el('dd', value)); };
    field('标题', r.document?.title);
    field('会议', r.meeting?.name);
    field('日期', r.meeting?.date);
    field('地点', r.meeting?.venue);
    field('地区', r.region?.name);
    if (dl.childElementCount) box.push(dl);

    const list = (title, items, cls) => {
      if (!items.length) return;
      const ul = el('ul', null, cls);
      for (const t of items) ul.append(el('li', t));
      box.push(el('h4', title), ul);
    };
    list('人物', (r.people ?? []).map((p) =>
      p.name + (p.titles?.length ? `（${p.titles.join('、')}）` : '') + (p.roles?.length ? `：${p.roles.join('、')}` : '')));
    list('提法', (r.formulas ?? []).map((f) => f.text));
    list('提示', (r.anomalies ?? []).map((a) => `${KINDS[a.kind] ?? a.kind}：${a.detail}`), 'warn');
    if (box.length === 1) box.push(el('p', '（未识别到会议、人物或提法）', 'status'));
    this.#root.replaceChildren(...box);
  }
}

if (!customElements.get('huixi-report')) customElements.define('huixi-report', HuixiReport);
export { HuixiReport };
