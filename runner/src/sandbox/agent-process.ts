import type { Readable, Writable } from 'node:stream';

/** How an agent process ended, as far as its host can tell. */
export interface ExitInfo {
  exitCode: number | null;
  oomKilled: boolean;
}

/**
 * A running agent: a Docker sandbox, or (for trusted reference code only) a local process.
 * The channel needs nothing else from it.
 */
export interface AgentProcess {
  readonly stdin: Writable;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Resolves once the process has ended; rejects with InfraError if that cannot be known. */
  readonly exited: Promise<ExitInfo>;
  /** CPU time (ms) the process (for a sandbox: every process in it) has used so far. */
  cpuTimeMs(): Promise<number>;
  /** Ends the process now (SIGKILL); resolves when it is gone. Safe to call twice. */
  kill(): Promise<void>;
}
