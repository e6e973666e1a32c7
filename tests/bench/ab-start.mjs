// A/B of cold starts: first visits (a fresh browser context each) of two or more copies of www/,
// interleaved load by load so that a drifting machine drifts for all of them alike. Prints the
// median time to ready and the median start-up marks of each copy. Numbers only, no pass/fail.
//   node tests/bench/ab-start.mjs DIR_A,DIR_B[,…] [LOADS] [--jieba] [--first-answer] [--resources] [--cpu]
// Each DIR is a www/ with a build in DIR/pkg (copy www/ aside, change the copy, compare).
// --jieba also times jieba-wasm's init (bench.html?lib=jieba, served from node_modules).
// --first-answer also pastes seed 000 the moment each page is ready and times its result into
// the DOM (the user's first answer: the worker may still be compiling its rules).
// --resources also prints, per copy, the median resource timings of the page's and the worker's
// fetches (start → request sent → first byte → last byte, ms since navigation) and the
// navigation's own (DOMContentLoaded, load): where a start-up waits on a fetch.
// --cpu also prints, per copy, the CPU time (user + system, from /proc; Linux only) that Chromium's
// processes spent from navigation to 'ready', by process type and thread name, as a mean per load.
// On 2 cores a start keeps both busy (99 %:
// docs/perf-history.md, "Where a cold start's time goes"), so time to ready follows the CPU work of
// all threads; this is a steadier signal than the wall time when A/B-ing a change that removes work
// (10 ms ticks: read it over many loads).
import { chromium } from 'playwright-core';
import { readFile, readdir } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, FLAGS, READY_PROBE, saying, under, pasteAtReady, serve, inWww } from '../browser-common.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const JIEBA = join(ROOT, 'node_modules/jieba-wasm/pkg/web');
const [dirsArg, loadsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!dirsArg) throw new Error('usage: node tests/bench/ab-start.mjs DIR_A,DIR_B[,…] [LOADS] [--jieba]');
const dirs = dirsArg.split(',').map((d) => resolve(d));
const LOADS = Number(loadsArg ?? 11);
const withJieba = process.argv.includes('--jieba');
const withResources = process.argv.includes('--resources');
const withFirstAnswer = process.argv.includes('--first-answer');
const withCpu = process.argv.includes('--cpu');
const SEED = withFirstAnswer
  ? await readFile(join(ROOT, 'seeds', (await readdir(join(ROOT, 'seeds'))).filter((f) => f.startsWith('000')).sort()[0]), 'utf8')
  : null;

const copies = [];
for (const www of dirs) {
  const { server, url } = await serve((path) => (path.startsWith('/bench-data/jieba-wasm/')
    ? under(JIEBA, path.slice('/bench-data/jieba-wasm/'.length)) : inWww(www, path)), { 'cache-control': 'max-age=600' });
  copies.push({ www, server, base: url, rows: [] });
}

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
async function load(url, what) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(READY_PROBE);
    const said = saying(page, what, 60_000);
    const cpu0 = withCpu ? chromiumCpu() : null;
    await page.goto(url);
    const msg = await said;
    const cpu1 = withCpu ? chromiumCpu() : null;
    const r = await page.evaluate(() => ({ origin: performance.timeOrigin, page: globalThis.huixiBoot?.marks ?? {}, bench: window.__bench?.init }));
    r.resources = withResources ? await page.evaluate(RESOURCES) : {};
    r.ready = Number(msg.text().split(' ')[1]);
    r.cpu = {};
    if (withCpu) {
      for (const [tid, v] of cpu1) {
        const d = v.ms - (cpu0.get(tid)?.ms ?? 0);
        if (d > 0) r.cpu[v.key] = (r.cpu[v.key] ?? 0) + d;
      }
    }
    r.firstAnswer = withFirstAnswer && what === 'ready' ? await pasteAtReady(page, SEED) : NaN;
    r.worker = {};
    for (const w of page.workers()) {
      const m = await w.evaluate(() => self.huixiMarks ?? null).catch(() => null);
      if (m) for (const [k, v] of Object.entries(m)) r.worker[k] = v - r.origin;
      if (m && withResources) {
        const wo = await w.evaluate(() => performance.timeOrigin);
        for (const [k, v] of Object.entries(await w.evaluate(RESOURCES))) {
          r.resources[`worker ${k}`] = v.map((t) => t + wo - r.origin);
        }
        r.resources['worker timeOrigin'] = [wo - r.origin];
      }
    }
    return r;
  } finally {
    await context.close();
  }
}

// CPU time (ms, user + system) of every thread of Chromium's processes, by thread id, with a key
// "process type / thread name" (the browser process has no --type). /proc's ticks are 10 ms.
function chromiumCpu() {
  const out = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      if (!cmd[0].includes('chrom')) continue;
      const type = (cmd.find((a) => a.startsWith('--type=')) ?? '--type=browser').slice(7);
      const sub = (cmd.find((a) => a.startsWith('--utility-sub-type=')) ?? '').split('.').pop();
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const st = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')')).replace(/\d+$/, '');
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        out.set(tid, { key: `${type}${sub ? ':' + sub : ''} / ${name}`, ms: (Number(f[11]) + Number(f[12])) * 10 });
      }
    } catch { /* a process or thread that ended meanwhile */ }
  }
  return out;
}

// In the page or the worker: each fetch's start, request sent, first and last byte (ms since
// that global's time origin), by file name; and the navigation's milestones.
function RESOURCES() {
  const out = {};
  for (const e of performance.getEntriesByType('resource')) {
    out[e.name.replace(/^.*\//, '')] = [e.startTime, e.requestStart, e.responseStart, e.responseEnd];
  }
  const [n] = performance.getEntriesByType('navigation');
  if (n) {
    out['(navigation) request, first byte, last byte'] = [n.requestStart, n.responseStart, n.responseEnd];
    out['(navigation) DOMContentLoaded, load'] = [n.domContentLoadedEventStart, n.loadEventStart];
  }
  return out;
}

const jieba = [];
try {
  for (let i = 0; i < LOADS; i++) {
    for (const c of copies) c.rows.push(await load(c.base, 'ready'));
    if (withJieba) jieba.push((await load(`${copies[0].base}bench.html?lib=jieba&phase=init&runs=1`, 'done')).bench);
  }
} finally {
  await browser.close();
  for (const c of copies) c.server.close();
}

const median = (xs) => { const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); return s.length ? s[s.length >> 1] : NaN; };
const ms = (x) => x.toFixed(0);
for (const c of copies) {
  const marks = (part) => [...new Set(c.rows.flatMap((r) => Object.keys(r[part])))]
    .map((k) => `${k} ${ms(median(c.rows.map((r) => r[part][k])))}`).join(', ');
  console.log(`${c.www}: ready ${ms(median(c.rows.map((r) => r.ready)))} ms [${c.rows.map((r) => ms(r.ready)).join(' ')}]`);
  if (withFirstAnswer) console.log(`   seed 000 pasted at ready → shown ${ms(median(c.rows.map((r) => r.firstAnswer)))} ms [${c.rows.map((r) => ms(r.firstAnswer)).join(' ')}]`);
  console.log(`   page: ${marks('page')} | worker: ${marks('worker')}`);
  if (withCpu) {
    const keys = [...new Set(c.rows.flatMap((r) => Object.keys(r.cpu)))];
    const mean = (k) => c.rows.reduce((a, r) => a + (r.cpu[k] ?? 0), 0) / c.rows.length;
    const total = keys.reduce((a, k) => a + mean(k), 0);
    const top = keys.map((k) => [k, mean(k)]).sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 3);
    console.log(`   CPU from navigation to ready, mean per load: ${ms(total)} ms (${top.map(([k, v]) => `${k} ${ms(v)}`).join(', ')})`);
  }
  if (withResources) {
    for (const k of [...new Set(c.rows.flatMap((r) => Object.keys(r.resources)))].sort()) {
      const n = Math.max(...c.rows.map((r) => r.resources[k]?.length ?? 0));
      const cols = Array.from({ length: n }, (_, i) => ms(median(c.rows.map((r) => r.resources[k]?.[i]))));
      console.log(`   ${k}: ${cols.join(' / ')}`);
    }
  }
}
if (withJieba) console.log(`jieba-wasm init ${ms(median(jieba.map((r) => r.total)))} ms, from navigation ${ms(median(jieba.map((r) => r.fromNav)))} ms`);
