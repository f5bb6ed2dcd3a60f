import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrameReader } from './frame-reader.js';

function reader(maxFrameBytes = 1024) {
  const frames: string[] = [];
  let oversize = 0;
  const r = new FrameReader(maxFrameBytes, (f) => frames.push(f.toString('utf8')), () => (oversize += 1));
  return { r, frames, oversize: () => oversize };
}

afterEach(() => vi.restoreAllMocks());

describe('FrameReader', () => {
  it('splits frames across and within chunks, multi-byte characters included', () => {
    const { r, frames } = reader();
    const bytes = Buffer.from('{"a":"é"}\n{"b":1}\n{"c"');
    r.push(bytes.subarray(0, 7)); // cuts é in half
    r.push(bytes.subarray(7));
    r.push(Buffer.from(':2}\n'));
    expect(frames).toEqual(['{"a":"é"}', '{"b":1}', '{"c":2}']);
  });

  it('refuses a frame longer than the cap before buffering it, once', () => {
    const { r, frames, oversize } = reader(10);
    r.push(Buffer.from('0123456789'));
    expect(oversize()).toBe(0);
    r.push(Buffer.from('x'));
    r.push(Buffer.from('\n{}\n'));
    expect(oversize()).toBe(1);
    expect(frames).toEqual([]);
  });

  it('scans each byte once: 2 MiB of padding then a byte at a time costs linear work', () => {
    const { r, frames } = reader(4 * 1024 * 1024);
    const indexOf = vi.spyOn(Buffer.prototype, 'indexOf');
    const concat = vi.spyOn(Buffer, 'concat');
    r.push(Buffer.alloc(2 * 1024 * 1024, 0x20));
    const drip = 5_000;
    for (let i = 0; i < drip; i++) r.push(Buffer.from(' '));
    r.push(Buffer.from('{}\n'));
    expect(frames).toHaveLength(1);
    // One search per chunk, each over its new bytes only; one join for the whole frame.
    expect(indexOf.mock.calls.length).toBeLessThanOrEqual(drip + 3);
    expect(indexOf.mock.calls.every(([, from]) => from === 0)).toBe(true);
    expect(concat).toHaveBeenCalledTimes(1);
  });
});
