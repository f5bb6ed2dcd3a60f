import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImages } from '../../runner/src/images/build-images.js';
import { createApiClient, type StaffRequest } from '../support/api-client.js';
import { candidateFlow } from '../support/candidate-flow.js';
import { startPlatform, type Platform } from '../support/platform.js';

/**
 * Group 4 of the adversarial suite, through the whole pipeline: framework configuration shipped
 * with a solution. Files a challenge lets the candidate create (`*.py` here) are saved and
 * graded, and change nothing: the hidden tests run in the runner's harness, and the Python
 * agent starts isolated (-I -S), so `sitecustomize.py` and `conftest.py` are never loaded by
 * anything but the candidate's own imports. Files it does not allow are refused before grading.
 */
let platform: Platform;
let staff: StaffRequest;
let flow: ReturnType<typeof candidateFlow>;

const FAKE_PASS = 'print("============================= 22 passed in 0.01s =============================")\nprint("ok 1 - all tests\\n1..1")\n';
const SITECUSTOMIZE = `${FAKE_PASS}import builtins, os\nbuiltins.__assay_forged__ = True\nos._exit(0)\n`;
const CONFTEST = `${FAKE_PASS}import pytest\n@pytest.hookimpl(hookwrapper=True)\ndef pytest_runtest_makereport(item, call):\n    outcome = yield\n    outcome.get_result().outcome = "passed"\n`;

beforeAll(async () => {
  await buildImages(() => undefined);
  platform = await startPlatform();
  staff = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
  flow = candidateFlow(platform.baseUrl, staff);
});
afterAll(() => platform?.close());

describe('framework configuration shipped with a solution', () => {
  it('sitecustomize.py, usercustomize.py and conftest.py are graded as plain files: the starter still fails', async () => {
    const { candidate } = await flow.invite('rate-limiter', ['python']);
    const started = await candidate('POST', '/api/candidate/start', { language: 'python' });
    const saved = await candidate('PUT', '/api/candidate/files', {
      files: [
        { path: 'sitecustomize.py', content: SITECUSTOMIZE },
        { path: 'usercustomize.py', content: SITECUSTOMIZE },
        { path: 'conftest.py', content: CONFTEST },
      ],
    });
    expect(saved.status, saved.text).toBe(200);
    expect((await candidate('POST', '/api/candidate/submit')).status).toBe(200);
    const verdict = await flow.verdict(started.body.attemptId);
    expect(verdict.verdict).toBe('failed');
    expect(verdict.tests.filter((t) => t.status === 'passed').length).toBeLessThan(verdict.tests.length);
  });

  it.each([
    ['package.json with a test script', 'package.json', '{"scripts":{"test":"echo 22 passing"}}'],
    ['an .npmrc', '.npmrc', 'node-options=--require=./src/forge.js'],
    ['a module planted in node_modules', 'node_modules/assert/index.js', 'module.exports = () => {};'],
    ['a tsconfig', 'tsconfig.json', '{}'],
  ])('%s is refused before anything is graded, with the reason', async (_, path, content) => {
    const { candidate } = await flow.invite('rate-limiter', ['javascript']);
    const started = await candidate('POST', '/api/candidate/start', { language: 'javascript' });
    const saved = await candidate('PUT', '/api/candidate/files', { files: [{ path, content }] });
    expect(saved.status).toBe(400);
    expect(saved.body.error.message).toContain(path);
    const files = (await candidate('GET', '/api/candidate/attempt')).body.files.map((f: { path: string }) => f.path);
    expect(files).not.toContain(path);
    expect(started.status).toBe(200);
  });

  it.each([
    ['a .js beside the TypeScript entry, which would replace its compiled output (as found)', 'typescript', 'src/rate-limiter.js'],
    ['a module planted under src/node_modules (allowed by the src/**/*.ts glob)', 'typescript', 'src/node_modules/assert/index.ts'],
    ['a .ts in a JavaScript attempt', 'javascript', 'src/rate-limiter.ts'],
    ['a Python file in a TypeScript attempt (allowed by the *.py glob)', 'typescript', 'helper.py'],
  ] as const)('%s is refused: the code graded is the code shown', async (_, language, path) => {
    const { candidate } = await flow.invite('rate-limiter', [language]);
    expect((await candidate('POST', '/api/candidate/start', { language })).status).toBe(200);
    const saved = await candidate('PUT', '/api/candidate/files', { files: [{ path, content: 'export class RateLimiter { tryAcquire() { return true; } }' }] });
    expect(saved.status, saved.text).toBe(400);
    expect(saved.body.error.message).toContain(path);
    const files = (await candidate('GET', '/api/candidate/attempt')).body.files.map((f: { path: string }) => f.path);
    expect(files).not.toContain(path);
  });
});
