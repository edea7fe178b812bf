#!/usr/bin/env node
// Where the time goes between dropping files on the page and the painted timeline: records a
// Chrome trace of one drop (IDLE_MS after the engine is ready, 2000 by default) and prints the
// main thread's and the worker's tasks in that stretch, longest first, with what they ran.
//   node tools/bench/trace-drop.mjs DIR [trace.json]      (WEB=dir measures another build)
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';
import { dataTransfer, dropAndTime } from './drop.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const web = process.env.WEB ?? join(root, 'build/web');
const [corpus, out] = process.argv.slice(2);
if (!corpus) {
  console.error('usage: node tools/bench/trace-drop.mjs CORPUS_DIR [trace.json]');
  process.exit(2);
}

const server = await startServer({ root: web, port: 0, base: '/bench/' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.addInitScript(() => {
  // The drop as the page sees it, and the first frame painted after data-analysed is set.
  addEventListener('drop', () => performance.mark('drop'), true);
  new MutationObserver(() => {
    if (document.body?.dataset.drawn && !performance.getEntriesByName('drawn').length) performance.mark('drawn');
    if (document.body?.dataset.analysed && !performance.getEntriesByName('analysed').length) {
      performance.mark('analysed');
      requestAnimationFrame(() => setTimeout(() => performance.mark('painted'), 0));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-analysed', 'data-drawn'] });
});
await page.goto(`http://127.0.0.1:${server.address().port}/bench/`);
await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 60000 });
await page.waitForTimeout(Number(process.env.IDLE_MS ?? 2000));

const names = readdirSync(corpus).sort();
const transfer = await dataTransfer(page, names.map((name) => join(corpus, name)));

await browser.startTracing(page, {
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel', 'blink', 'loading', 'disabled-by-default-devtools.timeline.frame', 'disabled-by-default-devtools.timeline.stack', ...(process.env.PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : [])],
});
// Dropped and awaited inside the page (drop.mjs), so that no polling of Playwright's is traced.
await dropAndTime(page, transfer, names.length);
await page.waitForFunction(() => performance.getEntriesByName('painted').length > 0);
const marks = await page.evaluate(() => Object.fromEntries(['drop', 'analysed', 'painted'].map((name) => [name, performance.getEntriesByName(name)[0]?.startTime])));
const trace = JSON.parse((await browser.stopTracing()).toString());
if (out) writeFileSync(out, JSON.stringify(trace));
await browser.close();
server.close();

const events = trace.traceEvents ?? trace;
const threadNames = new Map();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
const userMark = (name) => events.find((e) => e.cat?.includes('blink.user_timing') && e.name === name);
const dropTs = userMark('drop')?.ts;
const paintedTs = userMark('painted')?.ts;
console.log(`page marks (ms): drop→analysed ${(marks.analysed - marks.drop).toFixed(1)}, drop→painted ${(marks.painted - marks.drop).toFixed(1)}`);
if (dropTs === undefined) {
  console.log('no drop mark in the trace');
  process.exit(0);
}
const end = paintedTs ?? Infinity;
const ms = (us) => (us / 1000).toFixed(1);

// The critical path: the worker's analysis, the main-thread task that drew, the frame that painted.
{
  const threadOf = (pattern) => [...threadNames].find(([, name]) => pattern.test(name))?.[0];
  const tasksOf = (key) => events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === key && e.name === 'ThreadControllerImpl::RunTask' && e.ts >= dropTs).sort((a, b) => a.ts - b.ts);
  const workerTask = tasksOf(threadOf(/DedicatedWorker/)).sort((a, b) => b.dur - a.dur)[0];
  const mainTasks = tasksOf(threadOf(/CrRendererMain/));
  const drawnTs = userMark('drawn')?.ts;
  const drawTask = drawnTs && mainTasks.find((e) => e.ts <= drawnTs && e.ts + e.dur >= drawnTs);
  const frame = drawTask && events.filter((e) => e.name === 'WebFrameWidgetImpl::UpdateLifecycle' && e.ts > drawTask.ts + drawTask.dur).sort((a, b) => a.ts - b.ts)[0];
  const at = (us) => `+${ms(us - dropTs)}`;
  if (workerTask && drawTask && frame) {
    // With the thread's own CPU time in each (the rest is waiting for a core, on a busy machine).
    const span = (e) => `${at(e.ts)}..${at(e.ts + e.dur)} (${ms(e.dur)}, cpu ${e.tdur === undefined ? '?' : ms(e.tdur)})`;
    console.log(`critical path (ms): worker ${span(workerTask)}; draw task ${span(drawTask)}; frame ${span(frame)}`);
  }
}

// Top-level tasks of each thread in the stretch, with their longest direct children.
const byThread = new Map();
for (const e of events) {
  if (e.ph !== 'X' || e.ts + (e.dur ?? 0) < dropTs - 2000 || e.ts > end) continue;
  const key = `${e.pid}:${e.tid}`;
  if (!byThread.has(key)) byThread.set(key, []);
  byThread.get(key).push(e);
}
for (const [key, list] of byThread) {
  const name = threadNames.get(key) ?? key;
  if (!/CrRendererMain|DedicatedWorker|Compositor$|VizCompositor/.test(name)) continue;
  list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = list.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const busy = tasks.reduce((sum, e) => sum + e.dur, 0);
  console.log(`\n${name}: ${tasks.length} tasks, busy ${ms(busy)} ms`);
  for (const task of tasks) {
    if (task.dur < Number(process.env.MIN_US ?? 1000)) continue;
    const inside = list.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur > 300 && !/RunTask/.test(e.name));
    const summary = inside.slice(0, 12).map((e) => `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''}${e.args?.data?.url ? `[${e.args.data.url.split('/').pop()}:${e.args.data.lineNumber ?? ''}]` : ''} ${ms(e.dur)}`);
    console.log(`  +${ms(task.ts - dropTs).padStart(7)} ${ms(task.dur).padStart(6)} ms  ${summary.join(' | ')}`);
  }
}

// PROFILE=1: JavaScript self time by function in the stretch (from PROFILE_FROM_MS after the drop),
// per thread, from the sampling profiler.
if (process.env.PROFILE) {
  const profiles = new Map(); // id -> {tid, nodes: Map, time, samples: [[ts, node]]}
  for (const e of events) {
    if (e.name === 'Profile') profiles.set(e.id, { key: `${e.pid}:${e.tid}`, nodes: new Map(), time: e.args.data.startTime });
    if (e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(e.id);
    if (!profile) continue;
    const data = e.args.data.cpuProfile ?? {};
    for (const node of data.nodes ?? []) profile.nodes.set(node.id, node);
    (data.samples ?? []).forEach((sample, i) => {
      profile.time += e.args.data.timeDeltas[i];
      (profile.samples ??= []).push([profile.time, sample]);
    });
  }
  for (const profile of profiles.values()) {
    const self = new Map();
    const total = new Map();
    const from = dropTs + Number(process.env.PROFILE_FROM_MS ?? 0) * 1000;
    // Only in the tasks listed above (MIN_US and longer), when PROFILE=long.
    const long = (byThread.get(profile.key) ?? []).filter((e) => /RunTask/.test(e.name) && e.dur >= Number(process.env.MIN_US ?? 1000));
    const inLong = (ts) => process.env.PROFILE !== 'long' || long.some((e) => ts >= e.ts && ts <= e.ts + e.dur);
    const all = profile.samples ?? [];
    // Each sample stands for the time until the next one.
    const samples = all.slice(0, -1).map(([ts, id], i) => [ts, id, all[i + 1][0] - ts]).filter(([ts]) => ts >= from && ts <= end && inLong(ts));
    for (let i = 0; i < samples.length; i++) {
      const node = profile.nodes.get(samples[i][1]);
      const frame = node?.callFrame ?? {};
      const name = `${frame.functionName || '(anonymous)'} ${frame.url?.split('/').pop() ?? ''}:${frame.lineNumber ?? ''}`;
      const dt = samples[i][2];
      self.set(name, (self.get(name) ?? 0) + dt);
      // Inclusive time: every function on the sample's stack, once.
      const seen = new Set();
      for (let at = node; at; at = profile.nodes.get(at.parent)) {
        const f = at.callFrame ?? {};
        const label = `${f.functionName || '(anonymous)'} ${f.url?.split('/').pop() ?? ''}:${f.lineNumber ?? ''}`;
        if (seen.has(label)) continue;
        seen.add(label);
        total.set(label, (total.get(label) ?? 0) + dt);
      }
    }
    const top = [...self].filter(([name]) => !/^\(idle\)/.test(name)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 25));
    if (!top.length) continue;
    console.log(`\nself time, ${threadNames.get(profile.key) ?? profile.key}:`);
    for (const [name, us] of top) console.log(`  ${ms(us).padStart(7)} ms  ${name}`);
    console.log(`total (inclusive) time, ${threadNames.get(profile.key) ?? profile.key}:`);
    const inclusive = [...total].filter(([name]) => !/^\((idle|program|root)\)/.test(name)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 25));
    for (const [name, us] of inclusive) console.log(`  ${ms(us).padStart(7)} ms  ${name}`);
  }
}
