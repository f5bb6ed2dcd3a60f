/**
 * `npm run bench`: every benchmark, measured in one run so each figure sits beside its
 * baseline. Prints a table, writes bench/results/latest.json (and a dated copy) and draws
 * bench/results/latency.svg, api-latency.svg and burst-drain.svg. BENCH_SMOKE=1 runs each once
 * with tiny counts (a harness check, part of `npm test`; its figures mean nothing). With
 * BENCH_PROFILE_DIR set, the API under load writes CPU profiles there.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createChallengeCatalog } from '@assay/challenges';
import type { Language } from '@assay/contract';
import { buildImages } from '../runner/src/images/build-images.js';
import { apiLoadBenchmark } from './api-load.js';
import { reviewFeedBenchmark } from './review-feed-load.js';
import { burstBenchmark } from './burst.js';
import { noisyNeighbourBenchmark } from './noisy-neighbour.js';
import { latencyBars, lineChart } from './chart.js';
import { floorLatency, peerLatency, runnerLatency } from './grading-latency.js';
import { best, lifecycleCeiling } from './lifecycle-ceiling.js';
import { replayBenchmark } from './replay-bench.js';
import type { Summary } from './stats.js';
import { simulationBenchmark } from './simulation-throughput.js';
import { scalingModel, throughputBenchmark } from './throughput.js';
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
  step('ceiling: the sandbox container lifecycle alone, bare and with the reference loaded');
  const ceiling = await lifecycleCeiling(challenge, images, { parallels: smoke ? [2] : [2, 4], total: smoke ? 2 : 30 });
  const ceilingPerSecond = best(ceiling.loaded);
  Object.assign(figures, { floor, warm, cold, peer, ceiling });
  step('throughput: one runner at each concurrency, then two runner processes');
  const throughput = await throughputBenchmark(challenge, { concurrencies: smoke ? [2] : [2, 3, 4, 6], jobs: smoke ? 3 : 40 });
  const scaling = scalingModel(throughput, cpus().length);
  Object.assign(figures, { throughput, scaling });
  step(`burst: ${smoke ? 4 : 500} submissions through the API at once, one runner (concurrency ${throughput.tunedConcurrency})`);
  const burst = await burstBenchmark(challenge, { jobs: smoke ? 4 : 500, concurrency: throughput.tunedConcurrency, idleSamples: smoke ? 2 : 20 });
  Object.assign(figures, { burst });
  step('noisy neighbour: an honest grading beside an idle and beside a hostile, flooding one');
  const neighbour = await noisyNeighbourBenchmark(catalog, challenge, images, { gradings: smoke ? 1 : 10 });
  Object.assign(figures, { neighbour });
  step('API: 500 candidates autosaving and recording, on PGlite and on Postgres');
  const apiLoad = [];
  const cpuProfileDir = process.env.BENCH_PROFILE_DIR;
  for (const database of ['pglite', 'postgres'] as const) {
    apiLoad.push(await apiLoadBenchmark({ database, candidates: smoke ? 5 : 500, seconds: smoke ? 3 : 30, ...(cpuProfileDir ? { cpuProfileDir: `${cpuProfileDir}/${database}` } : {}) }));
  }
  Object.assign(figures, { apiLoad });
  step(`reviewer pages: ${smoke ? 5 : 2_000} live feeds open on one API process while candidates start`);
  const reviewFeed = await reviewFeedBenchmark({ pages: smoke ? 5 : 2_000, changes: smoke ? 2 : 20 });
  Object.assign(figures, { reviewFeed });
  step('replay: a generated 100,000-edit session, against a naive rebuild');
  const replay = replayBenchmark({ smoke });
  step('web: bundle sizes, and cold loads to an editable editor in Chromium');
  const web = await webBenchmark({ smoke });
  step('simulation: a 5-node register under a nemesis, 30 virtual seconds, nodes in process');
  const simulation = await simulationBenchmark({ smoke });
  Object.assign(figures, { replay, web, simulation });

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
  const rates = (r: typeof ceiling.bare) => Object.entries(r).map(([parallel, { perSecond, cpuSecondsEach }]) => `${perSecond.toFixed(2)}/s at ${parallel} (${(cpuSecondsEach * 1000).toFixed(0)} ms CPU each)`).join(', ');
  const share = (perSecond: number) => `${((100 * perSecond) / ceilingPerSecond).toFixed(0)}% of the ceiling`;
  console.log(`\nContainer lifecycle (the ceiling: create, start, load the reference, remove)`);
  console.log(`  loaded: ${rates(ceiling.loaded)}`);
  console.log(`  bare create/start/remove: ${rates(ceiling.bare)}`);
  console.log(`\nThroughput, reference submissions on the grade queue (target: ≥ 90% of ${ceilingPerSecond.toFixed(2)}/s)`);
  for (const p of [...throughput.oneRunner, throughput.twoRunners]) {
    console.log(`  ${p.runners} runner(s) × concurrency ${p.concurrency}: ${p.verdictsPerSecond.toFixed(2)} verdicts/s (${share(p.verdictsPerSecond)}); machine ${p.machineBusyCores.toFixed(1)} of ${cpus().length} cores busy, ${(p.cpuSecondsPerVerdict * 1000).toFixed(0)} ms CPU per verdict; graded other than once ${p.wrong}, reference not passed ${p.notPassed}`);
  }
  console.log(`  tuned RUNNER_CONCURRENCY here: ${throughput.tunedConcurrency}; model: ${scaling.verdictsPerCore.toFixed(2)} verdicts/s per core → ${Object.entries(scaling.perHostOfCores).map(([cores, v]) => `${cores} cores ${v.toFixed(1)}/s`).join(', ')}`);
  console.log(`\nBurst through the API (targets: every attempt one verdict; idle pickup p99 ≤ 5 ms)`);
  console.log(`  ${burst.jobs} submits at once: submit p50/p99 ${burst.submitMs.p50.toFixed(0)} / ${burst.submitMs.p99.toFixed(0)} ms; drained in ${burst.drainSeconds.toFixed(1)} s = ${burst.verdictsPerSecond.toFixed(2)} verdicts/s, sustained ${burst.sustainedPerSecond.toFixed(2)}/s (${share(burst.sustainedPerSecond)})`);
  console.log(`  missing ${burst.missing}, graded twice ${burst.duplicated}, not passed ${burst.notPassed}; pickup idle p50/p99 ${burst.idlePickupMs.p50.toFixed(1)} / ${burst.idlePickupMs.p99.toFixed(1)} ms, in the burst p50/p99 ${(burst.burstPickupMs.p50 / 1000).toFixed(1)} / ${(burst.burstPickupMs.p99 / 1000).toFixed(1)} s`);
  console.log(`\nNoisy neighbour (target: the honest grading's performance ratio moves ≤ 20%)`);
  console.log(`  ratio p50 / p95 beside an idle neighbour ${neighbour.idle.p50.toFixed(2)} / ${neighbour.idle.p95.toFixed(2)}; beside a hostile one ${neighbour.hostile.p50.toFixed(2)} / ${neighbour.hostile.p95.toFixed(2)}: ${(neighbour.change * 100).toFixed(0)}% (the neighbour's ${neighbour.hostileGradings} gradings: ${Object.entries(neighbour.hostileVerdicts).map(([v, n]) => `${n} ${v}`).join(', ')})`);
  console.log(`\nAPI under candidates (target: p99 ≤ 50 ms, no errors)`);
  for (const load of apiLoad) {
    const routes = Object.entries(load.routes).map(([route, r]) => `${route} p50/p99 ${r.p50.toFixed(0)} / ${r.p99.toFixed(0)} ms`).join('; ');
    console.log(`  ${load.database}, ${load.candidates} candidates for ${load.seconds} s: ${routes}; ${load.eventsPerSecond.toFixed(0)} events/s; ${load.errors} errors`);
    console.log(`    baseline GET /api/health p50/p99 ${load.health.p50.toFixed(0)} / ${load.health.p99.toFixed(0)} ms; cores busy: API ${load.cpu.api.toFixed(2)}, load generator ${load.cpu.generator.toFixed(2)}, machine ${load.cpu.machine.toFixed(2)} of ${cpus().length}`);
  }
  console.log(`\nReviewer pages on the live feed (one API process; target: every page hears every change)`);
  console.log(`  ${reviewFeed.pages} pages open (API RSS ${reviewFeed.apiRssMb.open.toFixed(0)} MB; ${reviewFeed.apiRssMb.idle.toFixed(0)} MB before they opened), ${reviewFeed.changes} changes: from the causing request to every page p50/p99 ${reviewFeed.fanoutMs.p50.toFixed(0)} / ${reviewFeed.fanoutMs.p99.toFixed(0)} ms; missed ${reviewFeed.missed}; GET /api/health meanwhile p50 ${reviewFeed.health.p50.toFixed(0)} ms`);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(`\nReplay, ${replay.edits.toLocaleString('en')} edits in ${replay.events.toLocaleString('en')} events (targets: ≤ 200 KB stored, open ≤ 150 ms, seek p95 ≤ 16 ms)`);
  console.log(`  stored ${kb(replay.storedBytes)} in chunks (of which the page loads' full-file snapshots ${kb(replay.snapshotBytes)}); baseline one JSON row per event ${kb(replay.jsonBytes)}`);
  console.log(`  open ${replay.openMs.toFixed(0)} ms median of 5 (decoding the chunks ${replay.decodeMs.toFixed(0)} ms; the first open ${replay.firstOpenMs.toFixed(0)} ms); seek p50/p95/p99 ${replay.seekMs.p50.toFixed(2)} / ${replay.seekMs.p95.toFixed(2)} / ${replay.seekMs.p99.toFixed(2)} ms`);
  console.log(`  baseline, naive rebuild per seek: p50 ${replay.naiveSeekMs.p50.toFixed(0)} ms (${(replay.naiveSeekMs.p50 / replay.seekMs.p50).toFixed(0)}× slower); every sampled seek correct: ${replay.correct}`);
  console.log(`\nWeb (targets: shell ≤ 200 KB gzip, editable ≤ 1 s cold)`);
  console.log(`  app shell ${kb(web.shellGzip)} gzip; Monaco ${kb(web.monacoGzip)} gzip in ${web.monacoFiles} lazy chunks and workers`);
  console.log(`  cold load to an editable editor p50/p95 ${web.editableColdMs.p50.toFixed(0)} / ${web.editableColdMs.p95.toFixed(0)} ms; baseline, a blank page from the same server: p50 ${web.blankColdMs.p50.toFixed(0)} ms`);
  console.log(`\nSimulation, ${simulation.virtualSeconds} virtual s, 5 in-process nodes, ${simulation.delivered.toLocaleString('en')} messages delivered (${simulation.historyEvents.toLocaleString('en')} history events)`);
  console.log(`  ${simulation.deliveredPerSecond.p50.toFixed(0)} delivered/s p50 (min ${simulation.deliveredPerSecond.min.toFixed(0)}); a run ${simulation.wallMs.p50.toFixed(0)} ms p50, of which the nodes ${simulation.split.nodesMs.toFixed(0)} ms, hashing the history ${simulation.split.hashMs.toFixed(0)} ms, the simulator ${simulation.split.simulatorMs.toFixed(0)} ms; same history hash every run: ${simulation.deterministic}`);

  await mkdir(RESULTS, { recursive: true });
  const json = JSON.stringify(figures, null, 2) + '\n';
  const file = smoke ? 'smoke.json' : 'latest.json';
  await writeFile(`${RESULTS}${file}`, json);
  if (!smoke) {
    await writeFile(`${RESULTS}${new Date().toISOString().slice(0, 10)}.json`, json);
    const pace = (perSecond: number): Array<[number, number]> => [[0, 0], [burst.jobs / perSecond, burst.jobs]];
    await writeFile(
      `${RESULTS}burst-drain.svg`,
      lineChart(
        `Burst of ${burst.jobs} submissions: verdicts done over time`,
        [
          { label: 'verdicts done', points: burst.drain },
          { label: `the ceiling's pace (${ceilingPerSecond.toFixed(1)}/s)`, points: pace(ceilingPerSecond), dashed: true },
          { label: `90% of it`, points: pace(0.9 * ceilingPerSecond), dashed: true },
        ],
        'seconds since the burst',
        'verdicts',
      ),
    );
    await writeFile(`${RESULTS}latency.svg`, latencyBars(`Submit to verdict, ${challengeId}`, rows.map(([label, s]) => ({ label, p50: s.p50, tail: s.p95 })), 'p95'));
    const apiBars = apiLoad.flatMap((load) => [
      ...Object.entries(load.routes).map(([route, r]) => ({ label: `${load.database} ${route.replace('/api/candidate/', '… ')}`, p50: r.p50, tail: r.p99 })),
      { label: `${load.database} baseline /api/health`, p50: load.health.p50, tail: load.health.p99 },
    ]);
    await writeFile(`${RESULTS}api-latency.svg`, latencyBars(`API under ${apiLoad[0]!.candidates} candidates`, apiBars, 'p99'));
  }
  console.log(`\nwrote bench/results/${file}${smoke ? '' : ', latency.svg, api-latency.svg and burst-drain.svg'}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
