import { describe, expect, it } from 'vitest';
import { prng } from './random-session.js';
import { GapBuffer } from './gap-buffer.js';

describe('GapBuffer', () => {
  it('matches string slicing over random edits anywhere, growing past its capacity', () => {
    const random = prng(3);
    const buffer = new GapBuffer('héllo 🙂\n');
    let text = 'héllo 🙂\n';
    for (let i = 0; i < 5_000; i++) {
      const offset = Math.floor(random() * (text.length + 1));
      const length = Math.min(text.length - offset, Math.floor(random() * 3));
      const insert = ['a', '', 'é', '🙂', 'long line of pasted text\n'.repeat(Math.floor(random() * 4))][Math.floor(random() * 5)]!;
      buffer.replace(offset, length, insert);
      text = text.slice(0, offset) + insert + text.slice(offset + length);
      if (i % 250 === 0) expect(buffer.freeze().toString()).toBe(text);
    }
    expect(buffer.length).toBe(text.length);
    expect(buffer.freeze().toString()).toBe(text);
  });

  it('keeps a lone surrogate left by deleting half of a pair', () => {
    const buffer = new GapBuffer('a🙂b');
    buffer.replace(2, 1, '');
    expect(buffer.freeze().toString()).toBe('a\ud83db');
  });

  it('clamps an edit that reaches past the end, and shares a frozen copy until the next edit', () => {
    const buffer = new GapBuffer('abc');
    buffer.replace(10, 5, 'd');
    expect(buffer.freeze().toString()).toBe('abcd');
    buffer.replace(2, 10, '');
    const frozen = buffer.freeze();
    expect(frozen.toString()).toBe('ab');
    expect(buffer.freeze()).toBe(frozen);
    buffer.replace(0, 0, 'x');
    expect(buffer.freeze()).not.toBe(frozen);
  });
});
