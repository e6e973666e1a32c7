// What the page's user interface module loads only when it needs it: the analysis engine on the
// page itself, for when no worker can start (crates/ui/src/bridge/inline.rs), and the file
// reader. The UI module (pkg/huixi_ui.js) imports this file by a fixed path, so main.js can fetch
// it together with the UI module instead of the browser finding it only once the UI module has
// loaded (a snippet under pkg/snippets/<hash>/ cannot be named in advance: docs/perf-history.md,
// "page-engine.js at a fixed path").
let engine = null;

export async function huixi_engine_load() {
  const m = await import(new URL('./pkg/huixi.js', import.meta.url).href);
  await m.default();
  m.warm_up();
  engine = m;
}

export function huixi_engine_run(text) {
  const { view } = engine.page_analyze(String(text ?? ''));
  return { view, exports: engine.page_exports() };
}

// The file reader (pkg/huixi_read.js: files → text, crates/reader/src/lib.rs), run in a worker of
// its own (read-worker.js) started when the user first opens a file: the page's own module leaves
// the reader out (docs/perf-history.md, "File reader module"), and reading happens off the main
// thread, so no file freezes the page. What the reader gets wrong about a file is said as the
// file's problem (`error`, `error_zh`: the notice says what to do); only a reader module that
// cannot load rejects (the page then says to check the connection), and the next file tries again.
const READ_LIMIT_MS = 30_000;
let readWorker = null;
let readSerial = 0;
const reading = new Map();   // id → { ok, fail, timer }

const fileProblem = (en, zh) => ({
  error: `the file could not be read: ${en}; it may be damaged or too complex — save it again as .txt or .docx in the program that made it, or paste the text`,
  error_zh: `${zh}。文件可能已损坏或过于复杂：请用制作它的程序另存为 .txt 或 .docx 后再试，或直接粘贴文本。`,
});

function dropReadWorker(w) {
  if (readWorker === w) readWorker = null;
  w.terminate();
}

function settle(id, how, value) {
  const r = reading.get(id);
  if (!r) return;
  reading.delete(id);
  clearTimeout(r.timer);
  r[how](value);
}

function startReadWorker() {
  const w = new Worker(new URL('./read-worker.js', import.meta.url), { type: 'module' });
  w.onmessage = (e) => {
    const { id, fatal, crashed, ...out } = e.data ?? {};
    if (fatal !== undefined) {
      dropReadWorker(w);
      settle(id, 'fail', new Error(fatal));
    } else if (crashed !== undefined) {
      dropReadWorker(w);
      settle(id, 'ok', fileProblem(`the reader failed on it (${crashed})`, `读取时出错（${crashed}）`));
    } else {
      settle(id, 'ok', out);
    }
  };
  // The worker's script could not load (offline before it was cached), or it died: whatever it
  // was reading fails; a script that never loaded is the network's problem, not the file's.
  w.onerror = (e) => {
    e.preventDefault();
    dropReadWorker(w);
    for (const id of [...reading.keys()]) settle(id, 'fail', new Error(e.message || 'the file reader could not start'));
  };
  return w;
}

export function huixi_read_file(bytes, name) {
  readWorker ??= startReadWorker();
  const w = readWorker;
  const id = ++readSerial;
  // The file's own buffer moves to the worker (the page has no more use for it); a view of part
  // of a buffer is copied first.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const buffer = whole ? bytes.buffer : bytes.slice().buffer;
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      dropReadWorker(w);
      settle(id, 'ok', fileProblem(`reading it took over ${READ_LIMIT_MS / 1000} s and was stopped`,
        `读取用时超过 ${READ_LIMIT_MS / 1000} 秒，已停止`));
    }, READ_LIMIT_MS);
    reading.set(id, { ok, fail, timer });
    w.postMessage({ id, bytes: buffer, name }, [buffer]);
  });
}
