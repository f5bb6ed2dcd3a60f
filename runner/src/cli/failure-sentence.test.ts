import { describe, expect, it } from 'vitest';
import { failureSentence } from './failure-sentence.js';

class Intended extends Error {}

describe('failureSentence', () => {
  it("prints an intended error's own sentence", () => {
    expect(failureSentence(new Intended('demo/challenge.yaml:4 kind: Invalid option'), (e) => e instanceof Intended)).toBe('demo/challenge.yaml:4 kind: Invalid option');
  });

  it('names anything else as unexpected, with where it was thrown and no stack or JSON', () => {
    const sentence = failureSentence(new TypeError('x is not a function'), () => false);
    expect(sentence).toMatch(/^The command stopped on an unexpected error \(thrown at runner\/src\/cli\/failure-sentence\.test\.ts:\d+\): x is not a function$/);
    expect(failureSentence('boom', () => false)).toBe('The command stopped on an unexpected string: boom.');
  });
});
