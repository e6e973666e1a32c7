// In-page half of the browser benchmark (tests/bench/browser-bench.mjs drives it; `make bench`).
// One library per page load, so each init is measured in a fresh page:
//   bench.html?lib=huixi|jieba&phase=init|full&runs=21
// phase=init: module load, compile, instantiate, dictionary. phase=full: init, then each seed,
// ~1 MB and ~10 MB. The result goes to window.__bench (and the <pre> for a human).
// The seeds and jieba-wasm's web build come from the bench server under /bench-data/.
// All times are performance.now() in ms.

const params = new URLSearchParams(location.search);
const LIB = params.get('lib') ?? 'huixi';
const PHASE = params.get('phase') ?? 'full';
const RUNS = Math.max(1, Number(params.get('runs') ?? 21));
const WARMUP_RUNS = 2;
const BIG_RUNS = 3;
const WARMUP_MS = 2000;   // whole-library warm-up before any timed run

const now = () => performance.now();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const utf8Bytes = (t) => new TextEncoder().encode(t).length;

// Each loader returns the init phases and the functions to time. The 'dictionary' phase ends with
// the first cut of a short sentence done: jieba-wasm builds its whole dictionary in that call;
// huixi loads its index of words in warm_up() and decodes the words under the sentence's chars
// in the cut (the rest is decoded as texts need it, or when idle: the app's worker does).
async function loadHuixi() {
  const t0 = now();
  const m = await import('./pkg/huixi.js');
  const t1 = now();
  const module = await WebAssembly.compileStreaming(fetch(new URL('./pkg/huixi_bg.wasm', import.meta.url)));
  const t2 = now();
  await m.default({ module_or_path: module });
  const t3 = now();
  m.warm_up();
  m.segment_count('市委书记出席会议');
  const t4 = now();
  return {
    // fromNav: navigation → dictionary ready, comparable with the app's time to ready.
    init: { jsImport: t1 - t0, fetchCompile: t2 - t1, instantiate: t3 - t2, dictionary: t4 - t3, total: t4 - t0, fromNav: t4 },
    fns: { analyze: (t) => m.analyze(t), segment: (t) => m.segment(t), cutInWasm: (t) => m.segment_count(t) },
    // Where an analysis spends its time in wasm: ms per stage (huixi::analyze_staged).
    stages: (t) => {
      const acc = {};
      let last = now();
      m.analyze_stages(t, (stage) => { const x = now(); acc[stage] = x - last; last = x; });
      return acc;
    },
    check: () => m.segment('市委书记出席会议').join(' / '),
  };
}

async function loadJieba() {
  const base = new URL('/bench-data/jieba-wasm/', location.href);
  const t0 = now();
  const m = await import(new URL('jieba_rs_wasm.js', base).href);
  const t1 = now();
  const module = await WebAssembly.compileStreaming(fetch(new URL('jieba_rs_wasm_bg.wasm', base)));
  const t2 = now();
  await m.default({ module_or_path: module });
  const t3 = now();
  m.cut('市委书记出席会议', true);
  const t4 = now();
  return {
    // fromNav: navigation → dictionary ready, comparable with the app's time to ready.
    init: { jsImport: t1 - t0, fetchCompile: t2 - t1, instantiate: t3 - t2, dictionary: t4 - t3, total: t4 - t0, fromNav: t4 },
    // HMM on, as huixi's segment.
    fns: { cut: (t) => m.cut(t, true) },
    check: () => m.cut('市委书记出席会议', true).join(' / '),
  };
}

function timeRuns(fn, text, runs, warmups) {
  for (let i = 0; i < warmups; i++) fn(text);
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    fn(text);
    ms.push(now() - t);
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), runs };
}

// The seeds repeated, one newline after each, until at least `bytes` UTF-8 bytes (as
// benches/analyze.rs builds its 1 MB text).
export function repeatSeeds(seeds, bytes) {
  const parts = [];
  let n = 0;
  while (n < bytes) {
    for (const s of seeds) { parts.push(s.text, '\n'); n += utf8Bytes(s.text) + 1; }
  }
  return parts.join('');
}

async function run() {
  const lib = LIB === 'jieba' ? await loadJieba() : await loadHuixi();
  const out = { lib: LIB, phase: PHASE, userAgent: navigator.userAgent, init: lib.init, check: lib.check() };
  if (PHASE === 'init') return out;

  const seeds = await (await fetch('/bench-data/seeds.json')).json();
  // The first seed's first call right after init: what a user who pastes at once waits for
  // (code compiled on first use, huixi's rules compiled and its dictionary's words decoded).
  const [firstFn, fn0] = Object.entries(lib.fns)[0];
  const f0 = now();
  fn0(seeds[0].text);
  out.first = { seed: seeds[0].name, fn: firstFn, ms: now() - f0 };
  // V8 runs wasm in a baseline tier first and optimises hot functions later: without this the
  // first seed timed would pay for the tier-up.
  const w0 = now();
  for (let round = 0; round < 3 || now() - w0 < WARMUP_MS; round++) {
    for (const s of seeds) for (const fn of Object.values(lib.fns)) fn(s.text);
  }
  out.warmupMs = now() - w0;
  out.seeds = {};
  for (const s of seeds) {
    const r = { chars: [...s.text].length, bytes: utf8Bytes(s.text) };
    for (const [name, fn] of Object.entries(lib.fns)) r[name] = timeRuns(fn, s.text, RUNS, WARMUP_RUNS);
    out.seeds[s.name] = r;
  }
  for (const [label, size, runs] of [['1MB', 1 << 20, BIG_RUNS], ['10MB', 10 << 20, 1]]) {
    const text = repeatSeeds(seeds, size);
    const r = { bytes: utf8Bytes(text), chars: [...text].length };
    for (const [name, fn] of Object.entries(lib.fns)) r[name] = timeRuns(fn, text, runs, 0);
    if (lib.stages && label === '1MB') {
      // analyze_stages is its own instance of the pipeline: warm it up like the timed calls
      // (wasm code is optimised only after some calls; a cold first run is not a stage cost).
      for (let i = 0; i < WARMUP_RUNS + 1; i++) lib.stages(text);
      const all = Array.from({ length: runs }, () => lib.stages(text));
      r.stages = Object.fromEntries(Object.keys(all[0]).map((k) => [k, median(all.map((a) => a[k]))]));
    }
    out[label] = r;
  }
  return out;
}

const pre = document.getElementById('out');
try {
  window.__bench = await run();
} catch (e) {
  window.__bench = { error: String(e?.stack ?? e) };
}
pre.textContent = JSON.stringify(window.__bench, null, 2);
