/**
 * `npm run bench`: every benchmark, measured in one run so each figure sits beside its
 * baseline. Prints a table, writes bench/results/latest.json (and a dated copy) and draws
 * bench/results/latency.svg. BENCH_SMOKE=1 runs each once with tiny counts (a harness check,
 * part of `npm test`; its figures mean nothing).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createChallengeCatalog } from '@assay/challenges';
import type { Language } from '@assay/contract';
import { buildImages } from '../runner/src/images/build-images.js';
import { apiLoadBenchmark } from './api-load.js';
import { burstBenchmark } from './burst.js';
import { latencyBars, lineChart } from './chart.js';
import { floorLatency, peerLatency, runnerLatency } from './grading-latency.js';
import { lifecycleCeiling } from './lifecycle-ceiling.js';
import { replayBenchmark } from './replay-bench.js';
import type { Summary } from './stats.js';
import { webBenchmark } from './web-load.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = `${ROOT}bench/results/`;
const smoke = process.env.BENCH_SMOKE === '1';
const runs = smoke ? 1 : Number(process.env.BENCH_RUNS ?? 30);

async function main(): Promise<void> {
  const images = await buildImages(() => undefined);
  const catalog = createChallengeCatalog({ root: `${ROOT}challenges` });
  const ids = await catalog.ids();
  const challengeId = process.env.BENCH_CHALLENGE ?? (ids.includes('rate-limiter') ? 'rate-limiter' : ids[0]!);
  const challenge = await catalog.get(challengeId);
  const languages = challenge.manifest.languages as Language[];
  const figures: Record<string, unknown> = { challenge: challengeId, runs, smoke, at: new Date().toISOString() };
  const step = (name: string) => console.log(`[bench] ${name}…`);

  step('floor: hidden tests against the reference without a sandbox');
  const floor: Record<string, Summary> = {};
  for (const language of languages) floor[language] = await floorLatency(challenge, language, Math.max(1, Math.ceil(runs / 3)));
  step('Assay, warm pool: submit to verdict through the queue and a runner');
  const warm = await runnerLatency(challenge, languages, { runs, poolSize: 2 });
  step('Assay, cold: no warm containers');
  const cold = await runnerLatency(challenge, languages, { runs: Math.max(1, Math.ceil(runs / 3)), poolSize: 0 });
  step('peer: one docker run --rm … node --test per submission');
  const peer = await peerLatency(challenge, images.node, Math.max(1, Math.ceil(runs / 3)));
  step('ceiling: bare create/start/remove of the hardened container');
  const ceiling = await lifecycleCeiling(images.node, { parallel: 4, total: smoke ? 4 : 40 });
  Object.assign(figures, { floor, warm, cold, peer, ceilingPerSecond: ceiling });
  step('burst: 500 reference submissions on the queue, one runner (concurrency 2)');
  const burst = await burstBenchmark(challenge, { jobs: smoke ? 4 : 500, runners: 1, concurrency: 2, idleSamples: smoke ? 2 : 20 });
  step('burst: 200 more with two runner processes');
  const burstTwo = await burstBenchmark(challenge, { jobs: smoke ? 4 : 200, runners: 2, concurrency: 2, idleSamples: smoke ? 1 : 5 });
  Object.assign(figures, { burst, burstTwo });
  step('API: 500 candidates autosaving and recording, on PGlite and on Postgres');
  const apiLoad = [];
  for (const database of ['pglite', 'postgres'] as const) apiLoad.push(await apiLoadBenchmark({ database, candidates: smoke ? 5 : 500, seconds: smoke ? 3 : 30 }));
  Object.assign(figures, { apiLoad });
  step('replay: a generated 100,000-edit session, against a naive rebuild');
  const replay = replayBenchmark({ smoke });
  step('web: bundle sizes, and cold loads to an editable editor in Chromium');
  const web = await webBenchmark({ smoke });
  Object.assign(figures, { replay, web });

  console.log(`\nGrading latency, ${challengeId} (ms; p50 / p95 / p99)`);
  const rows: Array<[string, Summary]> = [
    ...languages.map((l): [string, Summary] => [`floor, ${l}`, floor[l]!]),
    ...languages.map((l): [string, Summary] => [`Assay warm, ${l}`, warm[l]!]),
    ...languages.map((l): [string, Summary] => [`Assay cold, ${l}`, cold[l]!]),
    ['peer docker run, typescript', peer],
  ];
  for (const [label, s] of rows) console.log(`  ${label.padEnd(32)} ${s.p50.toFixed(0).padStart(6)} ${s.p95.toFixed(0).padStart(6)} ${s.p99.toFixed(0).padStart(6)}`);
  const ts = warm.typescript;
  if (ts) {
    console.log(`  overhead over the floor (typescript p50): ${(ts.p50 - floor.typescript!.p50).toFixed(0)} ms`);
    console.log(`  peer / Assay warm (typescript p50): ${(peer.p50 / ts.p50).toFixed(2)}×`);
  }
  console.log(`Container lifecycle ceiling: ${ceiling.toFixed(2)} create/start/remove per second (4 in parallel)`);
  console.log(`\nBurst (target: ≥ 90% of the ceiling; every grading one verdict; idle pickup p99 ≤ 5 ms)`);
  for (const b of [burst, burstTwo]) {
    console.log(`  ${b.jobs} jobs, ${b.runners} runner(s) × ${b.concurrency}: drained in ${b.drainSeconds.toFixed(1)} s = ${b.verdictsPerSecond.toFixed(2)} verdicts/s (${((100 * b.verdictsPerSecond) / ceiling).toFixed(0)}% of the ceiling); missing ${b.missing}, duplicated ${b.duplicated}`);
    console.log(`    idle pickup p50/p99 ${b.idlePickupMs.p50.toFixed(1)} / ${b.idlePickupMs.p99.toFixed(1)} ms; wait in the burst p50/p99 ${(b.burstWaitMs.p50 / 1000).toFixed(1)} / ${(b.burstWaitMs.p99 / 1000).toFixed(1)} s`);
  }
  console.log(`\nAPI under candidates (target: p99 ≤ 50 ms, no errors)`);
  for (const load of apiLoad) {
    const routes = Object.entries(load.routes).map(([route, r]) => `${route} p50/p99 ${r.p50.toFixed(0)} / ${r.p99.toFixed(0)} ms`).join('; ');
    console.log(`  ${load.database}, ${load.candidates} candidates for ${load.seconds} s: ${routes}; ${load.eventsPerSecond.toFixed(0)} events/s; ${load.errors} errors; baseline GET /api/health p50/p99 ${load.health.p50.toFixed(0)} / ${load.health.p99.toFixed(0)} ms`);
  }
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(`\nReplay, ${replay.edits.toLocaleString('en')} edits in ${replay.events.toLocaleString('en')} events (targets: ≤ 200 KB stored, open ≤ 150 ms, seek p95 ≤ 16 ms)`);
  console.log(`  stored as JSON today ${kb(replay.storedJsonBytes)}; deflated in 500-event batches ${kb(replay.gzipBatchBytes)}`);
  console.log(`  open ${replay.openMs.toFixed(0)} ms; seek p50/p95/p99 ${replay.seekMs.p50.toFixed(2)} / ${replay.seekMs.p95.toFixed(2)} / ${replay.seekMs.p99.toFixed(2)} ms`);
  console.log(`  baseline, naive rebuild per seek: p50 ${replay.naiveSeekMs.p50.toFixed(0)} ms (${(replay.naiveSeekMs.p50 / replay.seekMs.p50).toFixed(0)}× slower); every sampled seek correct: ${replay.correct}`);
  console.log(`\nWeb (targets: shell ≤ 200 KB gzip, editable ≤ 1 s cold)`);
  console.log(`  app shell ${kb(web.shellGzip)} gzip; Monaco ${kb(web.monacoGzip)} gzip in ${web.monacoFiles} lazy chunks and workers`);
  console.log(`  cold load to an editable editor p50/p95 ${web.editableColdMs.p50.toFixed(0)} / ${web.editableColdMs.p95.toFixed(0)} ms; baseline, a blank page from the same server: p50 ${web.blankColdMs.p50.toFixed(0)} ms`);

  await mkdir(RESULTS, { recursive: true });
  const json = JSON.stringify(figures, null, 2) + '\n';
  const file = smoke ? 'smoke.json' : 'latest.json';
  await writeFile(`${RESULTS}${file}`, json);
  if (!smoke) {
    await writeFile(`${RESULTS}${new Date().toISOString().slice(0, 10)}.json`, json);
    await writeFile(`${RESULTS}burst-drain.svg`, lineChart(`Burst of ${burst.jobs}: gradings without a verdict`, burst.drain, 'seconds', 'remaining'));
    await writeFile(`${RESULTS}latency.svg`, latencyBars(`Submit to verdict, ${challengeId}`, rows.map(([label, s]) => ({ label, p50: s.p50, p95: s.p95 }))));
  }
  console.log(`\nwrote bench/results/${file}${smoke ? '' : ', latency.svg and burst-drain.svg'}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
