// The analysis engine on the page itself, for when no worker can start (src/web/bridge.rs,
// "inline" mode): the UI module (pkg/huixi_ui.js) imports this file by a fixed path, so
// index.html can preload it with the UI module instead of the browser finding it only once the
// UI module has loaded (a snippet under pkg/snippets/<hash>/ cannot be preloaded by name:
// measured on a loaded machine, preloading it made the page ready ~40 ms sooner; on a quiet one
// no difference, BENCHMARKS.md session 10).
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
