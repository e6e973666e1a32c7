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

// The file reader (pkg/huixi_read.js: files → text, crates/reader/src/lib.rs), loaded when the user first
// opens a file: the page's own module leaves it out (docs/perf-history.md, "File reader module"). A
// failed load is tried again with the next file.
let reader = null;

export function huixi_read_file(bytes, name) {
  reader ??= import(new URL('./pkg/huixi_read.js', import.meta.url).href)
    .then(async (m) => { await m.default(); return m; })
    .catch((e) => { reader = null; throw e; });
  return reader.then((m) => m.read_file(bytes, name));
}
