import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { RecordedEvent } from '@assay/contract';

/**
 * A run of recorded events with consecutive seqs, stored compactly: column by column, then
 * brotli. One JSON row per event took ~110 bytes per keystroke (10.9 MB for a 100,000-edit
 * session); in columns a keystroke is a time delta, a file index, an offset relative to where
 * the last edit ended, and its text, which compress to ~1.5 bytes.
 *
 * Layout: the byte lengths of the sections, then each section brotli-compressed on its own (one
 * stream of like values compresses to near its entropy; all of them in one stream cost ~40%
 * more): a JSON header, the edits' inserted texts joined as one JSON string, then the varint
 * columns. Every kind of event other than an edit (selections, runs, pastes, snapshots …) stays
 * JSON in the header, where brotli finds its repetitions. Lossless: times may be fractional or run
 * backwards, texts may hold lone surrogates (they travel inside JSON strings, never as UTF-8).
 */
const VERSION = 1;
/**
 * One varint stream per field, each homogeneous so brotli models it well (interleaving them per
 * event cost more): time deltas; the shape (0: not an edit, n + 1: an edit of n changes); file
 * index; the change (see COMMON_CHANGES), and for any other change its offset relative to where
 * the previous change's text ended, deleted length and inserted length.
 */
const COLUMNS = ['time', 'shape', 'file', 'op', 'offset', 'deleted', 'inserted'] as const;
/**
 * Changes that make up most of a session, as [move from where the last change's text ended,
 * deleted, inserted]: typing a character, a backspace, a forward delete. The `op` column holds
 * 1 + their index, or 0 when the change is written out in the offset/deleted/inserted columns.
 */
const COMMON_CHANGES: ReadonlyArray<readonly [number, number, number]> = [
  [0, 0, 1],
  [-1, 1, 0],
  [0, 1, 0],
];
type Column = (typeof COLUMNS)[number];
const columnWriters = () => Object.fromEntries(COLUMNS.map((name) => [name, new VarintWriter()])) as Record<Column, VarintWriter>;
type Edit = Extract<RecordedEvent, { type: 'edit' }>;
type Other = Exclude<RecordedEvent, Edit>;

interface Header {
  version: number;
  firstSeq: number;
  count: number;
  /** true: times are zigzag varint deltas; false: `times` holds them as numbers. */
  integerTimes: boolean;
  times?: number[];
  files: string[];

  /** The events that are not edits, in order, without seq and t. */
  others: Array<Omit<Other, 'seq' | 't'>>;
}

export function encodeEventChunk(events: readonly RecordedEvent[]): Buffer {
  const firstSeq = events[0]?.seq ?? 0;
  events.forEach((event, i) => {
    if (event.seq !== firstSeq + i) throw new Error(`an event chunk needs consecutive seqs: ${event.seq} follows ${firstSeq + i - 1}`);
  });
  const integerTimes = events.every((event) => Number.isSafeInteger(event.t));
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const others: Header['others'] = [];
  const texts: string[] = [];
  const columns = columnWriters();
  let lastT = 0;
  let cursor = 0;
  for (const event of events) {
    if (integerTimes) columns.time.signed(event.t - lastT);
    lastT = event.t;
    if (event.type !== 'edit') {
      columns.shape.unsigned(0);
      const { seq: _seq, t: _t, ...rest } = event;
      others.push(rest);
      continue;
    }
    let index = fileIndex.get(event.file);
    if (index === undefined) fileIndex.set(event.file, (index = files.push(event.file) - 1));
    // 0 marks a non-edit, so an edit stores its change count plus one.
    columns.shape.unsigned(event.changes.length + 1);
    columns.file.unsigned(index);
    for (const change of event.changes) {
      const move = change.offset - cursor;
      const op = COMMON_CHANGES.findIndex(([m, d, i]) => m === move && d === change.length && i === change.text.length);
      columns.op.unsigned(op + 1);
      if (op < 0) {
        columns.offset.signed(move);
        columns.deleted.unsigned(change.length);
        columns.inserted.unsigned(change.text.length);
      }
      texts.push(change.text);
      cursor = change.offset + change.text.length;
    }
  }
  const header: Header = { version: VERSION, firstSeq, count: events.length, integerTimes, files, others };
  if (!integerTimes) header.times = events.map((event) => event.t);
  const sections = [Buffer.from(JSON.stringify(header)), Buffer.from(JSON.stringify(texts.join(''))), ...COLUMNS.map((name) => columns[name].bytes())].map(compress);
  const lengths = new VarintWriter();
  for (const section of sections) lengths.unsigned(section.length);
  return Buffer.concat([lengths.bytes(), ...sections]);
}

const compress = (section: Uint8Array) => brotliCompressSync(section, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: section.length } });

export function decodeEventChunk(data: Uint8Array): RecordedEvent[] {
  const lengths = new VarintReader(data);
  const sizes = Array.from({ length: 2 + COLUMNS.length }, () => lengths.unsigned());
  let at = lengths.offset;
  const [headerBytes, textBytes, ...columnBytes] = sizes.map((size) => brotliDecompressSync(data.subarray(at, (at += size))));
  const header = JSON.parse(headerBytes!.toString('utf8')) as Header;
  if (header.version !== VERSION) throw new Error(`unknown event chunk version ${header.version}`);
  const inserted = JSON.parse(textBytes!.toString('utf8')) as string;
  const columns = Object.fromEntries(COLUMNS.map((name, i) => [name, new VarintReader(columnBytes[i]!)])) as Record<Column, VarintReader>;
  const events: RecordedEvent[] = [];
  let t = 0;
  let cursor = 0;
  let textAt = 0;
  let otherAt = 0;
  for (let i = 0; i < header.count; i++) {
    t = header.integerTimes ? t + columns.time.signed() : header.times![i]!;
    const seq = header.firstSeq + i;
    const marker = columns.shape.unsigned();
    if (marker === 0) {
      events.push({ ...header.others[otherAt++]!, seq, t } as RecordedEvent);
      continue;
    }
    const file = header.files[columns.file.unsigned()]!;
    const changes: Edit['changes'] = [];
    for (let c = 1; c < marker; c++) {
      const common = COMMON_CHANGES[columns.op.unsigned() - 1];
      const [move, length, insertedLength] = common ?? [columns.offset.signed(), columns.deleted.unsigned(), columns.inserted.unsigned()];
      const offset = cursor + move;
      const text = inserted.slice(textAt, (textAt += insertedLength));
      changes.push({ offset, length, text });
      cursor = offset + text.length;
    }
    events.push({ seq, t, type: 'edit', file, changes });
  }
  return events;
}

/** LEB128 varints; signed ones zigzag-encoded, so small negatives stay one byte. */
class VarintWriter {
  private buffer = new Uint8Array(1024);
  private length = 0;

  unsigned(value: number): void {
    if (this.length + 8 > this.buffer.length) {
      const next = new Uint8Array(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  signed(value: number): void {
    this.unsigned(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

class VarintReader {
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get offset(): number {
    return this.at;
  }

  unsigned(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.at++];
      if (byte === undefined) throw new Error('an event chunk ends in the middle of a number');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  signed(): number {
    const zigzag = this.unsigned();
    return zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
  }
}
