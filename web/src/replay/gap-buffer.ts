/**
 * A file's text while a replay is opened: UTF-16 code units (Monaco's offsets) with a gap at the
 * last edit. Typing at a moving cursor costs O(1) per key, where `slice + text + slice` on a
 * string copies the whole file on every key (that made opening a 100,000-edit session take
 * ~300 ms). Lone surrogates survive, as they do in the strings it replaces.
 */
export class GapBuffer {
  private units: Uint16Array;
  private gapStart: number;
  private gapEnd: number;
  private frozen: FrozenText | undefined;

  constructor(text: string) {
    this.units = new Uint16Array(Math.max(64, text.length * 2));
    for (let i = 0; i < text.length; i++) this.units[i] = text.charCodeAt(i);
    this.gapStart = text.length;
    this.gapEnd = this.units.length;
  }

  get length(): number {
    return this.units.length - (this.gapEnd - this.gapStart);
  }

  /** Replaces `length` units at `offset` with `text`; both are clamped to the text, as a replay must go on. */
  replace(offset: number, length: number, text: string): void {
    const at = Math.min(offset, this.length);
    this.moveGap(at);
    this.gapEnd = Math.min(this.units.length, this.gapEnd + length);
    if (text.length > this.gapEnd - this.gapStart) this.grow(text.length);
    for (let i = 0; i < text.length; i++) this.units[this.gapStart++] = text.charCodeAt(i);
    this.frozen = undefined;
  }

  /** The text now, as a copy of its code units (a memcpy); the same copy until the next edit. */
  freeze(): FrozenText {
    if (!this.frozen) {
      const units = new Uint16Array(this.length);
      units.set(this.units.subarray(0, this.gapStart));
      units.set(this.units.subarray(this.gapEnd), this.gapStart);
      this.frozen = new FrozenText(units);
    }
    return this.frozen;
  }

  private moveGap(at: number): void {
    if (at < this.gapStart) {
      const moved = this.gapStart - at;
      this.units.copyWithin(this.gapEnd - moved, at, this.gapStart);
      this.gapStart = at;
      this.gapEnd -= moved;
    } else if (at > this.gapStart) {
      const moved = at - this.gapStart;
      this.units.copyWithin(this.gapStart, this.gapEnd, this.gapEnd + moved);
      this.gapStart = at;
      this.gapEnd += moved;
    }
  }

  private grow(needed: number): void {
    const tail = this.units.length - this.gapEnd;
    const next = new Uint16Array((this.length + needed) * 2 + 64);
    next.set(this.units.subarray(0, this.gapStart));
    next.set(this.units.subarray(this.gapEnd), next.length - tail);
    this.units = next;
    this.gapEnd = next.length - tail;
  }
}

/**
 * A keyframe's copy of a file. It becomes a string only when a seek needs it: decoding every
 * keyframe's files while opening cost more than applying all the edits.
 */
export class FrozenText {
  private text: string | undefined;

  constructor(private readonly units: Uint16Array) {}

  /** String.fromCharCode in slices: it keeps lone surrogates (a TextDecoder would replace them). */
  toString(): string {
    if (this.text === undefined) {
      let text = '';
      for (let i = 0; i < this.units.length; i += 8192) text += String.fromCharCode(...this.units.subarray(i, i + 8192));
      this.text = text;
    }
    return this.text;
  }
}
