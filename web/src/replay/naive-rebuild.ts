import type { RecordedEvent } from '@assay/contract';
import { applyFileChange, recordStore } from './file-change.js';
import { fileTexts } from './file-texts.js';

/**
 * The files a recording describes at `time`, rebuilt the slow obvious way: every event from the
 * start (a snapshot resets the files, edits and file creations, renames and deletions apply in order). The reference the replay engine's
 * keyframed seeking is checked against, and the benchmark's baseline.
 */
export function rebuildNaively(events: readonly RecordedEvent[], time = Number.POSITIVE_INFINITY): Record<string, string> {
  let files = fileTexts();
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.t > time) break;
    if (event.type === 'snapshot') files = fileTexts(Object.entries(event.files));
    if (event.type === 'edit') {
      let text = files[event.file] ?? '';
      for (const c of event.changes) text = text.slice(0, c.offset) + c.text + text.slice(c.offset + c.length);
      files[event.file] = text;
    }
    if (event.type === 'create' || event.type === 'rename' || event.type === 'delete') applyFileChange(recordStore(files), event, () => '');
  }
  return files;
}
