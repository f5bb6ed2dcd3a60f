import { describe, expect, it } from 'vitest';
import { isLinearizableRegister, minimalNonLinearizable, type RegisterCall } from './register-linearizability.js';

const w = (value: string, invokedAt: number, completedAt: number): RegisterCall => ({ kind: 'write', value, invokedAt, completedAt });
const r = (value: string | null, invokedAt: number, completedAt: number): RegisterCall => ({ kind: 'read', value, invokedAt, completedAt });

describe('register linearizability (Wing & Gong search, memoised)', () => {
  it.each([
    ['a read overlapping a write sees the new value', [w('1', 0, 10), r('1', 5, 15)]],
    ['a read overlapping a write sees the old value', [w('1', 0, 10), r(null, 5, 15)]],
    ['reads during a slow write flip once, old then new', [w('1', 0, 100), r(null, 10, 20), r('1', 30, 40), r('1', 50, 60)]],
    ['two concurrent writes, then reads agreeing on either', [w('1', 0, 10), w('2', 0, 10), r('2', 11, 12), r('2', 13, 14)]],
    ['a timed-out write may take effect long after', [w('1', 0, Infinity), r(null, 10, 20), r('1', 30, 40)]],
    ['operations that touch in time count as concurrent', [w('1', 0, 10), r(null, 10, 20)]],
  ])('linearizable: %s', (_, ops) => expect(isLinearizableRegister(ops)).toBe(true));

  it.each([
    ['a stale read after the write was acknowledged', [w('1', 0, 1), r(null, 2, 3)]],
    ['new-old inversion: a read sees the new value, a later one the old', [w('1', 0, 100), r('1', 10, 20), r(null, 30, 40)]],
    ['after two concurrent writes ended, the value changes with no write', [w('1', 0, 10), w('2', 0, 10), r('1', 11, 12), r('2', 13, 14)]],
    ['Herlihy & Wing: a read returns a value overwritten before it began', [w('1', 0, 5), w('2', 6, 10), r('1', 11, 20)]],
    ['a read of a value never written', [w('1', 0, 5), r('7', 6, 8)]],
  ])('not linearizable: %s', (_, ops) => expect(isLinearizableRegister(ops)).toBe(false));

  it('finds a history of 200 concurrent operations linearizable without exhausting the search', () => {
    const ops: RegisterCall[] = [];
    for (let i = 0; i < 100; i++) ops.push(w(`${i}`, i * 10, i * 10 + 25), r(`${i}`, i * 10 + 26, i * 10 + 27));
    expect(isLinearizableRegister(ops)).toBe(true);
  });

  it('shrinks a failing history to the operations that show the violation', () => {
    const ops = [w('0', 0, 1), r('0', 2, 3), w('1', 4, 5), r('1', 6, 7), w('2', 8, 9), r('1', 10, 11), r('2', 12, 13)];
    expect(minimalNonLinearizable(ops)).toEqual([2, 4, 5]);
  });
});
