import type { EventFields, RecordedEvent } from '@assay/contract';

/** mulberry32: small, seeded, and good in every bit. */
export function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const FILES = ['src/a.ts', 'src/b.ts', 'DESIGN.md', 'notes/ünïcödé.md'];

/** Creates `file` if it is missing, else renames it to `other` or deletes it, tracking `files`. */
function fileChange(files: Record<string, string>, file: string, other: string): EventFields {
  const text = files[file];
  if (text === undefined) return (files[file] = ''), { type: 'create', file };
  delete files[file];
  if (other === file) return { type: 'delete', file };
  files[other] = text;
  return { type: 'rename', file, to: other };
}

/**
 * A long random session for tests and the replay benchmark: typing, deletions, multi-range
 * edits (from the end backwards, as the editor gives them), pastes, file switches, runs, focus
 * changes, idle minutes, reload snapshots and files created, renamed and deleted, over several
 * files including non-ASCII names.
 */
export function randomSession(seed: number, count: number): RecordedEvent[] {
  const random = prng(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const files: Record<string, string> = { 'src/a.ts': 'export {};\n', 'src/b.ts': '' };
  const events: RecordedEvent[] = [{ seq: 0, t: 0, type: 'snapshot', files: { ...files } }];
  let t = 0;
  for (let seq = 1; seq < count; seq++) {
    t += random() < 0.01 ? 60_000 : Math.floor(random() * 400);
    const roll = random();
    const file = pick(FILES);
    const text = files[file] ?? '';
    if (roll < 0.75) {
      // One to three non-overlapping ranges, given from the end backwards as the editor does.
      const cuts = [Math.floor(random() * (text.length + 1)), Math.floor(random() * (text.length + 1)), Math.floor(random() * (text.length + 1))].sort((a, b) => b - a).slice(0, 1 + Math.floor(random() * 3));
      const changes = cuts.map((offset, i) => {
        const room = (i === 0 ? text.length : cuts[i - 1]!) - offset;
        return { offset, length: Math.min(room, random() < 0.3 ? Math.floor(random() * 5) : 0), text: random() < 0.2 ? '' : pick(['x', 'ab', '\n', '🙂', 'é', 'return 1;\n']) };
      });
      let next = text;
      for (const c of changes) next = next.slice(0, c.offset) + c.text + next.slice(c.offset + c.length);
      files[file] = next;
      events.push({ seq, t, type: 'edit', file, changes });
    } else if (roll < 0.85) events.push({ seq, t, type: 'select', file, anchor: 0, head: Math.floor(random() * (text.length + 1)) });
    else if (roll < 0.9) events.push({ seq, t, type: 'open', file });
    else if (roll < 0.93) events.push({ seq, t, type: 'paste', file, size: 40, lines: 2 });
    else if (roll < 0.96) events.push({ seq, t, type: 'focus', focused: random() < 0.5 });
    else if (roll < 0.99) events.push({ seq, t, type: 'run', runId: `r${seq}`, passed: 3, total: 5 });
    else if (roll < 0.995) events.push({ seq, t, type: 'snapshot', files: { ...files } });
    else events.push({ seq, t, ...fileChange(files, file, pick(FILES)) });
  }
  return events;
}

/**
 * A session shaped like real work, for the replay benchmark: `edits` single keystrokes and
 * backspaces in bursts at a moving cursor, a few pastes, file switches, test runs every couple of
 * thousand edits, focus changes, two reloads (snapshots), over three hours and four files.
 */
export function typingSession(seed: number, edits: number): RecordedEvent[] {
  const random = prng(seed);
  const files: Record<string, string> = { 'src/cache.ts': 'export class Cache {}\n', 'src/shard.ts': '', 'src/ring.ts': '', 'DESIGN.md': '# Design\n' };
  const paths = Object.keys(files);
  const events: RecordedEvent[] = [];
  let t = 0;
  const push = (event: EventFields) => events.push({ ...event, seq: events.length, t } as RecordedEvent);
  push({ type: 'snapshot', files: { ...files } });
  let file = paths[0]!;
  let cursor = 0;
  const step = (3 * 3600_000) / edits;
  for (let i = 0; i < edits; i++) {
    t += Math.round(step * (random() < 0.02 ? 20 : 0.5 + random()));
    if (random() < 0.002) {
      file = paths[Math.floor(random() * paths.length)]!;
      cursor = Math.floor(random() * (files[file]!.length + 1));
      push({ type: 'open', file });
    }
    const text = files[file]!;
    cursor = Math.min(cursor, text.length);
    if (random() < 0.01) cursor = Math.floor(random() * (text.length + 1));
    if (random() < 0.0005) {
      const pasted = 'const value = compute(input);\n'.repeat(10 + Math.floor(random() * 40));
      files[file] = text.slice(0, cursor) + pasted + text.slice(cursor);
      push({ type: 'edit', file, changes: [{ offset: cursor, length: 0, text: pasted }] });
      push({ type: 'paste', file, size: pasted.length, lines: pasted.split('\n').length });
      cursor += pasted.length;
    } else if (random() < 0.15 && cursor > 0) {
      files[file] = text.slice(0, cursor - 1) + text.slice(cursor);
      push({ type: 'edit', file, changes: [{ offset: cursor - 1, length: 1, text: '' }] });
      cursor -= 1;
    } else {
      const key = 'abcdefghijklmnopqrstuvwxyz (){};=\n'[Math.floor(random() * 34)]!;
      files[file] = text.slice(0, cursor) + key + text.slice(cursor);
      push({ type: 'edit', file, changes: [{ offset: cursor, length: 0, text: key }] });
      cursor += 1;
    }
    if (i % 2_000 === 1_999) push({ type: 'run', runId: `run-${i}`, passed: Math.floor(random() * 10), total: 10 });
    if (random() < 0.0003) {
      push({ type: 'focus', focused: false });
      t += 30_000;
      push({ type: 'focus', focused: true });
    }
    if (i === Math.floor(edits / 3) || i === Math.floor((2 * edits) / 3)) push({ type: 'snapshot', files: { ...files } });
  }
  return events;
}
