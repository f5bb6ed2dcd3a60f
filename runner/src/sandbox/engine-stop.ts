import type Docker from 'dockerode';
import { InfraError } from './sandbox-errors.js';

interface EngineEvent {
  Action?: string;
  Actor?: { Attributes?: Record<string, string> };
}

/**
 * Why a sandbox ended without the runner asking, when the engine was the cause: a `kill` event
 * for the container means the Docker API stopped it (the daemon shutting down or restarting,
 * or an operator), which candidate code cannot cause; its own signals, exits and OOM kills make
 * no such event. Such an ending is ours, an infrastructure failure, never the candidate's crash.
 */
export async function assertNotStoppedByEngine(docker: Docker, containerId: string, sinceMs: number): Promise<void> {
  let events: EngineEvent[];
  try {
    const stream = (await docker.getEvents({
      since: Math.floor(sinceMs / 1000),
      // A past `until` makes the engine answer from its log at once instead of streaming.
      until: (Date.now() / 1000).toFixed(9),
      filters: { type: ['container'], container: [containerId], event: ['kill'] },
    } as unknown as Parameters<Docker['getEvents']>[0])) as NodeJS.ReadableStream;
    events = parseEventStream(await readAll(stream));
  } catch (error) {
    throw new InfraError(`the sandbox ended and the engine could not say why: ${error instanceof Error ? error.message : String(error)}`);
  }
  const kill = events.find((event) => event.Action === 'kill');
  if (kill) throw new InfraError(`the Docker engine stopped the sandbox (signal ${kill.Actor?.Attributes?.signal ?? 'unknown'}): was Docker restarted?`);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

function parseEventStream(text: string): EngineEvent[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EngineEvent);
}
