/**
 * Splits an agent's stdout into newline-terminated frames. Each byte is scanned once (a search
 * starts where the last one ended, and a frame's pieces are joined once, when its newline
 * arrives), so a slow drip after megabytes of padding costs no more than the bytes themselves.
 * A frame longer than `maxFrameBytes` is refused before it is buffered.
 */
export class FrameReader {
  private parts: Buffer[] = [];
  private partBytes = 0;
  private closed = false;

  constructor(
    private readonly maxFrameBytes: number,
    private readonly onFrame: (frame: Buffer) => void,
    private readonly onOversize: () => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    while (!this.closed && start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline < 0 ? chunk.length : newline;
      if (this.partBytes + end - start > this.maxFrameBytes) {
        this.close();
        this.onOversize();
        return;
      }
      if (newline < 0) {
        this.parts.push(chunk.subarray(start));
        this.partBytes += chunk.length - start;
        return;
      }
      const piece = chunk.subarray(start, newline);
      const frame = this.parts.length === 0 ? piece : Buffer.concat([...this.parts, piece]);
      this.parts = [];
      this.partBytes = 0;
      start = newline + 1;
      this.onFrame(frame);
    }
  }

  /** Drops what is buffered; later bytes are ignored. */
  close(): void {
    this.closed = true;
    this.parts = [];
    this.partBytes = 0;
  }
}
