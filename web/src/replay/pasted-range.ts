import type { RecordedEvent } from '@assay/contract';

export interface TextRange {
  file: string;
  /** Offsets into the file's text right after the paste. */
  start: number;
  end: number;
  /** The text that landed there. */
  text: string;
}

/** The editor records a paste right after the edit that inserted it; selections may come between. */
const LOOKBACK = 5;

/**
 * Where the text of the paste at `pasteIndex` landed: the edit recorded just before it in the
 * same file, and of its changes the one as long as the paste (else the longest), moved by any
 * change of that edit applied after it and before it in the text.
 */
export function pastedRange(events: readonly RecordedEvent[], pasteIndex: number): TextRange | null {
  const paste = events[pasteIndex];
  if (paste?.type !== 'paste') return null;
  for (let i = pasteIndex - 1; i >= Math.max(0, pasteIndex - LOOKBACK); i--) {
    const edit = events[i]!;
    if (edit.type !== 'edit' || edit.file !== paste.file || edit.changes.length === 0) continue;
    const exact = edit.changes.findIndex((c) => c.text.length === paste.size);
    const index = exact >= 0 ? exact : edit.changes.reduce((best, c, k) => (c.text.length > edit.changes[best]!.text.length ? k : best), 0);
    let start = edit.changes[index]!.offset;
    let end = start + edit.changes[index]!.text.length;
    for (const later of edit.changes.slice(index + 1)) {
      if (later.offset > start) continue;
      const shift = later.text.length - later.length;
      start += shift;
      end += shift;
    }
    return { file: paste.file, start, end, text: edit.changes[index]!.text };
  }
  return null;
}
