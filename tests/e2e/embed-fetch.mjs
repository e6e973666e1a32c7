// End-to-end: how <huixi-report> fetches `src`, and worker.js's own size cap, in headless Chromium.
//   node tests/e2e/embed-fetch.mjs        (bash scripts/huixi.sh test-e2e runs it after e2e.mjs)
// Serves www/ (with www/pkg from the wasm build) and test URLs under /t/ on a free localhost
// port; the server records what it was asked and what it sent. Checks, each against real
// behaviour (what the server saw, what the element shows, what was posted to the worker):
//  - credentials: the page's origin has a cookie; the element's request carries no Cookie header
//    unless the embedder writes credentials="same-origin";
//  - a redirect is not followed (the element makes one request and says why it stops);
//  - a body that is not text (image/png) is refused with a message, nothing is analysed;
//    text/plain without a charset (GBK bytes) is still read;
//  - a 300 MB body (made lazily by the server, chunk by chunk under backpressure) is cancelled
//    at 20 MB with a message: the server sees the connection close early; main-thread time and
//    the page's memory stay bounded; a declared Content-Length over 20 MB is refused at once;
//  - a download in progress is aborted when `src` changes and when the element leaves the page
//    (the server sees the connection close);
//  - worker.js refuses texts over 20 MB posted to it directly, and keeps working;
//  - one failing request fails alone: a crash and a thrown analysis (faults injected into
//    worker.js, as e2e.mjs does) fail only their elements, the others and the next are analysed;
//  - after a long text the element's worker is replaced (its wasm memory given back);
//  - without a worker (worker.js missing) the queued texts run on the main thread, up to
//    300,000 chars.
import { chromium } from 'playwright-core';
import { readFile, readdir } from 'node:fs/promises';
import { join, dirname, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, FLAGS, serve, inWww, faultyWorker } from '../browser-common.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WWW = join(ROOT, 'www');
const SEEDS = join(ROOT, 'seeds');
const FIXTURES = join(ROOT, 'tests/e2e/fixtures');
const MB = 1024 * 1024;

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok: !!ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}${detail ? ' — ' + detail : ''}`);
}
// A section that throws fails as one check; the others still run.
async function section(name, body) {
  try { await body(); } catch (e) { check(`${name}: ran to the end`, false, String(e?.stack ?? e).split('\n').slice(0, 3).join(' ')); }
}
const seed = async (prefix) => {
  const f = (await readdir(SEEDS)).find((n) => n.startsWith(prefix));
  return readFile(join(SEEDS, f), 'utf8');
};
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
// Polls `f` until it gives a truthy value (returned) or `ms` pass (then null).
async function until(f, ms = 10_000, every = 50) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) return null;
    await sleep(every);
  }
}

const s000 = (await seed('000')).replace(/\r\n/g, '\n');
const s001 = (await seed('001')).replace(/\r\n/g, '\n');
const gbk = await readFile(join(FIXTURES, 'gbk-report.txt'));

// ---------------------------------------------------------------- server
// What the server saw, by request URL (path and query): { cookie, sent, closedEarly, finished }.
const seen = new Map();
const record = (req) => {
  const r = { cookie: req.headers.cookie ?? null, sent: 0, closedEarly: false, finished: false };
  seen.set(req.url, r);
  return r;
};
// A body written lazily, a chunk at a time, waiting for the socket to drain (backpressure): at
// most a chunk is in the server's memory, whatever `total` is. `every` ms between chunks
// makes a slow download.
function stream(req, res, rec, { total, chunk, every = 0 }) {
  return new Promise((done) => {
    res.on('close', () => { rec.closedEarly = !res.writableFinished; done(); });
    const write = () => {
      while (!res.destroyed) {
        if (rec.sent >= total) { rec.finished = true; res.end(); return; }
        const part = chunk.subarray(0, Math.min(chunk.length, total - rec.sent));
        rec.sent += part.length;
        const more = res.write(part);
        if (every) { setTimeout(write, every); return; }
        if (!more) { res.once('drain', write); return; }
      }
    };
    write();
  });
}
// 1 MB of a report's text, UTF-8 (whole chars: the seed's bytes repeated, cut at a line end).
const TEXT_MB = (() => {
  const line = Buffer.from(s000.split('\n').find((l) => l.length > 40) + '\n');
  return Buffer.concat(Array(Math.ceil(MB / line.length)).fill(line));
})();
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  Buffer.from('\n3月12日上午，清河县委政法工作会议召开。县委书记周建华出席会议并讲话。\n')]);

const TEST_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>embed-fetch</title><link rel="icon" href="data:,">
<script type="module" src="huixi-element.js"></script></head><body>
<script>
// make(id, attrs): a <huixi-report> with these attributes, counting its huixi-report events.
window.make = (id, attrs) => {
  const e = document.createElement('huixi-report');
  e.id = id;
  e.events = 0;
  e.addEventListener('huixi-report', () => { e.events++; });
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  document.body.append(e);
};
// state(id): what the element shows and holds.
window.state = (id) => {
  const e = document.getElementById(id);
  const r = e?.report;
  return { shown: e?.shadowRoot?.textContent ?? '', events: e?.events ?? 0,
    report: r ? { chars: r.document.chars, people: r.people.map((p) => p.name) } : null };
};
</script></body></html>`;


const { server, url } = await serve(async (raw, req) => {
  let path = normalize(raw).replace(/^(\.\.[/\\])+/, '');
  const t = (body, type, extra = {}) => ({ respond: (q, res) => { record(q); res.writeHead(200, { 'content-type': type, ...extra }); res.end(body); } });
  switch (path) {
    case '/t/report.txt': return t(s000, 'text/plain; charset=utf-8');
    case '/t/report-001.txt': return t(s001, 'text/plain; charset=utf-8');
    case '/t/gbk.txt': return t(gbk, 'text/plain');
    case '/t/image.png': return t(PNG, 'image/png');
    case '/t/redirect.txt': return { respond: (q, res) => { record(q); res.writeHead(302, { location: '/t/report.txt?n=redirected' }).end(); } };
    case '/t/huge.txt':   // 300 MB, no Content-Length (chunked): only a streamed read can stop it
      return { respond: (q, res) => { const rec = record(q); res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return stream(q, res, rec, { total: 300 * MB, chunk: TEXT_MB.subarray(0, 64 * 1024) }); } };
    case '/t/huge-declared.txt':   // 300 MB with its Content-Length
      return { respond: (q, res) => { const rec = record(q);
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(300 * MB) });
        return stream(q, res, rec, { total: 300 * MB, chunk: TEXT_MB.subarray(0, 64 * 1024) }); } };
    case '/t/slow.txt':   // 16 kB every 100 ms for a minute
      return { respond: (q, res) => { const rec = record(q); res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return stream(q, res, rec, { total: 600 * 16 * 1024, chunk: TEXT_MB.subarray(0, 16 * 1024), every: 100 }); } };
  }
  // `/faulty/…` serves www/ too, but its worker.js fails on demand (as in e2e.mjs); `/noworker/…`
  // serves it without worker.js (no worker can start).
  const faulty = path.startsWith('/faulty/');
  if (faulty) path = path.slice('/faulty'.length);
  const noWorker = path.startsWith('/noworker/');
  if (noWorker) path = path.slice('/noworker'.length);
  if (path === '/embed-fetch-test.html') return { body: TEST_PAGE, name: path };
  const file = inWww(WWW, path);
  if (noWorker && path === '/worker.js') return null;
  if (faulty && path === '/worker.js') {
    return { body: await faultyWorker(file), name: file };
  }
  return file;
});
const rec = (u) => seen.get(u);

// ---------------------------------------------------------------- browser
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
const consoleErrors = [];
// What the page posts to workers (texts: length and start) and its workers' lives, recorded
// before any script runs: "nothing analysed" means nothing was posted.
const PROBE = () => {
  const posts = window.__posts = [];
  const life = window.__workers = { made: 0, terminated: 0 };
  const done = window.__done = [];   // the wasm memory each 'done' reported
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (m, ...rest) {
    if (m && typeof m.text === 'string') posts.push({ id: m.id, units: m.text.length, head: m.text.slice(0, 30) });
    return post.call(this, m, ...rest);
  };
  const terminate = Worker.prototype.terminate;
  Worker.prototype.terminate = function () { life.terminated++; return terminate.call(this); };
  window.Worker = class extends Worker {
    constructor(...a) {
      super(...a);
      life.made++;
      this.addEventListener('message', (e) => { if (e.data?.type === 'done') done.push(e.data.memory); });
    }
  };
};

async function newPage(path) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  await ctx.addCookies([{ name: 'huixi_session', value: 'secret-42', url }]);
  await ctx.addInitScript(PROBE);
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url + path);
  await page.waitForFunction(() => customElements.get('huixi-report'));
  return { ctx, page };
}
const make = (page, id, attrs) => page.evaluate(([id, attrs]) => window.make(id, attrs), [id, attrs]);
const state = (page, id) => page.evaluate((id) => window.state(id), id);
const posts = (page) => page.evaluate(() => window.__posts.slice());
// Waits until the element `id` shows a report or a message matching `re`; its state.
async function settled(page, id, re = null, ms = 60_000) {
  await page.waitForFunction(([id, re]) => {
    const s = window.state(id);
    return re ? new RegExp(re).test(s.shown) : s.report !== null;
  }, [id, re?.source ?? null], { timeout: ms, polling: 50 });
  return state(page, id);
}
const chars = (s) => [...s].length;

const { ctx, page } = await newPage('embed-fetch-test.html');
try {
  // ------------------------------------------------ credentials
  await section('credentials', async () => {
    await make(page, 'c1', { src: '/t/report.txt?n=default' });
    const s = await settled(page, 'c1');
    const r = rec('/t/report.txt?n=default');
    check('src: fetched without the page\'s cookie by default (the server saw no Cookie header), and analysed',
      r && r.cookie === null && s.report.chars === chars(s000) && s.events === 1,
      `Cookie header: ${JSON.stringify(r?.cookie)}, ${s.report.chars} chars, people ${s.report.people.slice(0, 3).join('、')}`);
    await make(page, 'c2', { src: '/t/report.txt?n=opt-in', credentials: 'same-origin' });
    const s2 = await settled(page, 'c2');
    const r2 = rec('/t/report.txt?n=opt-in');
    check('src with credentials="same-origin": the cookie is sent (the embedder\'s opt-in; the test\'s cookie is real)',
      r2?.cookie === 'huixi_session=secret-42' && s2.report.chars === chars(s000), `Cookie header: ${JSON.stringify(r2?.cookie)}`);
  });

  // ------------------------------------------------ redirect
  await section('redirect', async () => {
    const before = (await posts(page)).length;
    await make(page, 'r1', { src: '/t/redirect.txt' });
    const s = await settled(page, 'r1', /跳转/);
    await sleep(300);
    const after = (await state(page, 'r1'));
    check('src answering with a redirect: not followed (one request, the target never asked), a message, nothing analysed',
      rec('/t/redirect.txt') && !rec('/t/report.txt?n=redirected') && after.report === null && after.events === 0 &&
        (await posts(page)).length === before && /最终地址/.test(s.shown), s.shown);
  });

  // ------------------------------------------------ content type
  await section('content type', async () => {
    const before = (await posts(page)).length;
    await make(page, 't1', { src: '/t/image.png' });
    const s = await settled(page, 't1', /不是文本/);
    await sleep(300);
    const after = await state(page, 't1');
    check('src served as image/png: refused with a message naming the type, nothing analysed (nothing posted, no report, no event)',
      rec('/t/image.png') && /image\/png/.test(s.shown) && after.report === null && after.events === 0 &&
        (await posts(page)).length === before, s.shown);
    await make(page, 't2', { src: '/t/gbk.txt' });
    const g = await settled(page, 't2');
    check('src served as text/plain without a charset, GBK bytes: read as GBK and analysed', g.report.people.includes('林国栋'),
      g.report.people.join('、'));
  });

  // ------------------------------------------------ size
  await section('size', async () => {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    // The page's memory: its JS heap and the ArrayBuffers' stores (where fetched bytes live),
    // sampled every 100 ms while it downloads.
    const heap = async () => {
      const h = await cdp.send('Runtime.getHeapUsage');
      return h.usedSize + (h.backingStorageSize ?? 0);
    };
    const base = await heap();
    let peak = base;
    let sampling = true;
    const sampler = (async () => { while (sampling) { peak = Math.max(peak, await heap().catch(() => 0)); await sleep(100); } })();
    // Frame gaps and long tasks, as e2e.mjs measures them.
    await page.evaluate(() => {
      const w = window.__frames = { worst: 0, long: [], stop: false };
      let last = performance.now();
      const tick = (t) => { w.worst = Math.max(w.worst, t - last); last = t; if (!w.stop) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      w.observer = new PerformanceObserver((l) => { for (const e of l.getEntries()) w.long.push(Math.round(e.duration)); });
      w.observer.observe({ type: 'longtask' });
    });
    const postsBefore = (await posts(page)).length;
    const task0 = await taskSeconds();
    const t0 = Date.now();
    await make(page, 'h1', { src: '/t/huge.txt' });
    const s = await settled(page, 'h1', /文本过大|失败/, 120_000);
    const tStop = Date.now() - t0;
    const task = (await taskSeconds()) - task0;
    const r = rec('/t/huge.txt');
    await until(() => r.closedEarly || r.finished, 10_000);
    sampling = false;
    await sampler;
    const frames = await page.evaluate(() => { const w = window.__frames; w.stop = true; w.observer.disconnect(); return { worst: w.worst, long: w.long }; });
    const after = await state(page, 'h1');
    check('src of 300 MB (streamed, no Content-Length): stopped past 20 MB with a message, the download cancelled (the server saw the connection close), nothing analysed',
      /已停止下载/.test(s.shown) && r.closedEarly && !r.finished && r.sent > 20 * MB && r.sent < 300 * MB &&
        after.report === null && (await posts(page)).length === postsBefore,
      `${s.shown} | server sent ${(r.sent / MB).toFixed(1)} MB before the close, stopped after ${tStop} ms`);
    // Bounds: the renderer's main thread busy ≤ 1 s in all from the element's creation to its
    // message (CDP Performance.getMetrics TaskDuration: the time spent in tasks on the page's
    // main thread, whatever their length), and no frame waits a second; memory: the page's JS
    // heap with its ArrayBuffers' stores (CDP Runtime.getHeapUsage, sampled every 100 ms) grows
    // by less than 64 MB, and the browser cannot hold more than the server sent before the
    // close: 20 MB read + what the sockets and Chromium's pipe hold meanwhile (Linux autotunes
    // a localhost receive buffer up to net.ipv4.tcp_rmem's max, 32 MB here), so < 64 MB.
    check('src of 300 MB: ≤ 1 s of main-thread time, no frame gap ≥ 1 s, memory bounded (the page grew < 64 MB; the server sent < 64 MB)',
      task <= 1.0 && frames.worst < 1000 && r.sent < 64 * MB && peak - base < 64 * MB,
      `main thread busy ${(task * 1000).toFixed(0)} ms, worst frame gap ${frames.worst.toFixed(0)} ms, long tasks [${frames.long.join(', ')}] ms, ` +
      `page heap + ArrayBuffers ${(base / MB).toFixed(1)} → peak ${(peak / MB).toFixed(1)} MB${(await cdp.send('Runtime.getHeapUsage')).backingStorageSize === undefined ? ' (no backingStorageSize: JS heap only)' : ''}`);

    await make(page, 'h2', { src: '/t/huge-declared.txt' });
    const d = await settled(page, 'h2', /文本过大|失败/, 60_000);
    const rd = rec('/t/huge-declared.txt');
    await until(() => rd.closedEarly || rd.finished, 10_000);
    check('src declaring a Content-Length of 300 MB: refused before reading (未下载), the download cancelled',
      /未下载/.test(d.shown) && /300\.0 MB/.test(d.shown) && rd.closedEarly && rd.sent < 20 * MB,
      `${d.shown} | server sent ${(rd.sent / MB).toFixed(1)} MB before the close`);
    await cdp.detach();
  });

  // ------------------------------------------------ abort
  await section('abort', async () => {
    await make(page, 'a1', { src: '/t/slow.txt?n=1' });
    const r1 = await until(() => { const r = rec('/t/slow.txt?n=1'); return r?.sent >= 64 * 1024 && r; }, 15_000);
    await page.evaluate(() => document.getElementById('a1').setAttribute('src', '/t/report-001.txt?n=after'));
    const closed = await until(() => r1.closedEarly, 10_000);
    const s = await settled(page, 'a1');
    check('src changed mid-download: the first download is aborted (the server saw its connection close), the new src is analysed',
      closed && !r1.finished && s.report.chars === chars(s001) && s.events === 1,
      `first: ${(r1.sent / 1024).toFixed(0)} kB sent, closed early ${r1.closedEarly}; then ${s.report.chars} chars (${s.report.people.slice(0, 2).join('、')})`);

    await make(page, 'a2', { src: '/t/slow.txt?n=2' });
    const r2 = await until(() => { const r = rec('/t/slow.txt?n=2'); return r?.sent >= 64 * 1024 && r; }, 15_000);
    await page.evaluate(() => document.getElementById('a2').remove());
    const closed2 = await until(() => r2.closedEarly, 10_000);
    check('element removed mid-download: the download is aborted (the server saw its connection close)', closed2 && !r2.finished,
      `${(r2.sent / 1024).toFixed(0)} kB sent, closed early ${r2.closedEarly}`);
  });

  // ------------------------------------------------ the worker after a long text
  await section('long text', async () => {
    const long = (s000 + '\n').repeat(Math.ceil(1_200_000 / (s000.length + 1)));
    const life0 = await page.evaluate(() => ({ ...window.__workers }));
    await page.evaluate((text) => window.make('l1', { text }), long);
    const s = await settled(page, 'l1', null, 120_000);
    const workerBytes = async () => Promise.all(page.workers().map((w) => w.evaluate(() => self.huixiWasmBytes?.() ?? 0).catch(() => 0)));
    const held = await until(async () => { const b = await workerBytes(); return b.every((x) => x < 64 * MB) && b; }, 10_000, 250);
    const life1 = await page.evaluate(() => ({ ...window.__workers, memory: window.__done.at(-1) }));
    await make(page, 'l2', { src: '/t/report.txt?n=after-long' });
    const s2 = await settled(page, 'l2', null, 60_000);
    const life2 = await page.evaluate(() => ({ ...window.__workers }));
    check('after a long text (1.2 M chars) the element\'s worker is terminated (its wasm memory given back) and a fresh one analyses the next',
      s.report.chars === chars(long) && life1.memory >= 64 * MB && held && life1.terminated > life0.terminated &&
        life2.made > life1.made && s2.report.chars === chars(s000),
      `the worker reported ${(life1.memory / MB).toFixed(0)} MB of wasm memory with the long text's report; ` +
      `workers' wasm memory after: [${(held ?? []).map((b) => (b / MB).toFixed(0)).join(', ')}] MB; workers made ${life0.made} → ${life2.made}, terminated ${life0.terminated} → ${life1.terminated}`);
  });

  // ------------------------------------------------ worker.js posted to directly
  await section('worker cap', async () => {
    const got = await page.evaluate(async (small) => {
      const w = new Worker('worker.js', { type: 'module' });
      const answers = new Map();
      const waiters = new Map();
      w.onmessage = (e) => {
        const m = e.data;
        if (m.id == null) return;
        answers.set(m.id, { ...m, at: performance.now() });
        waiters.get(m.id)?.(m);
      };
      const answer = (id) => answers.get(id) ?? new Promise((ok) => waiters.set(id, ok));
      // Posted at once, while the wasm is still loading.
      const t0 = performance.now();
      w.postMessage({ id: 'ascii', text: 'x'.repeat(21 * 1024 * 1024) });        // over in UTF-16 units already
      w.postMessage({ id: 'cjk', text: '中'.repeat(7_000_000) });                 // 7 M units, 21,000,000 UTF-8 bytes: counted
      w.postMessage({ id: 'page', text: '中'.repeat(7_000_000), page: true });
      w.postMessage({ id: 'small', text: small });
      const out = {};
      for (const id of ['ascii', 'cjk', 'page', 'small']) {
        const m = await answer(id);
        out[id] = { type: m.type, refused: m.refused ?? false, message: m.message, chars: m.report?.document?.chars, ms: Math.round(answers.get(id).at - t0) };
      }
      w.terminate();
      return out;
    }, s001);
    const refused = (a) => a.type === 'error' && a.refused && /文本过大/.test(a.message);
    check('worker.js posted to directly: texts over 20 MB (UTF-8) refused with an error message, also with page: true and while loading; the worker then analyses the next',
      refused(got.ascii) && refused(got.cjk) && refused(got.page) && got.small.type === 'done' && got.small.chars === chars(s001),
      `${got.cjk.message} | answers after ${got.ascii.ms}, ${got.cjk.ms}, ${got.page.ms}, ${got.small.ms} ms`);
  });
} catch (e) {
  check('embed-fetch ran to the end', false, String(e?.stack ?? e));
} finally {
  await ctx.close();
}

// ------------------------------------------------ one failing request fails alone
await section('faults', async () => {
  const { ctx, page } = await newPage('faulty/embed-fetch-test.html');
  const head = '3月12日上午，清河县委政法工作会议召开。';
  // All four queued at once, before the worker is ready.
  await page.evaluate(([head, a, b]) => {
    window.make('f1', { text: head + '〔线程崩溃〕' });
    window.make('f2', { text: a });
    window.make('f3', { text: head + '〔抛出异常〕' });
    window.make('f4', { text: b });
  }, [head, s000, s001]);
  const f1 = await settled(page, 'f1', /失败/);
  const f3 = await settled(page, 'f3', /失败/);
  const f2 = await settled(page, 'f2');
  const f4 = await settled(page, 'f4');
  await make(page, 'f5', { src: '/t/report.txt?n=after-faults' });
  const f5 = await settled(page, 'f5');
  check('a worker crash and a thrown analysis fail only their own elements; the others and the next are analysed (fresh workers)',
    /崩溃/.test(f1.shown) && /unreachable/.test(f3.shown) && f1.report === null && f3.report === null &&
      f2.report?.chars === chars(s000) && f4.report?.chars === chars(s001) && f5.report?.chars === chars(s000),
    `f1: ${f1.shown} | f3: ${f3.shown} | workers made ${(await page.evaluate(() => window.__workers.made))}`);
  await ctx.close();
  // The injected faults are errors on purpose.
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/worker crashed|unreachable/.test(e)));
});

// ------------------------------------------------ no worker: the main thread, up to 300,000 chars
await section('no worker', async () => {
  const { ctx, page } = await newPage('noworker/embed-fetch-test.html');
  // 330,000 UTF-16 units but 220,000 chars (half of them outside the BMP): counted, under the cap.
  const pairs = 'a😀'.repeat(110_000);
  await page.evaluate(([a, pairs]) => {
    window.make('n1', { text: a });
    window.make('n2', { text: 'x'.repeat(300_001) });
    window.make('n3', { text: pairs });
  }, [s000, pairs]);
  const n1 = await settled(page, 'n1');
  const n2 = await settled(page, 'n2', /文本过长|失败/);
  const n3 = await settled(page, 'n3', null, 120_000);
  check('no worker (worker.js missing): the queued texts are analysed on the main thread; over 300,000 chars (code points, not UTF-16 units) refused there',
    n1.report?.chars === chars(s000) && /文本过长/.test(n2.shown) && n2.report === null && n3.report?.chars === 220_000 &&
      page.workers().length === 0, `n2: ${n2.shown} | n3: ${n3.report?.chars} chars`);
  await ctx.close();
  // The missing worker script is the point of this check.
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/worker|404|Not Found/i.test(e)));
});

check('no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
await browser.close();
server.close();
const failed = results.some((r) => !r.ok);
console.log(`embed-fetch: ${results.filter((r) => r.ok).length}/${results.length} checks passed`);
process.exit(failed ? 1 : 0);
