import { StringDecoder } from 'node:string_decoder';
import type { CapturedLog } from '@assay/contract';

/**
 * Keeps the first `keepBytes` of candidate output for reviewers and counts the rest.
 * Invalid UTF-8 and binary output become replacement characters, never an exception.
 */
export class LogCapture {
  private readonly chunks: string[] = [];
  private kept = 0;
  private total = 0;
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly keepBytes: number,
    private readonly killBytes: number,
    private readonly onFlood: (bytes: number) => void,
  ) {}

  write(chunk: Buffer | string): void {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.total += buffer.length;
    if (this.kept < this.keepBytes) {
      const slice = buffer.subarray(0, this.keepBytes - this.kept);
      this.kept += slice.length;
      this.chunks.push(this.decoder.write(slice));
    }
    if (this.total > this.killBytes) this.onFlood(this.total);
  }

  get bytes(): number {
    return this.total;
  }

  snapshot(): CapturedLog {
    const text = (this.chunks.join('') + this.decoder.end()).replace(/\u0000/g, '\uFFFD');
    return { text, truncated: this.total > this.kept, bytes: this.total };
  }
}
