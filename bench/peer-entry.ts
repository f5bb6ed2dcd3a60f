/**
 * The peer baseline's test file: what an Exercism-style runner does, run with `node --test`
 * inside one `docker run --rm` per submission. The hidden suites and the candidate module are
 * bundled in (see peer-docker-run.ts), so the assertions run in the candidate's process —
 * exactly the weakness Assay's design avoids; here it only sets the pace to compare against.
 */
import { test } from 'node:test';
import { clientFor } from './in-process-sut.js';
import { createAssertRaises } from '../runner/src/harness/assert-raises.js';
import type { SuiteDefinition } from '../runner/src/harness/suite.js';

export function registerPeerTests(suites: SuiteDefinition[], candidate: unknown): void {
  const client = clientFor(candidate);
  for (const suite of suites) {
    suite.register({
      test(name, _options, body) {
        test(name, () =>
          body({
            ...client,
            measure: (work) => work(),
            fake: () => {
              throw new Error(`test "${name}" uses a fake: fakes need the sandbox channel, which the peer baseline does not have`);
            },
            assertRaises: createAssertRaises([]),
          }),
        );
      },
    });
  }
}
