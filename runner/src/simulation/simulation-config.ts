import { z } from 'zod';
import { nemesisPlan, nodesNamedIn } from './nemesis-plan.js';
import { networkModel } from './network-model.js';
import { workload } from './workload.js';

/** One run: who, over what network, under which faults, driven by which clients, from which seed. */
export const simulationConfig = z
  .object({
    seed: z.number().int(),
    nodes: z.array(z.string().min(1)).min(1),
    network: networkModel,
    nemesis: nemesisPlan.default({ partitions: [], crashes: [], pauses: [], clockSkewMs: {} }),
    workload,
  })
  .superRefine((config, ctx) => {
    if (new Set(config.nodes).size !== config.nodes.length) ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'node ids must be unique; rename the repeated one' });
    for (const named of nodesNamedIn(config.nemesis)) {
      if (!config.nodes.includes(named)) ctx.addIssue({ code: 'custom', path: ['nemesis'], message: `the nemesis names node "${named}", which is not one of nodes (${config.nodes.join(', ')}); use one of those ids` });
    }
  });
export type SimulationConfig = z.infer<typeof simulationConfig>;
export type SimulationConfigInput = z.input<typeof simulationConfig>;

export function parseSimulationConfig(input: unknown): SimulationConfig {
  const parsed = simulationConfig.safeParse(input);
  if (!parsed.success) throw new Error(`The simulation config is invalid; fix these fields:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
