import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SubmittedFile } from '@assay/contract';
import type { SutClient } from '../runner/src/harness/run-tests.js';
import { CandidateError, type BatchStep, type ClockStep, type Instance, type ManualClock } from '../runner/src/harness/suite.js';

/**
 * The benchmark's floor: the same test bodies calling TRUSTED reference code directly in this
 * process (no sandbox, no channel). TypeScript and JavaScript only.
 */
export async function inProcessClient(files: SubmittedFile[], entry: string): Promise<SutClient> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-floor-'));
  for (const file of files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.content);
  }
  return clientFor(await import(pathToFileURL(join(dir, entry)).href));
}

type Module = Record<string, new (...args: unknown[]) => Record<string, (...a: unknown[]) => unknown>>;

/** A client over a module already loaded (the peer baseline bundles the module in). */
export function clientFor(loaded: unknown): SutClient {
  const module = loaded as Module;
  let clocks = 0;

  class LocalClock implements ManualClock {
    constructor(readonly clockId: string, public nowMs: number) {}
    readonly read = () => this.nowMs;
    async set(ms: number) { this.nowMs = ms; }
    async advance(ms: number) { this.nowMs += ms; }
    at(ms: number): ClockStep { return { clockId: this.clockId, setMs: ms }; }
  }
  const byId = new Map<string, LocalClock>();
  const decode = (value: unknown): unknown => {
    if (value instanceof LocalClock) return value.read;
    if (Array.isArray(value)) return value.map(decode);
    return value;
  };
  const json = (value: unknown) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));
  const asCandidateError = (error: unknown) =>
    new CandidateError(error instanceof Error ? error.constructor.name : 'Error', error instanceof Error ? error.message : String(error));
  const invoke = async (fn: () => unknown) => {
    try {
      return json(await fn());
    } catch (error) {
      throw asCandidateError(error);
    }
  };

  return {
    clock(startMs = 0) {
      const clock = new LocalClock(`c${++clocks}`, startMs);
      byId.set(clock.clockId, clock);
      return clock;
    },
    sut: {
      async create(className, ...args) {
        const Class = module[className]!;
        let object: Record<string, (...a: unknown[]) => unknown>;
        try {
          object = new Class(...args.map(decode));
        } catch (error) {
          throw asCandidateError(error);
        }
        const instance: Instance = {
          call: (method, ...callArgs) => invoke(() => object[method]!(...callArgs.map(decode))),
          async batch(steps: BatchStep[]) {
            const results: unknown[] = [];
            for (const step of steps) {
              if (!Array.isArray(step)) {
                byId.get((step as ClockStep).clockId)!.nowMs = (step as ClockStep).setMs;
                continue;
              }
              const [method, ...callArgs] = step as readonly unknown[];
              if (typeof method !== 'string') throw new TypeError('a batch step must start with a method name');
              results.push(await invoke(() => object[method as string]!(...callArgs.map(decode))));
            }
            return results;
          },
        };
        return instance;
      },
      call: (name, ...args) => invoke(() => (module[name] as unknown as (...a: unknown[]) => unknown)(...args.map(decode))),
    },
  };
}
