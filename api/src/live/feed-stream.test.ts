import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { streamFeed } from './feed-stream.js';
import { createReviewFeed } from './review-feed.js';

const redis = new Redis('redis://127.0.0.1:6379');
const feed = createReviewFeed({ redis, prefix: `assay-feed-stream-test-${randomBytes(4).toString('hex')}` });
afterAll(async () => {
  await feed.close();
  redis.disconnect();
});

it('streams changes as `change` events, and ends once the session is no longer good', async () => {
  let allowed = true;
  const app = new Hono().get('/feed', (c) => streamFeed(c, feed, async () => allowed, 50));
  const response = await app.request('/feed');
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let received = '';
  const readUntil = async (pattern: RegExp) => {
    while (!pattern.test(received)) {
      const { value, done } = await reader.read();
      if (done) return true;
      received += value;
    }
    return false;
  };
  await readUntil(/event: ready/);
  expect(feed.listeners).toBe(1);
  feed.announce({ attemptId: 'att_9', change: 'submitted' });
  await readUntil(/event: change\ndata: \{"attemptId":"att_9","change":"submitted"\}/);
  await readUntil(/: keepalive/);
  allowed = false;
  expect(await readUntil(/never/)).toBe(true);
  expect(feed.listeners).toBe(0);
});
