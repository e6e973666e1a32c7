// End-to-end: the built app (www/ with www/pkg from the wasm build) in headless Chromium.
//   node tests/e2e/e2e.mjs [seed file] [screenshot]
// Serves www/ on a free localhost port, pastes a seed into the page, checks the words and the
// report, that no console error occurred and that nothing was requested from another host.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname, extname, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WWW = join(ROOT, 'www');
const SEED = process.argv[2] ?? join(ROOT, 'seeds/000_21f538190c88e84a.txt');
const SHOT = process.argv[3] ?? join(ROOT, 'artifacts/e2e-000.png');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json' };

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}${detail ? ' — ' + detail : ''}`);
}

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(WWW, path.endsWith('/') ? path + 'index.html' : path);
  try {
    if (!file.startsWith(WWW)) throw new Error('outside www');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const profile = await mkdtemp(join(tmpdir(), 'huixi-e2e-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1200, height: 1000 },
});
let failed = false;
try {
  const page = context.pages()[0] ?? await context.newPage();
  const consoleErrors = [];
  const foreign = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && !['127.0.0.1', 'localhost'].includes(u.hostname)) {
      foreign.push(r.url());
    }
  });

  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });
  check('page loads and the dictionary warms up', true, `${Date.now() - t0} ms`);
  check('title', (await page.title()) === '会析 huixi');

  const seed = await readFile(SEED, 'utf8');
  const runs = async () => Number(await page.getAttribute('main', 'data-runs'));
  const analyse = async (text) => {
    const before = await runs();
    const t = Date.now();
    await page.fill('#input', text);
    await page.waitForFunction((n) => Number(document.querySelector('main').dataset.runs) > n, before,
      { timeout: 30_000 });
    return Date.now() - t;
  };

  const ms = await analyse(seed);
  const words = await page.$$eval('#tokens .tok', (els) => els.map((e) => e.textContent));
  check('seed is segmented, 市委书记 kept whole', words.includes('市委书记'), `${words.length} words, ${ms} ms incl. 300 ms debounce`);
  check('word count shown', (await page.textContent('#word-count')) === String(words.length));
  const report = JSON.parse(await page.textContent('#report-json'));
  check('report JSON on the page', report.schema_version === 1 && report.document.chars === [...seed].length,
    `chars=${report.document.chars}`);
  const shown = await page.innerText('main');
  check('page shows Chinese text', shown.includes('会析') && shown.includes('分词') && shown.includes('吴新明'));

  // The JS API as another site would use it (the same module; init is idempotent).
  const api = await page.evaluate(async (text) => {
    const m = await import('./pkg/huixi.js');
    await m.default();
    const r = m.analyze(text);
    return { schema: r.schema_version, chars: r.document.chars, nullRegionOk: r.region === null || typeof r.region === 'object',
      seg: m.segment('市委书记出席会议'), utf16: Array.from(m.utf16_offsets('a😀中')) };
  }, seed);
  check('JS API analyze()', api.schema === 1 && api.chars === [...seed].length && api.nullRegionOk);
  check('JS API segment()', api.seg.join('') === '市委书记出席会议' && api.seg.includes('市委书记'), api.seg.join(' / '));
  check('JS API utf16_offsets()', JSON.stringify(api.utf16) === '[0,1,3,4]');

  await mkdir(dirname(SHOT), { recursive: true });
  await page.screenshot({ path: SHOT, fullPage: false });
  console.log(`screenshot: ${SHOT}`);

  // User text is text, never markup.
  await analyse('<img id="inj" src="x" onerror="window.__pwned=1">市委书记讲话');
  check('user text is rendered as text, not HTML',
    await page.evaluate(() => !document.getElementById('inj') && !window.__pwned));

  check('no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
  check('no request leaves localhost', foreign.length === 0, foreign.join(' '));
} catch (e) {
  check('e2e ran to the end', false, String(e?.stack ?? e));
} finally {
  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
failed = results.some((r) => !r.ok);
console.log(`e2e: ${results.filter((r) => r.ok).length}/${results.length} checks passed`);
process.exit(failed ? 1 : 0);
