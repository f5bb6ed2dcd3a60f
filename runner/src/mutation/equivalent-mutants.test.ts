import { describe, expect, it } from 'vitest';
import { matchEquivalents, parseEquivalentMutants } from './equivalent-mutants.js';

const entry = { mutator: 'StringLiteral', line: "throw new RangeError('bad');", original: "'bad'", replacement: '""' };

describe('equivalent-mutants.yaml', () => {
  it('parses entries, each with a reason', () => {
    const text = `- mutator: StringLiteral\n  line: "throw new RangeError('bad');"\n  original: "'bad'"\n  replacement: '""'\n  reason: the requirements do not fix the wording of errors\n`;
    expect(parseEquivalentMutants(text, 'x/equivalent-mutants.yaml')).toEqual([{ ...entry, reason: 'the requirements do not fix the wording of errors' }]);
    expect(parseEquivalentMutants('', 'x/equivalent-mutants.yaml')).toEqual([]);
  });

  it('names the file, the entry and the field that is wrong, and what an entry needs', () => {
    expect(() => parseEquivalentMutants(`- mutator: StringLiteral\n  line: x\n  original: y\n  replacement: z\n`, 'x/equivalent-mutants.yaml')).toThrow(
      /^x\/equivalent-mutants\.yaml: entry 1, field "reason": .*; each entry needs mutator, line, original, replacement .* and a one-line reason$/,
    );
    expect(() => parseEquivalentMutants('a: [', 'x/equivalent-mutants.yaml')).toThrow(/^x\/equivalent-mutants\.yaml is not YAML/);
  });

  it('matches declarations to mutants by identity and reports the ones that match none', () => {
    const mutant = { ...entry, id: '7' };
    const other = { ...entry, id: '8', replacement: '"x"' };
    const stale = { ...entry, line: 'gone();', reason: 'r' };
    const { equivalent, stale: unmatched } = matchEquivalents([mutant, other], [{ ...entry, reason: 'r' }, stale]);
    expect([...equivalent]).toEqual([mutant]);
    expect(unmatched).toEqual([stale]);
  });
});
