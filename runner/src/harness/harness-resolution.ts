import { register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HARNESS_URL = pathToFileURL(fileURLToPath(new URL('./index.ts', import.meta.url))).href;

let registered = false;

/**
 * Lets a suite anywhere on disk `import { defineSuite } from '@assay/runner/harness'`. Node
 * resolves bare specifiers from the importing file's folder upwards, so a challenges folder
 * outside this repository (ASSAY_CHALLENGES_DIR=/srv/challenges) would find no package; the
 * hook maps the one specifier suites use to this runner's own harness, the same module
 * instance the runner itself loads, and hands it on to the next resolver (tsx) so it loads as
 * TypeScript.
 */
export function resolveHarnessFromAnywhere(): void {
  if (registered) return;
  registered = true;
  const hook = `export async function resolve(specifier, context, next) {
    if (specifier === '@assay/runner/harness') return next(${JSON.stringify(HARNESS_URL)}, context);
    return next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
