import type { RecordedEvent } from '@assay/contract';

/** The files a recording describes, rebuilt the slow obvious way: the last snapshot, then every edit. */
export function reconstructFiles(events: readonly RecordedEvent[]): Record<string, string> {
  let files: Record<string, string> = {};
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.type === 'snapshot') files = { ...event.files };
    if (event.type === 'edit') {
      let text = files[event.file] ?? '';
      for (const change of event.changes) text = text.slice(0, change.offset) + change.text + text.slice(change.offset + change.length);
      files[event.file] = text;
    }
  }
  return files;
}
