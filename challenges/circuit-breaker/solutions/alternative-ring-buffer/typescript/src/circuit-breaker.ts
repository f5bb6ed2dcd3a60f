/**
 * Alternative: only the last `failureThreshold` failure times are kept, in a ring; the circuit
 * opens when the oldest of them is still inside the window. The mode is stored and advanced
 * eagerly (open → half-open) whenever the breaker is used or read.
 */
export class CircuitOpenError extends Error {
  override name = 'CircuitOpenError';
}

type Mode = 'closed' | 'open' | 'half-open';

function check(name: string, value: unknown, integer: boolean): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`${name}: expected a number`);
  if (value <= 0 || value === Infinity || (integer && Math.floor(value) !== value)) throw new RangeError(`${name}: expected a positive ${integer ? 'integer' : 'number'}`);
  return value;
}

export class CircuitBreaker {
  private readonly ring: number[];
  private ringNext = 0;
  private ringSize = 0;
  private mode: Mode = 'closed';
  private openUntil = 0;
  private trialsLeft = 0;
  private readonly counts = { successes: 0, failures: 0, rejections: 0 };
  private readonly threshold: number;
  private readonly windowMs: number;
  private readonly openMs: number;
  private readonly trials: number;

  constructor(
    private readonly dependency: { fetch(request: string): unknown },
    private readonly clock: () => number,
    failureThreshold: number,
    windowMs: number,
    openMs: number,
    halfOpenTrials: number,
  ) {
    this.threshold = check('failureThreshold', failureThreshold, true);
    this.windowMs = check('windowMs', windowMs, false);
    this.openMs = check('openMs', openMs, false);
    this.trials = check('halfOpenTrials', halfOpenTrials, true);
    this.ring = new Array<number>(this.threshold).fill(0);
  }

  call(request: string): unknown {
    this.advance();
    if (this.mode === 'open') {
      this.counts.rejections++;
      throw new CircuitOpenError('circuit open');
    }
    const wasHalfOpen = this.mode === 'half-open';
    try {
      const value = this.dependency.fetch(request);
      this.counts.successes++;
      if (wasHalfOpen && --this.trialsLeft === 0) this.close();
      return value;
    } catch (error) {
      this.counts.failures++;
      this.failedAt(this.clock(), wasHalfOpen);
      throw error;
    }
  }

  state(): Mode {
    this.advance();
    return this.mode;
  }

  metrics() {
    return { ...this.counts, state: this.state() };
  }

  private advance(): void {
    if (this.mode === 'open' && this.clock() >= this.openUntil) {
      this.mode = 'half-open';
      this.trialsLeft = this.trials;
    }
  }

  private failedAt(now: number, halfOpen: boolean): void {
    if (halfOpen) return this.trip(now);
    this.ring[this.ringNext] = now;
    this.ringNext = (this.ringNext + 1) % this.threshold;
    this.ringSize = Math.min(this.ringSize + 1, this.threshold);
    // When full, ringNext points at the oldest of the last `threshold` failures.
    if (this.ringSize === this.threshold && now - this.ring[this.ringNext]! < this.windowMs) this.trip(now);
  }

  private trip(now: number): void {
    this.mode = 'open';
    this.openUntil = now + this.openMs;
  }

  private close(): void {
    this.mode = 'closed';
    this.ringSize = 0;
    this.ringNext = 0;
  }
}
