import { createInProcessHost, createSimulator, historyHash, QuorumRegister, registerScenario, type NodeHost } from '@assay/runner/simulation';
import { summarize, type Summary } from './stats.js';

export interface SimulationFigures {
  virtualSeconds: number;
  /** Messages delivered per run (the same in every run: one seed). */
  delivered: number;
  historyEvents: number;
  /** Delivered messages per second of wall time, over the measured runs (a warm-up run first). */
  deliveredPerSecond: Summary;
  wallMs: Summary;
  /** Where a run's wall time goes, medians in ms: the nodes' handlers, hashing the history, the rest (queue, network, parsing, recording). */
  split: { nodesMs: number; hashMs: number; simulatorMs: number };
  /** Every run gave the same history hash. */
  deterministic: boolean;
}

/** Times each step and construction of the nodes, so the simulator's own share can be told apart. */
function timedHost(host: NodeHost, spent: { ms: number }): NodeHost {
  const timed = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      spent.ms += performance.now() - started;
    }
  };
  return {
    async open(init) {
      const opened = await timed(() => host.open(init));
      return { effects: opened.effects, node: { step: (batch) => timed(() => opened.node.step(batch)), close: () => opened.node.close() } };
    },
  };
}

/** Issue 12: a 5-node quorum register, 30 virtual seconds under a partition, a crash and a pause, in-process nodes. */
export async function simulationBenchmark(options: { smoke: boolean }): Promise<SimulationFigures> {
  const virtualSeconds = options.smoke ? 2 : 30;
  const config = registerScenario(12, { durationMs: virtualSeconds * 1000 });
  const runs = options.smoke ? 1 : 5;
  const samples: Array<{ wallMs: number; nodesMs: number; hashMs: number; delivered: number; events: number; hash: string }> = [];
  for (let run = 0; run <= runs; run++) {
    const spent = { ms: 0 };
    const started = performance.now();
    const { history, hash } = await createSimulator({ host: timedHost(createInProcessHost({ nodeClass: QuorumRegister }), spent) }).run(config);
    const wallMs = performance.now() - started;
    const hashStarted = performance.now();
    historyHash(history);
    const hashMs = performance.now() - hashStarted;
    if (run > 0 || options.smoke) samples.push({ wallMs, nodesMs: spent.ms, hashMs, delivered: history.filter((e) => e.type === 'deliver').length, events: history.length, hash });
  }
  const median = (pick: (s: (typeof samples)[number]) => number) => summarize(samples.map(pick)).p50;
  return {
    virtualSeconds,
    delivered: samples[0]!.delivered,
    historyEvents: samples[0]!.events,
    deliveredPerSecond: summarize(samples.map((s) => (1000 * s.delivered) / s.wallMs)),
    wallMs: summarize(samples.map((s) => s.wallMs)),
    split: { nodesMs: median((s) => s.nodesMs), hashMs: median((s) => s.hashMs), simulatorMs: median((s) => s.wallMs - s.nodesMs - s.hashMs) },
    deterministic: new Set(samples.map((s) => s.hash)).size === 1,
  };
}
