import type { ChallengeInterface, SandboxLimits, SubmittedFile } from '@assay/contract';
import type { TestSession } from '../harness/run-tests.js';
import { AgentChannel } from '../sandbox/agent-channel.js';
import type { AgentProcess } from '../sandbox/agent-process.js';
import { SandboxStopped } from '../sandbox/sandbox-errors.js';

/**
 * The largest frame an agent may send. A 20,000-call batch answers in ~200 KB, so 2 MiB leaves
 * room while a flood written straight onto the frame channel is caught in well under a second.
 */
const MAX_FRAME_BYTES = 2 * 1024 * 1024;

/**
 * Everything one sandbox may write over its life, frames and log alike. The bundled suites'
 * heaviest run writes well under 2 MiB; a sandbox that writes 16 MiB is flooding the runner.
 */
export const MAX_CHANNEL_BYTES = 16 * 1024 * 1024;

export interface SessionCode {
  language: string;
  entry: string;
  files: SubmittedFile[];
  interface: ChallengeInterface;
}

/** Wraps a started agent in a channel, sends the code, and waits for the agent to load it. */
export async function openSession(process: AgentProcess, limits: SandboxLimits, code: SessionCode): Promise<TestSession> {
  const channel = new AgentChannel(process, {
    callTimeoutMs: limits.callTimeoutMs,
    loadTimeoutMs: Math.max(5_000, limits.callTimeoutMs),
    outputKeepBytes: limits.outputKb * 1024,
    outputKillBytes: limits.outputKillKb * 1024,
    maxFrameBytes: MAX_FRAME_BYTES,
    maxChannelBytes: MAX_CHANNEL_BYTES,
  });
  const close = () => channel.dispose();
  try {
    return { channel, load: await channel.load(code), close };
  } catch (error) {
    if (error instanceof SandboxStopped) return { channel, load: { kind: error.kind, message: error.detail }, close };
    await close();
    throw error;
  }
}
