import { PortableError, type TestContext } from '@assay/runner/harness';

export interface Settings {
  failureThreshold: number;
  windowMs: number;
  openMs: number;
  halfOpenTrials: number;
}

const DEFAULTS: Settings = { failureThreshold: 3, windowMs: 1_000, openMs: 5_000, halfOpenTrials: 2 };

/**
 * A breaker over a fake dependency that answers `ok:<request>`, or, while `dependency.down` is
 * set, fails with a state-conflict error naming the request; on a clock starting at `startMs`.
 */
export async function breakerOver({ sut, fake, clock }: TestContext, settings: Partial<Settings> = {}, startMs = 0) {
  const now = clock(startMs);
  const control = { down: false };
  const dependency = fake({
    fetch: (request: string) => {
      if (control.down) throw new PortableError('state-conflict', `the dependency is down (${request})`);
      return `ok:${request}`;
    },
  });
  const { failureThreshold, windowMs, openMs, halfOpenTrials } = { ...DEFAULTS, ...settings };
  const breaker = await sut.create('CircuitBreaker', dependency, now, failureThreshold, windowMs, openMs, halfOpenTrials);
  return { breaker, dependency, control, now };
}

type Breaker = Awaited<ReturnType<typeof breakerOver>>;

/** One call the dependency fails, passed through to the test as its state-conflict error. */
export async function failOnce({ breaker, control }: Breaker, context: TestContext, request = 'x'): Promise<void> {
  control.down = true;
  try {
    await context.assertRaises(breaker.call('call', request), 'state-conflict');
  } finally {
    control.down = false;
  }
}
