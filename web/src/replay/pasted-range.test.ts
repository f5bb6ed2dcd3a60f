import type { RecordedEvent } from '@assay/contract';
import { describe, expect, it } from 'vitest';
import { pastedRange } from './pasted-range.js';

const edit = (seq: number, changes: Array<{ offset: number; length: number; text: string }>, file = 'a.ts'): RecordedEvent => ({ seq, t: seq, type: 'edit', file, changes });
const paste = (seq: number, size: number, file = 'a.ts'): RecordedEvent => ({ seq, t: seq, type: 'paste', file, size, lines: 1 });

describe('pastedRange', () => {
  it('is the text the edit before the paste inserted, a selection in between', () => {
    const events = [edit(0, [{ offset: 4, length: 0, text: 'pasted!' }]), { seq: 1, t: 1, type: 'select', file: 'a.ts', anchor: 11, head: 11 } as RecordedEvent, paste(2, 7)];
    expect(pastedRange(events, 2)).toEqual({ file: 'a.ts', start: 4, end: 11, text: 'pasted!' });
  });

  it('is the change as long as the paste, moved by later changes before it in the text', () => {
    const events = [edit(0, [{ offset: 10, length: 0, text: 'xyz' }, { offset: 2, length: 3, text: 'a' }]), paste(1, 3)];
    expect(pastedRange(events, 1)).toEqual({ file: 'a.ts', start: 8, end: 11, text: 'xyz' });
  });

  it('skips edits of another file, and is null without an edit or for what is not a paste', () => {
    expect(pastedRange([edit(0, [{ offset: 0, length: 0, text: 'abc' }]), edit(1, [{ offset: 0, length: 0, text: 'q' }], 'b.ts'), paste(2, 3)], 2)).toEqual({ file: 'a.ts', start: 0, end: 3, text: 'abc' });
    expect(pastedRange([paste(0, 3)], 0)).toBeNull();
    expect(pastedRange([edit(0, [{ offset: 0, length: 0, text: 'abc' }])], 0)).toBeNull();
  });
});
