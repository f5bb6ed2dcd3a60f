import { API_ROUTES, AttemptChange } from '@assay/contract';

/** An attempt changed, or `resync`: changes may have been missed (the stream (re)opened, or it is down and this is a poll). */
export type FeedMessage = AttemptChange | 'resync';

/** While the stream is down, pages refresh this often (the fallback to polling). */
const POLL_MS = 15_000;

const listeners = new Set<(message: FeedMessage) => void>();
let source: EventSource | undefined;
let poller: number | undefined;

function broadcast(message: FeedMessage): void {
  for (const listener of listeners) listener(message);
}

function parseChange(data: string): AttemptChange | undefined {
  try {
    return AttemptChange.safeParse(JSON.parse(data)).data;
  } catch {
    return undefined;
  }
}

function stopPolling(): void {
  window.clearInterval(poller);
  poller = undefined;
}

function startPolling(): void {
  poller ??= window.setInterval(() => {
    broadcast('resync');
    if (!source) open();
  }, POLL_MS);
}

function open(): void {
  const stream = new EventSource(API_ROUTES.reviewFeed.path);
  source = stream;
  stream.addEventListener('ready', () => {
    stopPolling();
    broadcast('resync');
  });
  stream.addEventListener('change', (event) => {
    const change = parseChange((event as MessageEvent<string>).data);
    if (change) broadcast(change);
  });
  stream.addEventListener('error', () => {
    // The browser retries a dropped stream by itself; one it refused (a 401, a proxy) stays closed.
    if (stream.readyState === EventSource.CLOSED && source === stream) source = undefined;
    startPolling();
  });
}

/**
 * Listens to the reviewers' live feed. One stream serves every listener of the page; it opens
 * with the first and closes with the last.
 */
export function listenToReviewFeed(listener: (message: FeedMessage) => void): () => void {
  listeners.add(listener);
  if (!source && poller === undefined) open();
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    source?.close();
    source = undefined;
    stopPolling();
  };
}
