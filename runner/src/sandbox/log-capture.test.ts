import { describe, expect, it } from 'vitest';
import { LogCapture } from './log-capture.js';

describe('LogCapture', () => {
  it('keeps the head, counts everything, and flags truncation', () => {
    let flooded = 0;
    const log = new LogCapture(10, 1000, (bytes) => (flooded = bytes));
    log.write('hello ');
    log.write('world, and more');
    expect(log.snapshot()).toEqual({ text: 'hello worl', truncated: true, bytes: 21 });
    expect(flooded).toBe(0);
  });

  it('calls onFlood past the kill threshold', () => {
    let flooded = 0;
    const log = new LogCapture(4, 8, (bytes) => (flooded = bytes));
    log.write(Buffer.alloc(9, 120));
    expect(flooded).toBe(9);
  });

  it('turns invalid UTF-8 and NUL bytes into replacement characters', () => {
    const log = new LogCapture(100, 1000, () => undefined);
    log.write(Buffer.from([0x61, 0xff, 0xfe, 0x00, 0x62]));
    expect(log.snapshot().text).toBe('a\uFFFD\uFFFD\uFFFDb');
  });

  it('does not split a multi-byte character across writes', () => {
    const log = new LogCapture(100, 1000, () => undefined);
    const euro = Buffer.from('€');
    log.write(euro.subarray(0, 1));
    log.write(euro.subarray(1));
    expect(log.snapshot().text).toBe('€');
  });
});
