import type { CapturedLog, ChallengeInterface, SubmittedFile } from '@assay/contract';
import { z } from 'zod';
import type { AgentProcess, ExitInfo } from './agent-process.js';
import { LogCapture } from './log-capture.js';
import { InfraError, SandboxStopped, type StopKind } from './sandbox-errors.js';

export interface ChannelLimits {
  callTimeoutMs: number;
  loadTimeoutMs: number;
  outputKeepBytes: number;
  outputKillBytes: number;
  /** Largest single frame accepted from the agent (a longer stdout line is an output flood). */
  maxFrameBytes: number;
}

export type LoadOutcome =
  | { kind: 'loaded'; missing: string[] }
  | { kind: 'compile_error' | StopKind; message: string };

export interface CallFailure {
  type: string;
  message: string;
  step?: number;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: CallFailure };

interface Pending {
  resolve(reply: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const V8_HEAP_OOM = /JavaScript heap out of memory|Reached heap limit/;

/**
 * Request/response over an agent's stdin/stdout (newline-delimited JSON, see agents/PROTOCOL.md).
 * Every way the candidate can end the conversation (a hang, an exit, a flood, an out-of-memory
 * kill, a broken frame) settles every pending call with SandboxStopped; nothing the candidate
 * prints is ever mistaken for an answer to a request it was not asked.
 */
export class AgentChannel {
  private readonly log: LogCapture;
  private readonly pending = new Map<number, Pending>();
  private readonly controlWaiters: Array<(frame: Record<string, unknown>) => boolean> = [];
  private nextId = 1;
  private buffered = '';
  private stopped: SandboxStopped | InfraError | undefined;
  private stopReason: { kind: StopKind; detail: string } | undefined;
  readonly closed: Promise<void>;

  constructor(
    private readonly process: AgentProcess,
    private readonly limits: ChannelLimits,
  ) {
    this.log = new LogCapture(limits.outputKeepBytes, limits.outputKillBytes, (bytes) =>
      this.stop('output_limit', `the code printed more than ${Math.round(limits.outputKillBytes / 1024)} KiB (${bytes} bytes)`),
    );
    process.stderr.on('data', (chunk: Buffer) => this.log.write(chunk));
    process.stdout.setEncoding('utf8');
    process.stdout.on('data', (chunk: string) => this.onStdout(chunk));
    process.stdin.on('error', () => undefined); // a dead agent's stdin: the exit path reports it
    this.closed = process.exited.then(
      (exit) => this.onExit(exit),
      (error: unknown) => this.fail(error instanceof InfraError ? error : new InfraError(String(error))),
    );
  }

  get output(): CapturedLog {
    return this.log.snapshot();
  }

  get stoppedBy(): SandboxStopped | InfraError | undefined {
    return this.stopped;
  }

  /** Sends the code; resolves with what the agent made of it. */
  async load(request: { language: string; entry: string; files: SubmittedFile[]; interface: ChallengeInterface }): Promise<LoadOutcome> {
    const frame = await this.awaitControl(
      { op: 'load', ...request },
      (f) => f.type === 'loaded' || f.type === 'load_error',
      this.limits.loadTimeoutMs,
      'loading the code',
    );
    if (frame.type === 'loaded') return { kind: 'loaded', missing: Array.isArray(frame.missing) ? frame.missing.map(String) : [] };
    return { kind: frame.kind === 'compile_error' ? 'compile_error' : 'crashed', message: String(frame.message ?? '') };
  }

  /** One request; resolves with the agent's reply (a candidate exception is a reply, not a rejection). */
  request(frame: Record<string, unknown>, timeoutMs = this.limits.callTimeoutMs): Promise<Reply> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(
        () => this.stop('timeout', `a call did not return within ${timeoutMs} ms`),
        timeoutMs,
      );
      this.pending.set(id, { resolve: (reply) => resolve(parseReply(reply)), reject, timer });
      this.write({ ...frame, id });
    });
  }

  /** Ends the sandbox for a candidate-caused reason; the exit that follows is attributed to it. */
  stop(kind: StopKind, detail: string): void {
    if (this.stopReason || this.stopped) return;
    this.stopReason = { kind, detail };
    void this.process.kill().catch(() => undefined);
    this.fail(new SandboxStopped(kind, detail));
  }

  async dispose(): Promise<void> {
    if (!this.stopped) this.fail(new SandboxStopped('crashed', 'the sandbox was closed'));
    await this.process.kill().catch(() => undefined);
  }

  private awaitControl(
    frame: Record<string, unknown>,
    accept: (frame: Record<string, unknown>) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<Record<string, unknown>> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      const id = 0; // control frames have no id; at most one control exchange is in flight
      const timer = setTimeout(() => this.stop('timeout', `${what} took longer than ${timeoutMs} ms`), timeoutMs);
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, timer });
      this.controlWaiters.push((f) => {
        if (!accept(f)) return false;
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(f);
        return true;
      });
      this.write(frame);
    });
  }

  private write(frame: Record<string, unknown>): void {
    this.process.stdin.write(JSON.stringify(frame) + '\n');
  }

  private onStdout(chunk: string): void {
    this.buffered += chunk;
    let newline: number;
    while ((newline = this.buffered.indexOf('\n')) >= 0) {
      const line = this.buffered.slice(0, newline);
      this.buffered = this.buffered.slice(newline + 1);
      this.onLine(line);
    }
    if (this.buffered.length > this.limits.maxFrameBytes) {
      this.stop('output_limit', `the agent's output had a line longer than ${this.limits.maxFrameBytes} bytes`);
      this.buffered = '';
    }
  }

  private onLine(line: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(line);
    } catch {
      // Not a frame: the candidate wrote to fd 1 directly. Keep it as output.
      this.log.write(line + '\n');
      return;
    }
    if (frame === null || typeof frame !== 'object' || Array.isArray(frame)) {
      this.log.write(line + '\n');
      return;
    }
    const record = frame as Record<string, unknown>;
    if (typeof record.id === 'number' && record.id > 0) {
      const waiter = this.pending.get(record.id);
      if (!waiter) return; // an answer to nothing we asked: ignored, it can only be forged
      clearTimeout(waiter.timer);
      this.pending.delete(record.id);
      waiter.resolve(record);
      return;
    }
    if (typeof record.type === 'string') {
      const index = this.controlWaiters.findIndex((accept) => accept(record));
      if (index >= 0) this.controlWaiters.splice(index, 1);
    }
  }

  private onExit(exit: ExitInfo): void {
    if (this.stopReason) return;
    const output = this.log.snapshot().text;
    if (exit.oomKilled || V8_HEAP_OOM.test(output)) {
      this.fail(new SandboxStopped('memory_limit', 'the code used more memory than the limit allows'));
    } else {
      this.fail(new SandboxStopped('crashed', `the process exited (code ${exit.exitCode ?? 'unknown'}) before answering`));
    }
  }

  private fail(error: SandboxStopped | InfraError): void {
    if (this.stopped) return;
    this.stopped = error;
    for (const [, waiter] of this.pending) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.pending.clear();
    this.controlWaiters.length = 0;
  }
}

const ReplyFrame = z.union([
  z.object({ ok: z.literal(true), value: z.unknown().transform((v) => v ?? null) }),
  z.object({
    ok: z.literal(false),
    error: z.object({ type: z.string().catch('Error'), message: z.string().catch('the call failed'), step: z.number().int().optional().catch(undefined) }),
  }),
]);

function parseReply(frame: unknown): Reply {
  const parsed = ReplyFrame.safeParse(frame);
  if (parsed.success) return parsed.data as Reply;
  return { ok: false, error: { type: 'ProtocolError', message: 'the agent sent a malformed reply' } };
}
