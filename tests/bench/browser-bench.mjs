// Browser benchmark: huixi (www/ with the build in www/pkg) against jieba-wasm 2.4.0, in one
// headless Chromium run. Prints ONE markdown table (and the budgets it bears on); writes
// artifacts/bench.md and artifacts/bench.json. Numbers only: nothing here passes or fails.
//   node tests/bench/browser-bench.mjs [--runs N] [--loads N] [--no-10mb]
//   node tests/bench/browser-bench.mjs --serve     # serve www/ + bench data; open bench.html
//   node tests/bench/browser-bench.mjs --ready-only [--loads N]   # cold start only, no table
// Needs `npm ci` (playwright-core, jieba-wasm) and www/pkg (`bash scripts/huixi.sh build`).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFile, readdir, stat, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join, dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, FLAGS, APP_READY, pasteStaged, pasteAtReady, appFiles, brotliLength, READY_PROBE, saying, under, serve, inWww } from '../browser-common.mjs';
import zlib from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WWW = join(ROOT, 'www');
const SEEDS = join(ROOT, 'seeds');
const JIEBA = join(ROOT, 'node_modules/jieba-wasm/pkg/web');
const JIEBA_VERSION = JSON.parse(await readFile(join(ROOT, 'node_modules/jieba-wasm/package.json'), 'utf8').catch(() => '{}')).version ?? '?';
const ART = join(ROOT, 'artifacts');

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? Number(argv[i + 1]) : dflt; };
const RUNS = opt('--runs', 21);      // timed runs per seed (after 2 warm-up runs)
const LOADS = opt('--loads', 5);     // cold page loads per init figure
const READY_ONLY = argv.includes('--ready-only');   // the cold-start figures alone, one line
const FREEZE_TIMEOUT_MS = 180_000;   // the 10 MB paste into the app

// ------------------------------------------------------------------ static server
async function seedsJson() {
  const names = (await readdir(SEEDS)).filter((f) => f.endsWith('.txt')).sort();
  return JSON.stringify(await Promise.all(names.map(async (f) => ({ name: f.slice(0, 3), text: await readFile(join(SEEDS, f), 'utf8') }))));
}

const { server, url: BASE } = await serve(async (path) => {
  if (path === '/bench-data/seeds.json') return { body: await seedsJson(), name: 'seeds.json' };
  return path.startsWith('/bench-data/jieba-wasm/') ? under(JIEBA, path.slice('/bench-data/jieba-wasm/'.length)) : inWww(WWW, path);
}, { 'cache-control': 'max-age=600' });

if (argv.includes('--serve')) {
  console.log(`serving on ${BASE}  — open ${BASE}bench.html?lib=huixi and ${BASE}bench.html?lib=jieba (Ctrl-C stops)`);
  await new Promise(() => {});
}
if (!existsSync(join(WWW, 'pkg/huixi_bg.wasm'))) throw new Error('no www/pkg/huixi_bg.wasm: run `bash scripts/huixi.sh build` first');
if (!existsSync(join(JIEBA, 'jieba_rs_wasm_bg.wasm'))) throw new Error('no jieba-wasm web build in node_modules: run `npm ci`');

// ------------------------------------------------------------------ transfer sizes
const hasCli = (c) => { try { execFileSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }); return true; } catch { return false; } };
const BROTLI_CLI = hasCli('brotli'), GZIP_CLI = hasCli('gzip');
function sizes(buf, file) {
  const gz = GZIP_CLI ? execFileSync('gzip', ['-9', '-n', '-c', file], { maxBuffer: 1 << 30 }).length
    : zlib.gzipSync(buf, { level: 9 }).length;
  const br = BROTLI_CLI ? execFileSync('brotli', ['-q', '11', '-c', file], { maxBuffer: 1 << 30 }).length
    : brotliLength(buf);
  return { raw: buf.length, gzip: gz, brotli: br };
}
// brotli -q 11 takes minutes on a busy machine: sizes are kept by file, size and mtime.
const SIZE_CACHE = join(ART, 'bench-sizes.json');
const sizeCache = JSON.parse(await readFile(SIZE_CACHE, 'utf8').catch(() => '{}'));
async function sizeFiles(files, base) {
  const rows = [];
  for (const f of files) {
    const st = await stat(f), key = `${f} ${st.size} ${st.mtimeMs}`;
    sizeCache[key] ??= sizes(await readFile(f), f);
    rows.push({ file: relative(base, f), ...sizeCache[key] });
  }
  await mkdir(ART, { recursive: true });
  await writeFile(SIZE_CACHE, JSON.stringify(sizeCache));
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

const t0 = Date.now();
const load0 = loadavg();
// The app is everything under www/ but this benchmark's own page.
const appSizes = await sizeFiles(await appFiles(WWW), ROOT);
const jiebaSizes = await sizeFiles(['jieba_rs_wasm.js', 'jieba_rs_wasm_bg.wasm'].map((f) => join(JIEBA, f)), ROOT);
console.error(`sizes done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

// ------------------------------------------------------------------ browser
// www/worker.js's start-up marks, in order: what each one ends.
const WORKER_MARKS = [['created', 'worker created (its time origin)'], ['script', 'worker.js running (starts the engine fetch and the bindings import)'], ['bindings', 'engine bindings (pkg/huixi.js) loaded'],
  ['instantiated', 'engine fetched, compiled and instantiated (by the worker)'], ['dictionary', 'dictionary loaded (`warm_up`: the (frequency, tag) pairs and the index of first chars; the words under a char decode on first use)']];
// The page's start-up marks (www/boot.js, www/main.js), in order.
const PAGE_MARKS = [['boot', 'boot.js running (HTML head parsed)'], ['main', 'main.js running'],
  ['ui', "user-interface module instantiated (loaded once the worker is ready: the first view is index.html's)"], ['mounted', 'Yew app mounted'], ['frame', "the app's first frame done"],
  ['workerNew', '`new Worker()` called by boot.js'], ['workerReady', "worker's 'ready' seen by boot.js"]];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b), m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
// Cold loads are first visits: each in a fresh browser context (no HTTP cache, no service worker,
// no wasm code cache). They were once tabs of one long-lived profile with the HTTP cache off
// (docs/perf-history.md, "Cold start measured as a first visit"), where the app's service worker
// (installed by the first load) served the files from Cache Storage together with their compiled
// wasm code: a repeat visit measured as a cold one. Repeat visits (`cold` false) share one context,
// where the HTTP cache, the service worker and the code cache persist.
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
const repeatContext = await browser.newContext();
const errors = [];

async function withPage(cold, f) {
  const context = cold ? await browser.newContext() : repeatContext;
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try { return await f(page); } finally { await (cold ? context.close() : page.close()); }
}

// Navigation start → the app's root says data-ready="true" (the dictionary is built), as the
// page says on the console (READY_PROBE, tests/browser-common.mjs).
async function timeToReady(cold) {
  return withPage(cold, async (page) => {
    await page.addInitScript(READY_PROBE);
    const said = saying(page, 'ready', 120_000);
    await page.goto(BASE);
    const readyAt = Number((await said).text().split(' ')[1]);
    const firstAnswer = cold ? await pasteAtReady(page, FIRST_SEED) : null;
    // The app is loaded once the first view (index.html's) says ready: its marks come later.
    await page.waitForSelector(APP_READY, { timeout: 120_000 });
    await page.waitForFunction(() => globalThis.huixiBoot?.marks.frame !== undefined, null, { timeout: 10_000 }).catch(() => {});
    const { origin, pageMarks } = await page.evaluate(() =>
      ({ origin: performance.timeOrigin, pageMarks: globalThis.huixiBoot?.marks ?? {} }));
    // The analysis worker's start-up marks (www/worker.js), as ms since this page's navigation.
    const marks = {};
    for (const w of page.workers()) {
      const m = await w.evaluate(() => self.huixiMarks ?? null).catch(() => null);
      if (m) for (const [k, v] of Object.entries(m)) marks[k] = v - origin;
    }
    return { readyAt, marks, pageMarks, firstAnswer };
  });
}

async function benchPage(lib, phase) {
  return withPage(true, async (page) => {
    await page.addInitScript(READY_PROBE);
    const said = saying(page, 'done', 600_000);
    await page.goto(`${BASE}bench.html?lib=${lib}&phase=${phase}&runs=${RUNS}`);
    await said;
    const r = await page.evaluate(() => window.__bench);
    if (r.error) throw new Error(`bench.html?lib=${lib}: ${r.error}`);
    return r;
  });
}

// Paste ~10 MB into the app and watch the main thread: a 20 ms heartbeat records its longest
// gap (the page is frozen for that long) until the analysis is shown.
async function freeze10MB() {
  return withPage(false, async (page) => {
    await page.goto(BASE);
    // The app itself (index.html's first view says ready before the app replaces it).
    await page.waitForSelector(APP_READY, { timeout: 120_000 });
    await page.evaluate(async () => {
      const seeds = await (await fetch('/bench-data/seeds.json')).json();
      const parts = []; let n = 0;
      while (n < 10 << 20) for (const s of seeds) { parts.push(s.text, '\n'); n += new TextEncoder().encode(s.text).length + 1; }
      const text = parts.join('');
      const main = document.querySelector('[data-runs]');
      const w = window.__freeze = { runs0: main ? Number(main.dataset.runs) : 0, maxGap: 0, done: null, bytes: n };
      let last = performance.now();
      w.timer = setInterval(() => { const t = performance.now(); w.maxGap = Math.max(w.maxGap, t - last); last = t; }, 20);
      w.t0 = performance.now();
      new MutationObserver(() => {
        const m = document.querySelector('[data-runs]');
        if (m && Number(m.dataset.runs) > w.runs0 && w.done === null) w.done = performance.now() - (window.__pastedAt ?? w.t0);
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-runs'] });
      window.__clip = text;
    });
    // A real paste event, as a user's paste: the page takes long texts out of the textarea.
    await pasteStaged(page);
    const start = Date.now(), deadline = start + FREEZE_TIMEOUT_MS;
    const poll = () => Promise.race([
      page.evaluate(() => ({ done: window.__freeze.done, maxGap: window.__freeze.maxGap, bytes: window.__freeze.bytes })),
      new Promise((ok) => setTimeout(() => ok(null), Math.max(1000, deadline - Date.now())))]);
    let r = null;
    while (Date.now() < deadline) {
      r = await poll();
      if (!r || r.done !== null) break;
      await new Promise((ok) => setTimeout(ok, 500));
    }
    // A page that never answered was frozen from the paste to the deadline.
    if (!r) return { done: null, maxGap: Date.now() - start, frozenAtTimeout: true, timeoutMs: FREEZE_TIMEOUT_MS };
    if (r.done === null) return { ...r, timeoutMs: FREEZE_TIMEOUT_MS };
    // Layout and paint of the result come after the render: let the heartbeat see them.
    await new Promise((ok) => setTimeout(ok, 1500));
    const after = (await poll()) ?? r;
    // What the page's workers hold then (wasm memory never shrinks: the worker that analysed the
    // text is swapped for a fresh one once it has answered, crates/ui/src/bridge/workers.rs).
    const workerBytes = await Promise.all(page.workers().map((w) => w.evaluate(() => self.huixiWasmBytes?.() ?? 0).catch(() => 0)));
    return { ...after, workerBytes };
  });
}

// The first seed's text, for the paste at ready.
const FIRST_SEED = JSON.parse(await seedsJson())[0].text;
const res = { readyCold: [], firstAnswer: [], readyWarm: [], workerMarks: [], pageMarks: [], initHuixi: [], initJieba: [] };
try {
  for (let i = 0; i < LOADS; i++) {
    const cold = await timeToReady(true);
    res.readyCold.push(cold.readyAt);
    res.firstAnswer.push(cold.firstAnswer);
    res.workerMarks.push(cold.marks);
    res.pageMarks.push(cold.pageMarks);
    res.initHuixi.push((await benchPage('huixi', 'init')).init);
    res.initJieba.push((await benchPage('jieba', 'init')).init);
  }
  if (!READY_ONLY) {
    await timeToReady(false);    // fills the HTTP cache
    for (let i = 0; i < LOADS; i++) res.readyWarm.push((await timeToReady(false)).readyAt);
    console.error(`init done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    res.fullHuixi = await benchPage('huixi', 'full');
    res.fullJieba = await benchPage('jieba', 'full');
    console.error(`full done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    res.freeze = argv.includes('--no-10mb') ? null : await freeze10MB();
    res.userAgent = res.fullHuixi.userAgent;
  }
} finally {
  await browser.close();
  server.close();
}
const load1 = loadavg();
if (READY_ONLY) {
  const r = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  const jieba = res.initJieba.map((x) => x.total), jiebaNav = res.initJieba.map((x) => x.fromNav);
  const marks = WORKER_MARKS.map(([k]) => `${k} ${r(res.workerMarks.map((m) => m[k] ?? NaN))}`).join(', ');
  const pageMarks = PAGE_MARKS.map(([k]) => `${k} ${r(res.pageMarks.map((m) => m[k] ?? NaN))}`).join(', ');
  console.log(`cold time to ready ${r(res.readyCold)}, then seed 000 pasted → shown ${r(res.firstAnswer)} (page: ${pageMarks}; worker: ${marks}); huixi init ${r(res.initHuixi.map((x) => x.total))} (dictionary ${r(res.initHuixi.map((x) => x.dictionary))}); ` +
    `jieba-wasm init ${r(jieba)} (first cut ${r(res.initJieba.map((x) => x.dictionary))}), from navigation ${r(jiebaNav)}; ready ÷ jieba-wasm init ${(median(res.readyCold) / median(jieba)).toFixed(2)}, ` +
    `÷ its navigation → first cut ${(median(res.readyCold) / median(jiebaNav)).toFixed(2)}; load average ${load0[0].toFixed(2)} / ${load1[0].toFixed(2)}`);
  process.exit(errors.length ? 1 : 0);
}

// ------------------------------------------------------------------ the table
const ms = (x) => x == null ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`;
const kb = (b) => b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`;
const trio = (s) => `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`;
const ratio = (a, b) => a == null || b == null || !b ? '—' : `${(a / b).toFixed(2)}`;
const mbs = (bytes, t) => bytes / 1e6 / (t / 1000);
const medOf = (arr, k) => median(arr.map((x) => x[k]));
const rows = [];
const row = (what, h, j = '—', r = '—') => rows.push(`| ${what} | ${h} | ${j} | ${r} |`);

const H = res.fullHuixi, J = res.fullJieba;
const readyCold = median(res.readyCold), readyWarm = median(res.readyWarm);
const ih = medOf(res.initHuixi, 'total'), ij = medOf(res.initJieba, 'total');
row(`**time to ready**: index.html navigation → dictionary ready, cold (first visit: a fresh browser context; median of ${LOADS}; range)`,
  `${ms(readyCold)} (${ms(Math.min(...res.readyCold))}–${ms(Math.max(...res.readyCold))})`, `init ${ms(ij)}`, ratio(readyCold, ij));
for (const [k, label] of PAGE_MARKS) row(`  page: ${label}`, ms(medOf(res.pageMarks, k)));
for (const [k, label] of WORKER_MARKS) row(`  worker: ${label}`, ms(medOf(res.workerMarks, k)));
const jn = medOf(res.initJieba, 'fromNav');
row(`time to ready against jieba-wasm's navigation → first \`cut()\` done in bench.html (its page loads nothing else; median of ${LOADS})`,
  ms(readyCold), ms(jn), ratio(readyCold, jn));
row(`seed 000 pasted the moment the page is ready → its analysis shown (cold, median of ${LOADS}; range): the first answer a user gets`,
  `${ms(median(res.firstAnswer))} (${ms(Math.min(...res.firstAnswer))}–${ms(Math.max(...res.firstAnswer))})`);
row(`time to ready, repeat visit (HTTP + wasm code cache; median of ${LOADS})`, ms(readyWarm));
row(`**init** in bench.html, cold (median of ${LOADS}): import JS + fetch/compile wasm + instantiate + dictionary`, ms(ih), ms(ij), ratio(ih, ij));
for (const [k, label] of [['jsImport', 'import JS glue'], ['fetchCompile', 'wasm fetch + compile (compileStreaming)'],
  ['instantiate', 'wasm instantiate'], ['dictionary', 'dictionary ready: huixi `warm_up()` + a first cut of a short sentence, jieba-wasm its first `cut()` of it']]) {
  row(`  ${label}`, ms(medOf(res.initHuixi, k)), ms(medOf(res.initJieba, k)), ratio(medOf(res.initHuixi, k), medOf(res.initJieba, k)));
}
row(`seed ${H.first.seed}: the first \`${H.first.fn}()\` right after init (one run: code compiled on first use; huixi also compiles its rules and decodes the dictionary words the text needs) vs jieba-wasm's first \`${J.first.fn}()\``,
  ms(H.first.ms), ms(J.first.ms), ratio(H.first.ms, J.first.ms));
for (const [name, s] of Object.entries(H.seeds)) {
  const js = J.seeds[name];
  row(`seed ${name} (${s.chars} chars) **analyze** (median of ${RUNS}) vs jieba-wasm cut`, ms(s.analyze.median), ms(js.cut.median), ratio(s.analyze.median, js.cut.median));
  row(`seed ${name} segment vs jieba-wasm cut`, ms(s.segment.median), ms(js.cut.median), ratio(s.segment.median, js.cut.median));
}
const big = (R, f) => mbs(R['1MB'].bytes, R['1MB'][f].median);
row(`1 MB (${(H['1MB'].bytes / 1e6).toFixed(2)} MB, seeds repeated; median of 3) **analyze** MB/s vs jieba-wasm cut`, big(H, 'analyze').toFixed(2), big(J, 'cut').toFixed(2), ratio(big(H, 'analyze'), big(J, 'cut')));
row('1 MB segment MB/s vs jieba-wasm cut', big(H, 'segment').toFixed(2), big(J, 'cut').toFixed(2), ratio(big(H, 'segment'), big(J, 'cut')));
row('1 MB analyze ÷ segment throughput (same text, same build)', ratio(big(H, 'analyze'), big(H, 'segment')));
if (H['1MB'].cutInWasm) {
  row('1 MB jieba-rs cut inside wasm, no JS strings (`segment_count`) MB/s; analyze ÷ it', big(H, 'cutInWasm').toFixed(2), '—', ratio(big(H, 'analyze'), big(H, 'cutInWasm')));
}
if (H['1MB'].stages) {
  const st = Object.entries(H['1MB'].stages);
  row(`1 MB analyze by stage (median of 3; \`huixi::analyze_staged\`)`, st.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ') + ` = ${ms(st.reduce((a, [, v]) => a + v, 0))}`);
}
row(`10 MB (${(H['10MB'].bytes / 1e6).toFixed(1)} MB): one analyze call (blocks its thread) vs jieba-wasm cut`, ms(H['10MB'].analyze.median), ms(J['10MB'].cut.median), ratio(H['10MB'].analyze.median, J['10MB'].cut.median));
row('10 MB: one segment call vs jieba-wasm cut', ms(H['10MB'].segment.median), ms(J['10MB'].cut.median), ratio(H['10MB'].segment.median, J['10MB'].cut.median));
if (res.freeze) {
  const f = res.freeze;
  row('10 MB pasted into the app (index.html): longest main-thread stall, incl. rendering the result',
    f.done !== null ? `${ms(f.maxGap)} (result in the DOM ${ms(f.done)} after the paste)`
      : f.frozenAtTimeout ? `≥ ${ms(f.maxGap)}: still frozen at the ${ms(f.timeoutMs)} deadline` : `${ms(f.maxGap)}, not shown within ${ms(f.timeoutMs)}`);
}
if (res.freeze?.workerBytes) {
  row('10 MB pasted into the app: the workers\' wasm memory 1.5 s after the result (MB; the worker that analysed it, ~210 MB, is replaced once it has answered)',
    res.freeze.workerBytes.map((b) => (b / 2 ** 20).toFixed(1)).join(' + ') || '—');
}
for (const r of appSizes.rows) row(`transfer ${r.file} (raw / gzip -9 / brotli -q 11)`, trio(r));
row(`**transfer total** (raw / gzip -9 / brotli -q 11); jieba-wasm: js + wasm; ratio on brotli`, trio(appSizes.total), trio(jiebaSizes.total), ratio(appSizes.total.brotli, jiebaSizes.total.brotli));

const fmtLoad = (l) => l.map((x) => x.toFixed(2)).join(' ');
const header = [
  `Browser benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${res.userAgent.match(/(Headless)?Chrome\/[\d.]+/)?.[0] ?? res.userAgent}, ` +
    `${cpus().length} cores, load average ${fmtLoad(load0)} (start) / ${fmtLoad(load1)} (end); huixi www/pkg/huixi_bg.wasm ${kb(appSizes.rows.find((r) => r.file.endsWith('.wasm'))?.raw ?? 0)}; jieba-wasm ${JIEBA_VERSION} (web build, HMM on).`,
  'Ratio = huixi ÷ jieba-wasm (times: < 1 means huixi is faster; MB/s: > 1 means huixi is faster). Times are performance.now() in the page.',
  '',
  '| what | huixi | jieba-wasm | ratio |',
  '|---|---|---|---|',
  ...rows,
];
const seed000 = H.seeds['000']?.analyze.median;
const budgets = [
  `cold start ≤ 300 ms: ${readyCold <= 300 ? 'met' : 'NOT met'} (${ms(readyCold)} to ready; in-page init ${ms(ih)})`,
  `cold start ≤ ½ jieba-wasm init (${ms(ij / 2)}): ${readyCold <= ij / 2 ? 'met' : 'NOT met'} (${ms(readyCold)}; ratio ${ratio(readyCold, ij)})`,
  `transfer ≤ 1.5 MB brotli: ${appSizes.total.brotli <= 1.5e6 ? 'met' : 'NOT met'} (${kb(appSizes.total.brotli)})`,
  `seed 000 analyze ≤ 10 ms median: ${seed000 != null && seed000 <= 10 ? 'met' : 'NOT met'} (${ms(seed000)})`,
  `analyze throughput ≥ 50 % of segment (1 MB, same build): ${big(H, 'analyze') >= 0.5 * big(H, 'segment') ? 'met' : 'NOT met'} (${(100 * big(H, 'analyze') / big(H, 'segment')).toFixed(0)} %)`,
  res.freeze ? `10 MB without freezing (no main-thread stall ≥ 200 ms): ${res.freeze.done !== null && res.freeze.maxGap < 200 ? 'met' : 'NOT met'} (longest stall ${res.freeze.frozenAtTimeout ? '≥ ' : ''}${ms(res.freeze.maxGap)}${res.freeze.done === null ? ', not shown within the deadline' : ''})` : '10 MB: skipped (--no-10mb)',
];
const text = [...header, '', 'Budgets:', ...budgets.map((b) => `- ${b}`),
  ...(errors.length ? ['', `Console errors: ${errors.join(' | ')}`] : [])].join('\n');
console.log(text);
await mkdir(ART, { recursive: true });
await writeFile(join(ART, 'bench.md'), text + '\n');
await writeFile(join(ART, 'bench.json'), JSON.stringify({ ...res, appSizes, jiebaSizes, load0, load1, runs: RUNS, loads: LOADS }, null, 2));
console.error(`wrote artifacts/bench.md and artifacts/bench.json (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
