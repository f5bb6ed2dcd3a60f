import type { Redis } from 'ioredis';
import { AttemptChange } from '@assay/contract';

export type Announce = (change: AttemptChange) => void;

export interface ReviewFeed {
  /**
   * Tells the open reviewer pages of every API process that an attempt changed. Never throws
   * and never waits: a message lost while Redis is down costs a page one refresh, which it makes
   * anyway when its stream reconnects.
   */
  announce: Announce;
  /**
   * Calls `listener` for every change any API process announces from the time it resolves
   * (Redis has confirmed the subscription); resolves to the unsubscribe.
   */
  subscribe(listener: (change: AttemptChange) => void): Promise<() => void>;
  /** Open subscriptions in this process (one per open reviewer page). */
  readonly listeners: number;
  close(): Promise<void>;
}

/**
 * The reviewers' live feed, over Redis pub/sub so that a page open on one API process hears a
 * verdict written by another. One subscriber connection per process, made on the first page
 * and shared by all; ioredis subscribes it again by itself after a reconnect.
 */
export function createReviewFeed({ redis, prefix }: { redis: Redis; prefix: string }): ReviewFeed {
  const channel = `${prefix}:review-feed`;
  const listeners = new Set<(change: AttemptChange) => void>();
  let subscribed: Promise<unknown> | undefined;
  let subscriber: Redis | undefined;

  function deliver(text: string): void {
    let parsed;
    try {
      parsed = AttemptChange.safeParse(JSON.parse(text));
    } catch {
      return;
    }
    if (!parsed.success) return;
    for (const listener of listeners) listener(parsed.data);
  }

  return {
    announce(change) {
      redis.publish(channel, JSON.stringify(AttemptChange.parse(change))).catch(() => undefined);
    },
    async subscribe(listener) {
      if (!subscriber) {
        subscriber = redis.duplicate({ maxRetriesPerRequest: null });
        subscriber.on('error', () => undefined);
        subscriber.on('message', (_channel: string, text: string) => deliver(text));
        subscribed = subscriber.subscribe(channel);
      }
      listeners.add(listener);
      await subscribed;
      return () => void listeners.delete(listener);
    },
    get listeners() {
      return listeners.size;
    },
    async close() {
      listeners.clear();
      subscriber?.disconnect();
    },
  };
}
