import { pathToFileURL } from 'node:url';
import type { ChallengeManifest } from '@assay/contract';
import { resolveHarnessFromAnywhere } from './harness-resolution.js';
import { callSite } from './suite-call-site.js';
import type { SuiteDefinition, TestBody, TestOptions } from './suite.js';

export interface TestCase {
  name: string;
  category: string;
  weight: number;
  /** The challenge.yaml requirements it checks, with their sentences. */
  requirements: readonly Requirement[];
  performance?: { maxRatio: number };
  body: TestBody;
  /** The suite file it came from, for authors' error messages. */
  file: string;
  /** Error classes the challenge declares (`interface.errors`): kinds `assertRaises` accepts beside the built-in ones. */
  declaredErrors?: readonly string[];
}

export interface Requirement {
  id: string;
  sentence: string;
}

/** Thrown for a broken suite: an authoring mistake that `challenge validate` reports. */
export class SuiteError extends Error {
  override readonly name = 'SuiteError';
}

/**
 * Imports suite modules (trusted TypeScript, run here in the runner, never in a sandbox) and
 * checks what they declare against the manifest. `version` (the challenge's content hash)
 * makes an edited suite load afresh in a long-running runner.
 */
export async function loadTestCases(files: readonly string[], manifest: ChallengeManifest, version: string): Promise<TestCase[]> {
  resolveHarnessFromAnywhere();
  const cases: TestCase[] = [];
  for (const file of [...files].sort()) {
    const module = (await import(`${pathToFileURL(file).href}?v=${version}`).catch((error: unknown) => {
      throw new SuiteError(`${file}: does not load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    })) as { default?: SuiteDefinition };
    const suite = module.default;
    if (suite?.kind !== 'assay-suite') throw new SuiteError(`${file}: does not export a suite; write export default defineSuite(({ test }) => { ... }), importing defineSuite from '@assay/runner/harness'`);
    suite.register({
      test(name: string, options: TestOptions, body: TestBody) {
        // Where the suite called test(), so each message points at the line to change.
        const site = callSite(new Error().stack ?? '', file);
        const at = site ? `${file}:${site.line}` : file;
        const category = manifest.tests.categories[options.category];
        if (!category) {
          const declared = Object.keys(manifest.tests.categories).join(', ');
          throw new SuiteError(`${at}: test "${name}" uses category "${options.category}", which challenge.yaml does not declare under tests.categories (it declares ${declared}); declare it there or use one of those`);
        }
        const twin = cases.find((c) => c.name === name);
        if (twin) throw new SuiteError(`${at}: test "${name}" has the name of another test${twin.file === file ? '' : ` in ${twin.file}`}; give each test its own name, since results are matched by name`);
        if (options.performance && !(options.performance.maxRatio > 0)) {
          throw new SuiteError(`${at}: test "${name}" needs performance.maxRatio > 0 (the CPU time allowed, as a multiple of the reference's)`);
        }
        const requirements = (options.requirements ?? []).map((id) => {
          const sentence = manifest.requirements[id];
          if (sentence === undefined) throw new SuiteError(`${at}: test "${name}" names requirement "${id}", which challenge.yaml does not declare under requirements; declare it there with the sentence the candidate reads, or correct the id`);
          return { id, sentence };
        });
        cases.push({
          name,
          category: options.category,
          weight: options.weight ?? category.weight,
          requirements,
          ...(options.performance ? { performance: options.performance } : {}),
          body,
          file,
          declaredErrors: Object.keys(manifest.interface.errors ?? {}),
        });
      },
    });
  }
  return cases;
}
