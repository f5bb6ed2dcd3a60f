/**
 * Alternative: the state pattern. Each state is an object that decides what a call does and
 * which state comes next; failure times live in a queue pruned by time on every call.
 */
export class CircuitOpenError extends Error {
  constructor() {
    super('circuit is open');
    this.name = 'CircuitOpenError';
  }
}

interface Phase {
  readonly name: 'closed' | 'open' | 'half-open';
  /** Whether a call may reach the dependency now. */
  admits(now: number): boolean;
  succeeded(now: number): Phase;
  failed(now: number): Phase;
}

interface Settings {
  failureThreshold: number;
  windowMs: number;
  openMs: number;
  halfOpenTrials: number;
}

class Closed implements Phase {
  readonly name = 'closed';
  private readonly failures: number[] = [];
  constructor(private readonly settings: Settings) {}
  admits(): boolean {
    return true;
  }
  succeeded(): Phase {
    return this;
  }
  failed(now: number): Phase {
    this.failures.push(now);
    while (this.failures.length > 0 && now - this.failures[0]! >= this.settings.windowMs) this.failures.shift();
    return this.failures.length >= this.settings.failureThreshold ? new Open(this.settings, now) : this;
  }
}

class Open implements Phase {
  readonly name = 'open';
  constructor(
    private readonly settings: Settings,
    private readonly since: number,
  ) {}
  admits(): boolean {
    return false;
  }
  /** Open turns into half-open by time alone. */
  next(now: number): Phase {
    return now - this.since >= this.settings.openMs ? new HalfOpen(this.settings) : this;
  }
  succeeded(): Phase {
    return this;
  }
  failed(): Phase {
    return this;
  }
}

class HalfOpen implements Phase {
  readonly name = 'half-open';
  private successes = 0;
  constructor(private readonly settings: Settings) {}
  admits(): boolean {
    return true;
  }
  succeeded(): Phase {
    this.successes += 1;
    return this.successes >= this.settings.halfOpenTrials ? new Closed(this.settings) : this;
  }
  failed(now: number): Phase {
    return new Open(this.settings, now);
  }
}

function positive(name: string, value: unknown, integer = false): number {
  if (typeof value !== 'number') throw new TypeError(`${name} is not a number`);
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be > 0`);
  if (integer && !Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer`);
  return value;
}

export class CircuitBreaker {
  private phase: Phase;
  private successes = 0;
  private failures = 0;
  private rejections = 0;

  constructor(
    private readonly dependency: { fetch(request: string): unknown },
    private readonly clock: () => number,
    failureThreshold: number,
    windowMs: number,
    openMs: number,
    halfOpenTrials: number,
  ) {
    this.phase = new Closed({
      failureThreshold: positive('failureThreshold', failureThreshold, true),
      windowMs: positive('windowMs', windowMs),
      openMs: positive('openMs', openMs),
      halfOpenTrials: positive('halfOpenTrials', halfOpenTrials, true),
    });
  }

  call(request: string): unknown {
    const phase = this.current();
    if (!phase.admits(this.clock())) {
      this.rejections += 1;
      throw new CircuitOpenError();
    }
    let value: unknown;
    try {
      value = this.dependency.fetch(request);
    } catch (error) {
      this.failures += 1;
      this.phase = phase.failed(this.clock());
      throw error;
    }
    this.successes += 1;
    this.phase = phase.succeeded(this.clock());
    return value;
  }

  state(): Phase['name'] {
    return this.current().name;
  }

  metrics() {
    return { successes: this.successes, failures: this.failures, rejections: this.rejections, state: this.state() };
  }

  private current(): Phase {
    if (this.phase instanceof Open) this.phase = this.phase.next(this.clock());
    return this.phase;
  }
}
