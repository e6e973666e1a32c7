// The analysis worker (a module worker): huixi's wasm runs here so the page never waits for an
// analysis. The page (src/web/bridge.rs) and <huixi-report> (huixi-element.js) talk to it:
//   page → worker  { id, text, supersede }                 supersede: drop requests still
//                                                         queued while the wasm loads
//   worker → page  { type: 'ready' }                      dictionary built
//                  { type: 'done', id, report, millis }   millis: time spent in analyze()
//                  { type: 'error', id, message }         analyze() threw (a wasm abort): the
//                                                         page replaces this worker
//                  { type: 'fatal', message }             the wasm could not be loaded
// Analyses are synchronous; a page that wants one cancelled terminates the worker.
import init, { analyze, warm_up } from './pkg/huixi.js';

let ready = false;
// Requests that arrive while the wasm loads.
let queued = [];

function run({ id, text }) {
  try {
    const t0 = performance.now();
    const report = analyze(String(text ?? ''));
    postMessage({ type: 'done', id, report, millis: performance.now() - t0 });
  } catch (e) {
    postMessage({ type: 'error', id, message: String(e?.message ?? e) });
  }
}

self.onmessage = (e) => {
  const msg = e.data;
  if (!msg || typeof msg !== 'object') return;
  if (ready) run(msg);
  else if (msg.supersede) queued = [msg];
  else queued.push(msg);
};

(async () => {
  await init();
  warm_up();
})().then(() => {
  ready = true;
  postMessage({ type: 'ready' });
  for (const m of queued.splice(0)) run(m);
}, (e) => {
  postMessage({ type: 'fatal', message: String(e?.message ?? e) });
});
