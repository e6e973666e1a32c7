// The file reader's worker (a module worker): a dropped or chosen file's bytes → its text, with
// the file reader module (pkg/huixi_read.js, crates/reader). Off the page's main thread, so that
// no file — a huge page, a crafted or damaged .docx — can freeze the page, and a reader that
// fails on a file takes only this worker with it. www/page-engine.js starts it with the first file.
//   page → worker  { id, bytes, name }             bytes: an ArrayBuffer (transferred)
//   worker → page  { id, text, encoding, warnings } the file's text
//                  { id, error, error_zh }          not a text huixi reads, and what to do
//                  { id, crashed }                  the reader failed on this file (a wasm abort,
//                                                   out of memory): this worker closes itself
//                  { id, fatal }                    the reader module could not be loaded
const reader = import('./pkg/huixi_read.js').then(async (m) => { await m.default(); return m; });
reader.catch(() => {});   // said with the first request

self.onmessage = async (e) => {
  const { id, bytes, name } = e.data ?? {};
  let m;
  try {
    m = await reader;
  } catch (err) {
    self.postMessage({ id, fatal: String(err?.message ?? err) });
    return;
  }
  try {
    const out = m.read_file(new Uint8Array(bytes), String(name ?? ''));
    self.postMessage({ id, ...out });
  } catch (err) {
    // After an abort the wasm instance may be in any state: never reuse it.
    self.postMessage({ id, crashed: String(err?.message ?? err) });
    self.close();
  }
};
