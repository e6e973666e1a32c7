// <huixi-report>: a compact huixi summary of a report or speech, for other pages.
//
//   <script type="module" src="huixi-element.js"></script>
//   <huixi-report>5月15日下午，市委政法工作会议召开……</huixi-report>
//   <huixi-report text="……"></huixi-report>
//   <huixi-report src="report.txt"></huixi-report>
//
// The text comes from the `text` attribute, else from the `src` URL, else from the element's
// own text content. The analysis runs in huixi's worker (worker.js next to this file), or on
// the main thread when the page cannot start that worker (another origin, a CSP without
// worker-src). The summary is drawn in a shadow root with text nodes only; the element then
// dispatches a `huixi-report` event (bubbling, composed) whose `detail` is the Report.
// Fetching `src` is the only request it makes besides loading huixi itself; it listens to no
// window messages.

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
let worker = null;
let nextId = 0;
const waiting = new Map();   // id -> { resolve, reject }
let mainThread = null;       // Promise of the JS API module, once the worker is given up

function failAll(message) {
  for (const { reject } of waiting.values()) reject(new Error(message));
  waiting.clear();
}

function startWorker() {
  let w;
  try {
    w = new Worker(WORKER_URL, { type: 'module' });
  } catch {
    return null;
  }
  w.onmessage = (e) => {
    const m = e.data ?? {};
    if (m.type === 'fatal') { dropWorker(w, m.message, true); return; }
    if (m.type !== 'done' && m.type !== 'error') return;
    const p = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.type === 'done') p?.resolve(m.report);
    else { p?.reject(new Error(m.message)); dropWorker(w, null, false); }
  };
  w.onerror = (e) => { e.preventDefault(); dropWorker(w, e.message || 'worker error', !w.huixiReady); };
  w.addEventListener('message', (e) => { if (e.data?.type === 'ready') w.huixiReady = true; });
  return w;
}

// A worker that threw is never reused (after a wasm abort its state is unknown).
function dropWorker(w, message, giveUp) {
  if (w !== worker) return;
  w.terminate();
  worker = null;
  if (giveUp) mainThread ??= import(MODULE_URL).then(async (m) => { await m.default(); return m; });
  failAll(message ?? 'analysis failed');
}

async function analyzeText(text) {
  if (!mainThread) {
    worker ??= startWorker();
    if (worker) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, text });
      });
    }
    mainThread = import(MODULE_URL).then(async (m) => { await m.default(); return m; });
  }
  if ([...text].length > MAX_MAIN_THREAD_CHARS) {
    throw new Error(`文本过长（超过 ${MAX_MAIN_THREAD_CHARS} 字），本页无法在后台分析它`);
  }
  return (await mainThread).analyze(text);
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
  static observedAttributes = ['text', 'src'];

  #root;
  #run = 0;
  #scheduled = false;
  #observer = null;

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
    this.#run++;   // drop whatever is still running
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
    const run = ++this.#run;
    this.#status('正在分析……');
    let report;
    try {
      const text = await this.#text();
      if (run !== this.#run) return;
      if (new Blob([text]).size > MAX_BYTES) throw new Error('文本过大（超过 20 MB）');
      report = await analyzeText(text);
    } catch (e) {
      if (run === this.#run) this.#status('会析分析失败：' + (e?.message ?? e));
      return;
    }
    if (run !== this.#run) return;
    this.report = report;
    this.#render(report);
    this.dispatchEvent(new CustomEvent('huixi-report', { detail: report, bubbles: true, composed: true }));
  }

  async #text() {
    if (this.hasAttribute('text')) return this.getAttribute('text');
    const src = this.getAttribute('src');
    if (src) {
      const res = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`无法读取 ${src}（HTTP ${res.status}）`);
      const bytes = await res.arrayBuffer();
      const label = /charset=([\w-]+)/i.exec(res.headers.get('content-type') ?? '')?.[1];
      let text = new TextDecoder(label ?? 'utf-8').decode(bytes);
      // Chinese text files without a declared charset are often GBK.
      if (!label && text.includes('\uFFFD')) text = new TextDecoder('gbk').decode(bytes);
      return text;
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
