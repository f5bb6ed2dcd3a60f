import type { AgentChannel } from '../sandbox/agent-channel.js';
import { ChannelFake } from './fake.js';
import { CandidateError, type BatchStep, type ClockStep, type Fake, type FakeMethods, type Instance, type ManualClock, type Sut } from './suite.js';

type Encode = (args: unknown[]) => unknown[];

class ChannelClock implements ManualClock {
  constructor(
    readonly clockId: string,
    public nowMs: number,
    private readonly channel: AgentChannel,
  ) {}

  async set(ms: number): Promise<void> {
    this.nowMs = ms;
    await this.channel.request({ op: 'clock', clock: this.clockId, set: ms });
  }

  advance(ms: number): Promise<void> {
    return this.set(this.nowMs + ms);
  }

  at(ms: number): ClockStep {
    this.nowMs = ms;
    return { clockId: this.clockId, setMs: ms };
  }
}

class ChannelInstance implements Instance {
  constructor(
    readonly className: string,
    readonly ref: number,
    private readonly channel: AgentChannel,
    private readonly encode: Encode,
  ) {}

  async call(method: string, ...args: unknown[]): Promise<unknown> {
    return unwrap(await this.channel.request({ op: 'call', ref: this.ref, name: method, args: this.encode(args) }));
  }

  async batch(steps: BatchStep[]): Promise<unknown[]> {
    const frames = steps.map((step, index) => {
      if (isClockStep(step)) return { clock: step.clockId, set: step.setMs };
      if (typeof step[0] !== 'string') throw new TypeError(`batch step ${index} must start with a method name`);
      return { name: step[0], args: this.encode(step.slice(1)) };
    });
    const value = unwrap(await this.channel.request({ op: 'batch', ref: this.ref, steps: frames }));
    if (!Array.isArray(value)) throw new CandidateError('ProtocolError', 'a batch did not return a list');
    return value;
  }
}

function isClockStep(step: BatchStep): step is ClockStep {
  return !Array.isArray(step);
}

function unwrap(reply: Awaited<ReturnType<AgentChannel['request']>>): unknown {
  if (reply.ok) return reply.value;
  throw new CandidateError(reply.error.type, reply.error.message, reply.error.step, reply.error.lineage ?? [reply.error.type]);
}

/**
 * Clock ids are unique for the life of the runner: every test of a run shares one agent, so a
 * per-test counter would hand a later test the clock (and the time) an earlier test left.
 */
let clocksMade = 0;

export interface ChannelClient {
  sut: Sut;
  clock(startMs?: number): ManualClock;
  fake(methods: FakeMethods): Fake;
  /**
   * Ends the test's use of the channel: its fakes stop answering (a later call from the sandbox
   * is out of turn), and the first error a fake's method threw that was not a PortableError is
   * thrown here, so it fails the test.
   */
  close(): void;
}

/** The `sut`, `clock` and `fake` one test receives, speaking to one loaded agent. */
export function createSutClient(channel: AgentChannel): ChannelClient {
  const fakes: ChannelFake[] = [];

  /** Replaces harness objects with their wire form; a fake passed to the sandbox starts to answer. */
  const wireForm = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof ChannelClock) return { $clock: value.clockId };
    if (value instanceof ChannelInstance) return { $ref: value.ref };
    if (value instanceof ChannelFake) {
      channel.admitFake(value.fakeId, value.methodNames, (method, args) => value.answer(method, args));
      return { $fake: value.fakeId, methods: value.methodNames };
    }
    if (Array.isArray(value)) return value.map(wireForm);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wireForm(v)]));
  };
  const encode: Encode = (args) => args.map(wireForm);

  const sut: Sut = {
    async create(className, ...args) {
      const value = unwrap(await channel.request({ op: 'new', class: className, args: encode(args) }));
      const ref = (value as { $ref?: unknown } | null)?.$ref;
      if (typeof ref !== 'number') throw new CandidateError('ProtocolError', `constructing ${className} returned no instance`);
      return new ChannelInstance(className, ref, channel, encode);
    },
    async call(functionName, ...args) {
      return unwrap(await channel.request({ op: 'call', ref: null, name: functionName, args: encode(args) }));
    },
  };
  return {
    sut,
    clock(startMs = 0) {
      clocksMade += 1;
      const clock = new ChannelClock(`c${clocksMade}`, startMs, channel);
      // The agent creates a clock at 0 on first sight; a non-zero start is set with the first call that uses it.
      if (startMs !== 0) void channel.request({ op: 'clock', clock: clock.clockId, set: startMs }).catch(() => undefined);
      return clock;
    },
    fake(methods) {
      const made = new ChannelFake(methods);
      fakes.push(made);
      return made;
    },
    close() {
      for (const made of fakes) channel.revokeFake(made.fakeId);
      const fault = fakes.find((made) => made.fault !== undefined)?.fault;
      if (fault !== undefined) throw fault;
    },
  };
}
