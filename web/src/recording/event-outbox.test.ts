import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@assay/contract';
import { createEventOutbox, RecordingFullError, type OutboxStore } from './event-outbox.js';

function memoryStore(): OutboxStore & { events: RecordedEvent[] } {
  let next: number | null = null;
  const store = {
    events: [] as RecordedEvent[],
    append: async (e: RecordedEvent) => void store.events.push(e),
    oldest: async (limit: number) => [...store.events].sort((a, b) => a.seq - b.seq).slice(0, limit),
    removeThrough: async (seq: number) => void (store.events = store.events.filter((e) => e.seq > seq)),
    nextSeq: async () => next,
    setNextSeq: async (seq: number) => void (next = seq),
  };
  return store;
}

const focus = (focused: boolean) => ({ type: 'focus' as const, t: 1, focused });

describe('the event outbox', () => {
  it('numbers densely, sends in order in batches of at most 500, and drops what the server took', async () => {
    const store = memoryStore();
    const sent: number[][] = [];
    const outbox = createEventOutbox({ store, send: async (batch) => void sent.push(batch.map((e) => e.seq)) });
    await outbox.open(-1);
    for (let i = 0; i < 1203; i++) outbox.record(focus(i % 2 === 0));
    expect(await outbox.flush()).toBe(1203);
    expect(sent.map((b) => b.length)).toEqual([500, 500, 203]);
    expect(sent.flat()).toEqual(Array.from({ length: 1203 }, (_, i) => i));
    expect(store.events).toEqual([]);
  });

  it('stops recording once the server says the recording is full, and says so once', async () => {
    const store = memoryStore();
    const notes: string[] = [];
    const received: number[] = [];
    const outbox = createEventOutbox({
      store,
      send: async (batch) => {
        if (batch[0]!.seq >= 500) throw new RecordingFullError('full');
        received.push(...batch.map((e) => e.seq));
      },
      onFull: (message) => notes.push(message),
    });
    await outbox.open(-1);
    for (let i = 0; i < 1200; i++) outbox.record(focus(true));
    expect(await outbox.flush()).toBe(500);
    outbox.record(focus(false));
    expect(await outbox.flush()).toBe(0);
    expect(received).toHaveLength(500);
    expect(store.events).toEqual([]);
    expect(notes).toEqual(['full']);
  });

  it('keeps everything while offline and sends it once the server answers again', async () => {
    const store = memoryStore();
    let online = false;
    const received: number[] = [];
    const outbox = createEventOutbox({
      store,
      send: async (batch) => {
        if (!online) throw new Error('offline');
        received.push(...batch.map((e) => e.seq));
      },
    });
    await outbox.open(-1);
    outbox.record(focus(false));
    outbox.record(focus(true));
    await expect(outbox.flush()).rejects.toThrow('offline');
    expect(await outbox.pendingCount()).toBe(2);
    online = true;
    outbox.record(focus(false));
    await outbox.flush();
    expect(received).toEqual([0, 1, 2]);
  });

  it('after a reload continues the numbering from the store, or from the server when the store is new', async () => {
    const store = memoryStore();
    const first = createEventOutbox({ store, send: async () => undefined });
    await first.open(-1);
    first.record(focus(true));
    first.record(focus(false));
    await first.pendingCount();
    const reloaded = createEventOutbox({ store, send: async () => undefined });
    await reloaded.open(-1);
    expect(reloaded.record(focus(true)).seq).toBe(2);
    const otherBrowser = createEventOutbox({ store: memoryStore(), send: async () => undefined });
    await otherBrowser.open(41);
    expect(otherBrowser.record(focus(true)).seq).toBe(42);
  });
});
