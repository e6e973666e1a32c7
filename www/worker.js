// The analysis worker (a module worker): huixi's wasm runs here so the page never waits for an
// analysis. The page (crates/ui/src/bridge/) and <huixi-report> (huixi-element.js) talk to it:
//   page → worker  { id, text, supersede }                 supersede: drop requests still
//                                                         queued while the wasm loads
//                  { id, text, supersede, page: true }    huixi's page: answers with a view
//                  { type: 'memory', id }                 asks for the wasm memory's size
//                  { type: 'hello' }                      from a page that adopted this worker
//                                                         after it started (boot.js starts it
//                                                         before the page's wasm loads): answers
//                                                         'ready' (or 'fatal') if it already was
//   worker → page  { type: 'ready' }                      dictionary built
//                  { type: 'done', id, report, millis }   millis: time spent in analyze()
//                  { type: 'done', id, view, capped, millis, exports? }
//                      (page: true) view: the Report with capped lists as JSON bytes
//                      (crates/web/src/lib.rs); exports: { json, people_csv, terms_csv, outline_csv,
//                      markdown } as UTF-8 bytes, made from the whole Report; when lists were
//                      capped they follow in { type: 'exports', id, exports }, so the page
//                      renders first; the message with the exports also has memory: the
//                      wasm memory's size in bytes
//                  { type: 'memory', id, bytes }          wasm linear memory, bytes
//                  { type: 'error', id, message }         analyze() threw (a wasm abort): the
//                                                         page replaces this worker
//                  { type: 'error', id, message, refused: true }
//                      the text is over the size cap (below): nothing ran, the worker is fine
//                  { type: 'fatal', message }             the wasm could not be loaded
// Without page: true, 'done' also has memory: the wasm memory's size in bytes (<huixi-report>
// swaps a worker that grew large, as the page does).
// Analyses are synchronous; a page that wants one cancelled terminates the worker.
//
// Size cap: a text over 20 MB (MAX_TEXT_BYTES, UTF-8 bytes, as the page's own limit in
// crates/ui/src/bridge/mod.rs) is refused as it arrives, even while the wasm loads, with
// { type: 'error', id, message, refused: true } and a message in Chinese ("文本过大…"). It holds
// for everyone who posts here, not only huixi's page and element (which check before posting).

// The engine's wasm is fetched and compiled while its bindings (pkg/huixi.js) load: a static
// import would fetch the bindings first and start on the wasm only once they ran.
const ENGINE_URL = new URL('./pkg/huixi_bg.wasm', import.meta.url);
const engine = compileEngine();
engine.catch(() => {});   // reported when awaited below
const bindings = import('./pkg/huixi.js');
bindings.catch(() => {});
let analyze, warm_up, warm_up_step, page_analyze, page_exports;

async function compileEngine() {
  try {
    return await WebAssembly.compileStreaming(fetch(ENGINE_URL));
  } catch {
    // A server that labels .wasm with another type than application/wasm: compile the bytes.
    const res = await fetch(ENGINE_URL);
    if (!res.ok) throw new Error(`pkg/huixi_bg.wasm could not be loaded (HTTP ${res.status}): is the build in www/pkg?`);
    return WebAssembly.compile(await res.arrayBuffer());
  }
}

// The dictionary loads lazily: the words under each first char are decoded when a text first
// holds that char. After 'ready' the rest is decoded here, a slice of this many trie nodes (a
// few ms) per task, so a request that arrives meanwhile waits for one slice at most.
const DECODE_SLICE = 16384;

function decodeRest() {
  let done = true;
  try { done = warm_up_step(DECODE_SLICE); } catch {}
  if (!done) setTimeout(decodeRest, 0);
}

// The warm-up analysis's text (written for huixi in the genre's style): a date, a meeting with
// titles and roles, an outline, formulas, a campaign, a deadline, a placeholder and a source
// line, so that the rules a report needs are compiled before the user's first text arrives (a
// sentence without dates or deadlines left those rules to the user's first analysis).
const WARM_UP_TEXT = '2026年5月15日上午，某县召开全县政法暨平安建设工作会议。县委副书记、政法委书记张三主持会议并讲话，县长李四出席。\n会议强调：一、要增强“四个意识”，坚决做到“两个维护”；二、要深入推进扫黑除恶专项斗争，确保年底前完成各项目标任务。\n第一，压实责任。×××同志代表县政法委作工作报告。\n（来源：县委政法委  发布时间：2026-05-16 浏览次数：120）';

let ready = false;
let fatal = null;
let wasm = null;
// Requests that arrive while the wasm loads.
let queued = [];

// As the page (crates/ui/src/bridge/mod.rs, MAX_TEXT_BYTES) and huixi-element.js.
const MAX_TEXT_BYTES = 20 * 1024 * 1024;

// The UTF-8 length of `text`, exact only where it decides against `max` (as the page's
// utf8_len): a UTF-16 unit is 1–3 bytes (a surrogate pair 4 for 2 units), so a text of at most
// max / 3 units is under and one of more than max units is over without counting. Counting is
// a loop over the units: no copy of the text, no array. huixi-element.js has the same function,
// kept as a copy: the element is a file embedding sites copy alone, and this worker starts with
// no request of its own before the engine's.
function utf8Bytes(text, max) {
  const units = text.length;
  if (units * 3 <= max || units > max) return units;
  let bytes = 0;
  for (let i = 0; i < units; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xD800 && c <= 0xDBFF && (text.charCodeAt(i + 1) & 0xFC00) === 0xDC00) { bytes += 4; i++; }
    else bytes += 3;   // lone surrogates are written as U+FFFD
  }
  return bytes;
}

// The answer to a text over the cap, or null.
function refusal(msg) {
  if (msg.type === 'memory') return null;
  const bytes = utf8Bytes(String(msg.text ?? ''), MAX_TEXT_BYTES);
  if (bytes <= MAX_TEXT_BYTES) return null;
  const mb = (Math.ceil(bytes / (1024 * 1024) * 10) / 10).toFixed(1);   // rounded up: never "20.0 MB, over 20 MB"
  return {
    type: 'error', id: msg.id, refused: true,
    message: `文本过大（约 ${mb} MB），超过 ${MAX_TEXT_BYTES / (1024 * 1024)} MB 的上限，未进行分析。 (Text too large: over the 20 MB limit, not analysed.)`,
  };
}

const buffers = (exports) => Object.values(exports).map((b) => b.buffer);
// The wasm linear memory's size in bytes (0 before the engine is loaded); also read by the
// end-to-end tests (tests/e2e/e2e.mjs) through the worker's global.
const wasmBytes = () => (wasm ? wasm.memory.buffer.byteLength : 0);
self.huixiWasmBytes = wasmBytes;

function run(msg) {
  const { id, text } = msg;
  if (msg.type === 'memory') {
    postMessage({ type: 'memory', id, bytes: wasmBytes() });
    return;
  }
  try {
    const t0 = performance.now();
    if (msg.page) {
      const { view, capped } = page_analyze(String(text ?? ''));
      const millis = performance.now() - t0;
      // The message that ends the request (the one with the exports) says how large the wasm
      // memory has grown: it never shrinks, so after a long text the page swaps this worker for
      // a fresh one (crates/ui/src/bridge/workers.rs, RELEASE_FROM_BYTES).
      if (capped) {
        postMessage({ type: 'done', id, view, capped, millis }, [view.buffer]);
        const exports = page_exports();
        postMessage({ type: 'exports', id, exports, memory: wasmBytes() }, buffers(exports));
      } else {
        const exports = page_exports();
        postMessage({ type: 'done', id, view, capped, millis, exports, memory: wasmBytes() }, [view.buffer, ...buffers(exports)]);
      }
      return;
    }
    const report = analyze(String(text ?? ''));
    postMessage({ type: 'done', id, report, millis: performance.now() - t0, memory: wasmBytes() });
  } catch (e) {
    postMessage({ type: 'error', id, message: String(e?.message ?? e) });
  }
}

self.onmessage = (e) => {
  const msg = e.data;
  if (!msg || typeof msg !== 'object') return;
  if (msg.type === 'hello') {
    if (ready) postMessage({ type: 'ready' });
    else if (fatal) postMessage({ type: 'fatal', message: fatal });
    return;
  }
  const refused = refusal(msg);
  if (refused) {
    // Refused before it is queued: a text over the cap is never held here while the wasm loads.
    if (msg.supersede) queued = queued.filter((m) => m.type === 'memory');
    postMessage(refused);
    return;
  }
  if (ready) run(msg);
  else if (msg.supersede) queued = [...queued.filter((m) => m.type === 'memory'), msg];
  else queued.push(msg);
};

// Start-up marks (ms since the page's navigation, for the browser benchmark's cold-start
// breakdown: tests/bench/browser-bench.mjs reads self.huixiMarks).
const mark = (name) => { self.huixiMarks[name] = performance.timeOrigin + performance.now(); };
// 'created': the worker's time origin, when its global scope was made (before its script loads).
self.huixiMarks = { created: performance.timeOrigin };
mark('script');   // worker.js running: the engine's fetch and the bindings' import start here

(async () => {
  const m = await bindings;
  ({ analyze, warm_up, warm_up_step, page_analyze, page_exports } = m);
  mark('bindings');
  wasm = await m.default({ module_or_path: await engine });
  mark('instantiated');
  warm_up();
  mark('dictionary');
})().then(() => {
  ready = true;
  postMessage({ type: 'ready' });
  const pending = queued.splice(0);
  // The extractors compile their rules on first use (~20 ms natively; in wasm 100–300 ms on a
  // 2-core machine, most of it compiling regexes): do that now, while nobody waits, so the
  // user's first analysis is nearly as fast as the next ones.
  if (pending.length === 0) {
    // The page's own path (the view, then the export files), so that the code making them is
    // compiled too. Warmed with analyze() alone, a first paste 3 s after ready took ~80 ms to
    // show against 20–45 ms for the next; this way ~72 ms (16 pastes each; the rest is the
    // page's first render of a report: docs/perf-history.md, "Warm-up analysis in the worker").
    try { page_analyze(WARM_UP_TEXT); page_exports(); } catch {}
  }
  for (const m of pending) run(m);
  decodeRest();
}, (e) => {
  fatal = String(e?.message ?? e);
  postMessage({ type: 'fatal', message: fatal });
});
