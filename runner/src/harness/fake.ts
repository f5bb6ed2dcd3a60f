import { randomBytes } from 'node:crypto';
import type { FakeAnswer } from '../sandbox/agent-channel.js';
import { PortableError } from './portable-error.js';
import type { Fake, FakeCall, FakeMethods } from './suite.js';

/**
 * A fake as the harness holds it: the suite's methods, the calls the candidate's code made, and
 * the first error a method threw that was not a PortableError (an assertion or a bug in the
 * suite), which fails the test once its body ends rather than vanishing into the candidate's code.
 */
export class ChannelFake implements Fake {
  /** Unpredictable, so code in the sandbox cannot name a fake it was not handed. */
  readonly fakeId = randomBytes(9).toString('base64url');
  readonly calls: FakeCall[] = [];
  fault: unknown;

  constructor(private readonly methods: FakeMethods) {}

  get methodNames(): string[] {
    return Object.keys(this.methods);
  }

  async answer(method: string, args: unknown[]): Promise<FakeAnswer> {
    try {
      const value: unknown = await Reflect.apply(this.methods[method]!, undefined, args);
      // What the code receives, and what is recorded, is the JSON of it; a value JSON cannot carry (a BigInt) is the suite's fault.
      const returned: unknown = value === undefined ? null : JSON.parse(JSON.stringify(value) ?? 'null');
      this.calls.push({ method, args, outcome: { returned } });
      return { ok: true, value: returned };
    } catch (error) {
      const kind = error instanceof PortableError ? error.kind : 'Error';
      this.calls.push({ method, args, outcome: { raised: kind } });
      if (error instanceof PortableError) return { ok: false, error: { type: kind, message: error.message } };
      this.fault ??= error;
      return { ok: false, error: { type: kind, message: `the fake's ${method} failed` } };
    }
  }
}
