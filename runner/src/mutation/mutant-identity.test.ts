import { describe, expect, it } from 'vitest';
import { mutantIdentity, sameMutant } from './mutant-identity.js';

const source = ['export class A {', '  ok(n: number) {', '    return n >= 0 &&', '      n < 10;', '  }', '}'].join('\n');

describe('mutantIdentity', () => {
  it('names a mutant by its mutator, its line, the code it replaces and the replacement, and shows the line before and after', () => {
    const { identity, diff } = mutantIdentity(source, { mutatorName: 'EqualityOperator', replacement: 'n > 0', location: { start: { line: 2, column: 11 }, end: { line: 2, column: 17 } } });
    expect(identity).toEqual({ mutator: 'EqualityOperator', line: 'return n >= 0 &&', original: 'n >= 0', replacement: 'n > 0' });
    expect(diff).toEqual({ original: '    return n >= 0 &&', mutated: '    return n > 0 &&' });
  });

  it('takes a mutation over several lines whole, with the lines it spans in the diff', () => {
    const { identity, diff } = mutantIdentity(source, { mutatorName: 'ConditionalExpression', replacement: 'true', location: { start: { line: 2, column: 11 }, end: { line: 3, column: 12 } } });
    expect(identity.original).toBe('n >= 0 && n < 10');
    expect(diff).toEqual({ original: '    return n >= 0 &&\n      n < 10;', mutated: '    return true;' });
  });

  it('survives edits elsewhere and re-indentation, but not a change to its own line', () => {
    const at = { mutatorName: 'EqualityOperator', replacement: 'n > 0', location: { start: { line: 2, column: 11 }, end: { line: 2, column: 17 } } };
    const before = mutantIdentity(source, at).identity;
    const edited = `// a new comment\n${source.replace('    return', '        return')}`;
    const moved = mutantIdentity(edited, { ...at, location: { start: { line: 3, column: 15 }, end: { line: 3, column: 21 } } }).identity;
    expect(sameMutant(before, moved)).toBe(true);
    expect(sameMutant(before, { ...moved, line: 'return n >= 1 &&' })).toBe(false);
    expect(sameMutant(before, { ...moved, replacement: 'n < 0' })).toBe(false);
  });

  it('refuses a location outside the file', () => {
    expect(() => mutantIdentity(source, { mutatorName: 'X', replacement: '', location: { start: { line: 9, column: 0 }, end: { line: 9, column: 1 } } })).toThrow(/lies outside its file/);
  });
});
