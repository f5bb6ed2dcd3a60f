import { randomBytes } from 'node:crypto';
import { capText, TEXT_CAPS, type CapturedLog, type ChallengeInterface, type SubmittedFile } from '@assay/contract';
import { z } from 'zod';
import type { AgentProcess, ExitInfo } from './agent-process.js';
import { FrameReader } from './frame-reader.js';
import { LogCapture } from './log-capture.js';
import { InfraError, SandboxStopped, type StopKind } from './sandbox-errors.js';

export interface ChannelLimits {
  callTimeoutMs: number;
  loadTimeoutMs: number;
  outputKeepBytes: number;
  outputKillBytes: number;
  /** Largest single frame accepted from the agent (a longer stdout line is an output flood). */
  maxFrameBytes: number;
  /** Every byte the sandbox writes, frames and log alike; past it the run is an output flood. */
  maxChannelBytes: number;
}

export type LoadOutcome =
  | { kind: 'loaded'; missing: string[] }
  | { kind: 'compile_error' | StopKind; message: string };

export interface CallFailure {
  type: string;
  message: string;
  step?: number;
  /** The error's class and its base classes, nearest first. */
  lineage?: string[];
}

/** How a fake's method answered a callback; an error's `type` is a portable kind or an error class name. */
export type FakeAnswer = { ok: true; value: unknown } | { ok: false; error: { type: string; message: string } };
/** Runs a fake's method in the harness. Never rejects: a failure is an answer. */
export type FakeHandler = (method: string, args: unknown[]) => Promise<FakeAnswer>;

type Reply = { ok: true; value: unknown } | { ok: false; error: CallFailure };

interface Pending {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Where the conversation is. The agent says `ready` once, then answers `load` once, then answers
 * each request once; a frame that is not the one expected now is out of turn.
 */
type Phase = 'starting' | 'ready' | 'loading' | 'loaded';

const V8_HEAP_OOM = /JavaScript heap out of memory|Reached heap limit/;
const OUT_OF_TURN = "the code wrote a frame out of turn on the runner's channel";

/** A request id the sandbox cannot predict, so no reply can be written before its request is read. */
function nonce(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Request/response over an agent's stdin/stdout (newline-delimited JSON, see agents/PROTOCOL.md).
 * Every way the candidate can end the conversation (a hang, an exit, a flood, an out-of-memory
 * kill, a frame out of turn) settles every pending call with SandboxStopped. Only the agent's
 * code writes to fd 1, so a frame that is malformed, unsolicited, for an unknown id or before
 * its request was sent can only come from the candidate: it ends the run as `crashed`.
 */
export class AgentChannel {
  private readonly log: LogCapture;
  private readonly frames: FrameReader;
  private readonly pending = new Map<string, Pending>();
  /** Fakes the current test passed into the sandbox, by id: the only ones a callback may name. */
  private readonly fakes = new Map<string, { methods: ReadonlySet<string>; handler: FakeHandler }>();
  /** The request whose callback the harness is running; the agent is blocked until it is answered. */
  private callbackOf: string | undefined;
  private phase: Phase = 'starting';
  private onReady: (() => void) | undefined;
  private onLoaded: ((frame: Record<string, unknown>) => void) | undefined;
  private channelBytes = 0;
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
    this.frames = new FrameReader(
      limits.maxFrameBytes,
      (frame) => this.onFrame(frame),
      () => this.stop('output_limit', `the agent's output had a line longer than ${limits.maxFrameBytes} bytes`),
    );
    process.stderr.on('data', (chunk: Buffer) => {
      if (this.count(chunk)) this.log.write(chunk);
    });
    process.stdout.on('data', (chunk: Buffer) => {
      if (this.count(chunk)) this.frames.push(chunk);
    });
    process.stdin.on('error', () => undefined); // a dead agent's stdin: the exit path reports it
    this.closed = process.exited.then(
      (exit) => this.onExit(exit),
      (error: unknown) => this.fail(error instanceof InfraError ? error : new InfraError(String(error))),
    );
  }

  get output(): CapturedLog {
    return this.log.snapshot();
  }

  /** CPU time (ms) the agent's process or sandbox has used so far. */
  cpuTimeMs(): Promise<number> {
    return this.process.cpuTimeMs();
  }

  /** Throws how the sandbox stopped, if it has: nothing a dead sandbox did can count as an outcome. */
  throwIfStopped(): void {
    if (this.stopped) throw this.stopped;
  }

  get stoppedBy(): SandboxStopped | InfraError | undefined {
    return this.stopped;
  }

  /** Sends the code once the agent is ready; resolves with what the agent made of it. */
  async load(request: { language: string; entry: string; files: SubmittedFile[]; interface: ChallengeInterface }): Promise<LoadOutcome> {
    if (this.stopped) throw this.stopped;
    if (this.phase !== 'starting' && this.phase !== 'ready') throw new Error('the code was already sent to this agent');
    const frame = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => this.stop('timeout', `loading the code took longer than ${this.limits.loadTimeoutMs} ms`), this.limits.loadTimeoutMs);
      const send = () => {
        this.phase = 'loading';
        this.write({ op: 'load', ...request });
      };
      this.pending.set('load', { resolve: () => undefined, reject, timer });
      this.onLoaded = (loaded) => {
        clearTimeout(timer);
        this.pending.delete('load');
        resolve(loaded);
      };
      if (this.phase === 'ready') send();
      else this.onReady = send;
    });
    if (frame.type === 'loaded') return { kind: 'loaded', missing: Array.isArray(frame.missing) ? frame.missing.map(String) : [] };
    return { kind: frame.kind === 'compile_error' ? 'compile_error' : 'crashed', message: capText(String(frame.message ?? ''), TEXT_CAPS.message) };
  }

  /** One request; resolves with the agent's reply (a candidate exception is a reply, not a rejection). */
  request(frame: Record<string, unknown>, timeoutMs = this.limits.callTimeoutMs): Promise<Reply> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.phase !== 'loaded') return Promise.reject(new Error('a request before the code was loaded'));
    const id = nonce();
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(
        () => this.stop('timeout', `a call did not return within ${timeoutMs} ms`),
        timeoutMs,
      );
      this.pending.set(id, { resolve, reject, timer });
      this.write({ ...frame, id });
    });
  }

  /** Lets the sandbox call a fake's methods (see agents/PROTOCOL.md, "Fakes") until it is revoked. */
  admitFake(fakeId: string, methods: readonly string[], handler: FakeHandler): void {
    this.fakes.set(fakeId, { methods: new Set(methods), handler });
  }

  /** A fake's test is over: a callback naming it from now on is out of turn. */
  revokeFake(fakeId: string): void {
    this.fakes.delete(fakeId);
  }

  /** Ends the sandbox for a candidate-caused reason; the exit that follows is attributed to it. */
  stop(kind: StopKind, detail: string): void {
    if (this.stopReason || this.stopped) return;
    this.stopReason = { kind, detail };
    this.frames.close();
    void this.process.kill().catch(() => undefined);
    this.fail(new SandboxStopped(kind, detail));
  }

  async dispose(): Promise<void> {
    if (!this.stopped) this.fail(new SandboxStopped('crashed', 'the sandbox was closed'));
    this.frames.close();
    await this.process.kill().catch(() => undefined);
  }

  private write(frame: Record<string, unknown>): void {
    this.process.stdin.write(JSON.stringify(frame) + '\n');
  }

  /** Counts a chunk against the channel budget; false once the sandbox is over it or stopped. */
  private count(chunk: Buffer): boolean {
    if (this.stopReason) return false;
    this.channelBytes += chunk.length;
    if (this.channelBytes <= this.limits.maxChannelBytes) return true;
    this.stop('output_limit', `the sandbox wrote more than ${Math.round(this.limits.maxChannelBytes / 1024 / 1024)} MiB`);
    return false;
  }

  private onFrame(bytes: Buffer): void {
    if (this.stopReason) return;
    let frame: unknown;
    try {
      frame = JSON.parse(bytes.toString('utf8'));
    } catch {
      frame = undefined;
    }
    if (frame === null || typeof frame !== 'object' || Array.isArray(frame) || !this.accept(frame as Record<string, unknown>)) {
      this.stop('crashed', OUT_OF_TURN);
    }
  }

  /** Takes a frame if it is the one expected now. */
  private accept(frame: Record<string, unknown>): boolean {
    if (this.phase === 'starting') {
      if (frame.type !== 'ready') return false;
      this.phase = 'ready';
      this.onReady?.();
      return true;
    }
    if (this.phase === 'loading') {
      if (frame.type !== 'loaded' && frame.type !== 'load_error') return false;
      this.phase = 'loaded';
      this.onLoaded?.(frame);
      return true;
    }
    if (this.phase !== 'loaded') return false;
    if (frame.type === 'callback') return this.acceptCallback(frame);
    // While its callback runs, the agent is blocked in it: a reply to that request is forged.
    if (typeof frame.id !== 'string' || frame.id === this.callbackOf) return false;
    const waiter = this.pending.get(frame.id);
    const reply = ReplyFrame.safeParse(frame);
    if (!waiter || !reply.success) return false;
    clearTimeout(waiter.timer);
    this.pending.delete(frame.id);
    waiter.resolve(reply.data);
    return true;
  }

  /**
   * Takes a call to a fake: only during a request the agent has read (it names that request's
   * nonce), never while another callback runs (the agent is blocked in that one), and only for
   * a fake admitted in the current test, by a method it has. The answer names the request.
   */
  private acceptCallback(frame: Record<string, unknown>): boolean {
    const callback = CallbackFrame.safeParse(frame);
    if (!callback.success || this.callbackOf !== undefined) return false;
    const { request, fake, method, args } = callback.data;
    const target = this.fakes.get(fake);
    if (!this.pending.has(request) || !target?.methods.has(method)) return false;
    this.callbackOf = request;
    void target.handler(method, args).then((answer) => {
      this.callbackOf = undefined;
      if (!this.stopped) this.write({ op: 'return', request, ...answer });
    });
    return true;
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
  }
}

/** A reply as the agent writes it; the error's type and message are capped, whatever the code threw. */
const ReplyFrame = z.union([
  z.object({ ok: z.literal(true), value: z.unknown().transform((v) => v ?? null) }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      type: z.string().catch('Error').transform((t) => capText(t, TEXT_CAPS.errorType)),
      message: z.string().catch('the call failed').transform((m) => capText(m, TEXT_CAPS.message)),
      step: z.number().int().optional().catch(undefined),
      lineage: z
        .array(z.string())
        .optional()
        .catch(undefined)
        .transform((names) => names?.slice(0, 16).map((name) => capText(name, TEXT_CAPS.errorType))),
    }),
  }),
]);

/** A call the candidate's code made to a fake's proxy, as the agent writes it. */
const CallbackFrame = z
  .object({
    type: z.literal('callback'),
    request: z.string(),
    fake: z.string(),
    method: z.string(),
    args: z.array(z.unknown()),
  })
  .strict();
