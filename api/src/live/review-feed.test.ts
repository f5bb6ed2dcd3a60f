import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import type { AttemptChange } from '@assay/contract';
import { createReviewFeed } from './review-feed.js';

const prefix = `assay-feed-test-${randomBytes(4).toString('hex')}`;
const connections = [new Redis('redis://127.0.0.1:6379'), new Redis('redis://127.0.0.1:6379')];
afterAll(() => connections.forEach((c) => c.disconnect()));

/** Subscribes; what it resolves to is wrapped, or awaiting the subscription would wait for the change too. */
async function nextChange(feed: ReturnType<typeof createReviewFeed>): Promise<{ heard: Promise<AttemptChange> }> {
  let resolve!: (change: AttemptChange) => void;
  const heard = new Promise<AttemptChange>((r) => (resolve = r));
  const stop = await feed.subscribe((change) => {
    stop();
    resolve(change);
  });
  return { heard };
}

it("a change announced by one API process reaches the pages open on another", async () => {
  const [here, there] = connections.map((redis) => createReviewFeed({ redis, prefix }));
  const { heard } = await nextChange(there!);
  here!.announce({ attemptId: 'att_1', change: 'graded' });
  await expect(heard).resolves.toEqual({ attemptId: 'att_1', change: 'graded' });
  expect(there!.listeners).toBe(0);
  await Promise.all([here!.close(), there!.close()]);
});

it('ignores what is not a change on its channel (another writer of the channel cannot reach pages with junk)', async () => {
  const feed = createReviewFeed({ redis: connections[0]!, prefix });
  const heard: AttemptChange[] = [];
  await feed.subscribe((change) => heard.push(change));
  await connections[1]!.publish(`${prefix}:review-feed`, 'not json');
  await connections[1]!.publish(`${prefix}:review-feed`, JSON.stringify({ attemptId: 'att_2', change: 'deleted' }));
  feed.announce({ attemptId: 'att_3', change: 'scored' });
  await expect.poll(() => heard).toEqual([{ attemptId: 'att_3', change: 'scored' }]);
  await feed.close();
});
