import { describe, expect, it } from 'vitest';
import { splitInlineCode } from './inline-code.js';

describe('inline code in test names', () => {
  it('turns backtick spans into code and keeps the rest as text', () => {
    expect(splitInlineCode('`tryAcquire` refuses past `capacity`')).toEqual([
      { code: true, text: 'tryAcquire' },
      { code: false, text: ' refuses past ' },
      { code: true, text: 'capacity' },
    ]);
  });

  it('leaves a lone backtick as it is', () => {
    expect(splitInlineCode('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
  });
});
