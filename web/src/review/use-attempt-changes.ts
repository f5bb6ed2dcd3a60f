import type { AttemptChange } from '@assay/contract';
import { useEffect, useRef } from 'react';
import { listenToReviewFeed } from './review-feed.js';

/** A burst of changes (a batch of verdicts) refreshes a page at most this often. */
const THROTTLE_MS = 1_000;

/**
 * Calls `refresh` when an attempt change that `matches` arrives on the live feed, or when changes
 * may have been missed; at most once a second, the last change of a burst always included.
 */
export function useAttemptChanges(matches: (change: AttemptChange) => boolean, refresh: () => void): void {
  const latest = useRef({ matches, refresh });
  latest.current = { matches, refresh };
  useEffect(() => {
    let timer: number | undefined;
    let last = 0;
    const run = () => {
      timer = undefined;
      last = Date.now();
      latest.current.refresh();
    };
    const stop = listenToReviewFeed((message) => {
      if (message !== 'resync' && !latest.current.matches(message)) return;
      timer ??= window.setTimeout(run, Math.max(0, last + THROTTLE_MS - Date.now()));
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, []);
}
