import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AgentProcess, ExitInfo } from './agent-process.js';
import { AgentChannel, type FakeAnswer } from './agent-channel.js';
import { SandboxStopped } from './sandbox-errors.js';

/**
 * The channel's phases with callbacks, against a scripted agent: the test reads what the channel
 * wrote to the agent's stdin and writes the agent's frames itself, so every out-of-turn frame
 * can be placed exactly where it is out of turn.
 */
function scriptedAgent() {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let exit: (info: ExitInfo) => void = () => undefined;
  const exited = new Promise<ExitInfo>((resolve) => (exit = resolve));
  const process: AgentProcess = {
    stdin,
    stdout,
    stderr,
    exited,
    cpuTimeMs: async () => 0,
    async kill() {
      exit({ exitCode: null, oomKilled: false });
    },
  };
  const sent: Record<string, unknown>[] = [];
  let waiting: (() => void) | undefined;
  stdin.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) sent.push(JSON.parse(line) as Record<string, unknown>);
    waiting?.();
  });
  return {
    process,
    write: (frame: object) => stdout.write(JSON.stringify(frame) + '\n'),
    /** The next frame the channel sends to the agent. */
    async next(): Promise<Record<string, unknown>> {
      while (sent.length === 0) await new Promise<void>((resolve) => (waiting = resolve));
      return sent.shift()!;
    },
  };
}

const LIMITS = { callTimeoutMs: 2_000, loadTimeoutMs: 2_000, outputKeepBytes: 1_024, outputKillBytes: 4_096, maxFrameBytes: 4_096, maxChannelBytes: 64 * 1024 };
const answers = (value: unknown) => async (): Promise<FakeAnswer> => ({ ok: true, value });

async function loadedChannel() {
  const agent = scriptedAgent();
  const channel = new AgentChannel(agent.process, LIMITS);
  agent.write({ type: 'ready' });
  const loaded = channel.load({ language: 'javascript', entry: 'x.js', files: [], interface: { classes: {}, functions: { f: [] } } });
  await agent.next();
  agent.write({ type: 'loaded', missing: [] });
  await loaded;
  return { agent, channel };
}

/** Sends one call and returns its nonce as the agent read it, with the pending reply. */
async function pendingCall(agent: Awaited<ReturnType<typeof loadedChannel>>['agent'], channel: AgentChannel) {
  const reply = channel.request({ op: 'call', ref: null, name: 'f', args: [] });
  const frame = await agent.next();
  return { id: String(frame.id), reply };
}

const callback = (request: string, fake: string, method = 'get', args: unknown[] = ['k']) => ({ type: 'callback', request, fake, method, args });

async function expectCrashed(reply: Promise<unknown>): Promise<void> {
  await expect(reply).rejects.toEqual(new SandboxStopped('crashed', "the code wrote a frame out of turn on the runner's channel"));
}

describe('callbacks on the agent channel', () => {
  it('runs an admitted fake during a pending request and answers with a return frame naming the request', async () => {
    const { agent, channel } = await loadedChannel();
    const calls: unknown[][] = [];
    channel.admitFake('f1', ['get'], async (method, args) => (calls.push([method, ...args]), { ok: true, value: 7 }));
    const { id, reply } = await pendingCall(agent, channel);
    agent.write(callback(id, 'f1'));
    expect(await agent.next()).toEqual({ op: 'return', request: id, ok: true, value: 7 });
    agent.write(callback(id, 'f1', 'get', ['again']));
    expect(await agent.next()).toEqual({ op: 'return', request: id, ok: true, value: 7 });
    agent.write({ id, ok: true, value: 14 });
    expect(await reply).toEqual({ ok: true, value: 14 });
    expect(calls).toEqual([['get', 'k'], ['get', 'again']]);
  });

  it("serves the harness's requests (a clock set by the fake) while a callback runs", async () => {
    const { agent, channel } = await loadedChannel();
    channel.admitFake('f1', ['get'], async () => {
      const set = await channel.request({ op: 'clock', clock: 'c1', set: 50 });
      return { ok: true, value: set.ok };
    });
    const { id, reply } = await pendingCall(agent, channel);
    agent.write(callback(id, 'f1'));
    const clock = await agent.next();
    expect(clock).toMatchObject({ op: 'clock', clock: 'c1', set: 50 });
    agent.write({ id: clock.id, ok: true, value: null });
    expect(await agent.next()).toEqual({ op: 'return', request: id, ok: true, value: true });
    agent.write({ id, ok: true, value: 1 });
    expect(await reply).toEqual({ ok: true, value: 1 });
  });

  it('refuses a callback when no request is pending', async () => {
    const { agent, channel } = await loadedChannel();
    channel.admitFake('f1', ['get'], answers(1));
    agent.write(callback('any', 'f1'));
    await channel.closed;
    expect(channel.stoppedBy).toEqual(new SandboxStopped('crashed', "the code wrote a frame out of turn on the runner's channel"));
  });

  it.each([
    ['a request that is not pending', (id: string) => callback(`${id}x`, 'f1')],
    ['a fake that was not admitted', (id: string) => callback(id, 'f2')],
    ['a method the fake does not have', (id: string) => callback(id, 'f1', 'put')],
    ['a malformed callback', (id: string) => ({ type: 'callback', request: id, fake: 'f1', method: 'get', args: 'k' })],
  ])('refuses a callback for %s', async (_, frame) => {
    const { agent, channel } = await loadedChannel();
    channel.admitFake('f1', ['get'], answers(1));
    const { id, reply } = await pendingCall(agent, channel);
    agent.write(frame(id));
    await expectCrashed(reply);
  });

  it('refuses a revoked fake: a fake serves only the test that passed it', async () => {
    const { agent, channel } = await loadedChannel();
    channel.admitFake('f1', ['get'], answers(1));
    channel.revokeFake('f1');
    const { id, reply } = await pendingCall(agent, channel);
    agent.write(callback(id, 'f1'));
    await expectCrashed(reply);
  });

  it('refuses a second callback while one runs, and a reply to the request whose callback runs', async () => {
    for (const forged of [(id: string) => callback(id, 'f1'), (id: string) => ({ id, ok: true, value: 1 })]) {
      const { agent, channel } = await loadedChannel();
      channel.admitFake('f1', ['get'], () => new Promise<FakeAnswer>(() => undefined));
      const { id, reply } = await pendingCall(agent, channel);
      agent.write(callback(id, 'f1'));
      agent.write(forged(id));
      await expectCrashed(reply);
    }
  });

  it('counts callback bytes against the channel budget', async () => {
    const { agent, channel } = await loadedChannel();
    channel.admitFake('f1', ['get'], answers(1));
    const { id, reply } = await pendingCall(agent, channel);
    const big = 'x'.repeat(3_000);
    const stopped = reply.then(() => undefined, () => undefined);
    for (let i = 0; i < 30 && !channel.stoppedBy; i++) {
      agent.write(callback(id, 'f1', 'get', [big]));
      await Promise.race([agent.next(), stopped]);
    }
    await expect(reply).rejects.toMatchObject({ kind: 'output_limit' });
  });
});
