import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ReviewFeed } from './review-feed.js';

/** How often an idle stream sends a comment line: keeps proxies from closing it and notices a gone session. */
export const FEED_KEEPALIVE_MS = 20_000;
/** How long a browser waits before reconnecting a dropped stream (sent to it as `retry`). */
const RECONNECT_MS = 2_000;

/**
 * Streams the feed to one page as server-sent events named `change` until the page goes away or
 * `stillAllowed` says its session ended (checked at every keepalive), so a disabled reviewer or
 * a logout stops the stream within one keepalive.
 */
export function streamFeed(c: Context, feed: ReviewFeed, stillAllowed: () => Promise<boolean>, keepaliveMs = FEED_KEEPALIVE_MS): Response {
  return streamSSE(c, async (stream) => {
    let writing = Promise.resolve();
    const unsubscribe = await feed.subscribe((change) => {
      writing = writing.then(() => stream.writeSSE({ event: 'change', data: JSON.stringify(change) })).catch(() => undefined);
    });
    const hungUp = new Promise<void>((resolve) => stream.onAbort(() => {
      unsubscribe();
      resolve();
    }));
    try {
      // Sent once changes flow: a page refreshes on it, so nothing between its last fetch and now is missed.
      await stream.writeSSE({ event: 'ready', data: '{}', retry: RECONNECT_MS });
      while (!stream.aborted) {
        await Promise.race([stream.sleep(keepaliveMs), hungUp]);
        if (stream.aborted || !(await stillAllowed())) break;
        await writing;
        await stream.write(': keepalive\n\n');
      }
    } finally {
      unsubscribe();
    }
  });
}
