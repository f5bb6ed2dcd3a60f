import { describe, expect, it } from 'vitest';
import { fileTexts } from './file-texts.js';

describe('fileTexts', () => {
  it('keeps files named like Object.prototype members as plain files', () => {
    const files = fileTexts([['__proto__', 'a'], ['src/x.ts', 'b']]);
    expect(files.constructor).toBeUndefined();
    expect(files.__proto__).toBe('a');
    expect(Object.keys(files)).toEqual(['__proto__', 'src/x.ts']);
  });
});
