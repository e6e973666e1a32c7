// One or more first visits of index.html traced (Chrome's trace events), summarised per thread:
// where each thread of the page's renderer spends the time between navigation and 'ready'.
// Numbers only, no pass/fail. Writes the last raw trace to artifacts/start-trace.json (load it
// in chrome://tracing or Perfetto).
//   node tests/bench/trace-start.mjs [WWW_DIR] [LOADS]
import { chromium } from 'playwright-core';
import { writeFile, mkdir } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, FLAGS, READY_PROBE, saying, serve, inWww } from '../browser-common.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [wwwArg, loadsArg] = process.argv.slice(2);
const WWW = resolve(wwwArg ?? join(ROOT, 'www'));
const LOADS = Number(loadsArg ?? 5);

const { server, url } = await serve((path) => inWww(WWW, path));

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink',
  'loading', 'toplevel', 'disabled-by-default-v8.compile', 'navigation', 'fonts', 'blink.user_timing', 'netlog', 'devtools.timeline.frame'];
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
const totals = new Map();   // "thread :: event" -> [ms per load]
let last;
for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(READY_PROBE);
  await browser.startTracing(page, { categories: CATEGORIES });
  const said = saying(page, 'ready', 60_000);
  await page.goto(url);
  const readyAt = Number((await said).text().split(' ')[1]);
  const origin = await page.evaluate(() => performance.timeOrigin);
  const buf = await browser.stopTracing();
  await context.close();
  last = buf;
  const { traceEvents } = JSON.parse(buf.toString());
  // Thread names, and the navigation's start in trace time (µs): the first navigationStart mark.
  const names = new Map();
  for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame)
    ?? traceEvents.find((e) => e.name === 'navigationStart');
  const t0 = nav.ts;
  const end = t0 + readyAt * 1000;
  // Self time is hard across nesting; sum complete events at depth 0 per thread (top-level
  // tasks) plus the named children that matter.
  const perLoad = new Map();
  const add = (key, us) => perLoad.set(key, (perLoad.get(key) ?? 0) + us / 1000);
  for (const e of traceEvents) {
    if (e.ph !== 'X' || !e.dur || e.ts < t0 || e.ts > end) continue;
    const th = names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
    const dur = Math.min(e.dur, end - e.ts);
    add(`${th} :: ${e.name}`, dur);
  }
  for (const [k, v] of perLoad) { if (!totals.has(k)) totals.set(k, []); totals.get(k).push(v); }
  console.log(`load ${i + 1}: ready ${readyAt.toFixed(0)} ms`);
}
await browser.close();
server.close();
await mkdir(join(ROOT, 'artifacts'), { recursive: true });
await writeFile(join(ROOT, 'artifacts/start-trace.json'), last);
const rows = [...totals].map(([k, v]) => [k, v.reduce((a, b) => a + b, 0) / LOADS]).filter(([, v]) => v >= 2).sort((a, b) => b[1] - a[1]);
for (const [k, v] of rows.slice(0, 80)) console.log(`${v.toFixed(1).padStart(7)} ms  ${k}`);
