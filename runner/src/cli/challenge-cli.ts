/**
 * `npm run challenge -- validate [id] [--local] [--repeats N] [--language L]` proves challenge folders;
 * `npm run challenge -- new <id> [--kind coding|system-design]` scaffolds one.
 * Validation grades in real sandboxes by default (what candidates get); `--local` runs the
 * author's trusted solutions as host processes for a fast inner loop.
 */
import { parseArgs } from 'node:util';
import Docker from 'dockerode';
import { pino } from 'pino';
import { Language } from '@assay/contract';
import { ChallengeError, createChallengeCatalog, formatProblem, scaffoldChallenge, writeValidationRecord, type Challenge } from '@assay/challenges';
import { createGrader } from '../grading/create-grader.js';
import { localSandboxes } from '../grading/local-sandboxes.js';
import { openReference } from '../grading/open-reference.js';
import type { SandboxProvider } from '../grading/sandbox-provider.js';
import { createReferenceTimer } from '../harness/reference-timer.js';
import { imageTag } from '../images/image-tag.js';
import { runnerConfigFromEnv } from '../runner-config.js';
import { createDockerSandboxes } from '../sandbox/docker-sandboxes.js';
import { assertUsableEngine } from '../sandbox/engine-check.js';
import { validateChallenge } from './validate-challenge.js';

const USAGE = `usage:
  npm run challenge -- validate [id] [--local] [--repeats N] [--language L]
  npm run challenge -- new <id> [--kind coding|system-design]`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { local: { type: 'boolean', default: false }, repeats: { type: 'string', default: '3' }, kind: { type: 'string', default: 'coding' }, language: { type: 'string' } },
  });
  const [command, id] = positionals;
  const config = runnerConfigFromEnv();
  const catalog = createChallengeCatalog({ root: config.ASSAY_CHALLENGES_DIR });

  if (command === 'new') {
    if (!id) return fail(USAGE);
    if (values.kind !== 'coding' && values.kind !== 'system-design') return fail('--kind is coding or system-design');
    const dir = await scaffoldChallenge(config.ASSAY_CHALLENGES_DIR, id, { kind: values.kind });
    console.log(`created ${dir}\nfill in the TODOs, then prove it: npm run challenge -- validate ${id}`);
    return 0;
  }
  if (command !== 'validate') return fail(USAGE);

  const challenges: Challenge[] = [];
  let broken = 0;
  for (const entry of await catalog.list()) {
    if (id && entry.id !== id) continue;
    if ('challenge' in entry) challenges.push(entry.challenge);
    else {
      broken += 1;
      console.log(`✗ ${entry.id}: the folder does not load`);
      for (const problem of entry.problems) console.log(`    ${formatProblem(problem)}`);
    }
  }
  if (id && challenges.length === 0 && broken === 0) return fail(`no challenge "${id}" in ${config.ASSAY_CHALLENGES_DIR}`);

  let sandboxes: SandboxProvider & { close?(): Promise<void> } = localSandboxes;
  if (!values.local) {
    const docker = new Docker();
    const images = { node: await imageTag('node'), python: await imageTag('python') };
    await assertUsableEngine(docker, images);
    sandboxes = createDockerSandboxes({ docker, images, owner: { instanceId: `validate-${process.pid}`, runnerId: `validate-${process.pid}` }, poolSize: 1 });
  }
  const grade = createGrader({ catalog, sandboxes, referenceTimer: createReferenceTimer({ openReference }) });
  let failed = broken;
  try {
    for (const challenge of challenges) {
      console.log(`${challenge.manifest.id} (${challenge.manifest.languages.join(', ')}; ${values.local ? 'local processes' : 'sandboxes'})`);
      const languages = values.language ? [Language.parse(values.language)] : challenge.manifest.languages;
      const checks = await validateChallenge(challenge, grade, {
        repeats: Number(values.repeats),
        languages,
        onCheck: (check) => {
          console.log(`  ${check.ok ? '✓' : '✗'} [${check.language}] ${check.what}`);
          if (check.detail) console.log(`      ${check.detail}`);
        },
      });
      const failures = checks.filter((c) => !c.ok).map((c) => `[${c.language}] ${c.what}${c.detail ? `: ${c.detail}` : ''}`);
      if (failures.length) failed += 1;
      // Only a proof in real sandboxes tells the hiring team a challenge is ready.
      if (!values.local) {
        await writeValidationRecord(config.ASSAY_DATA_DIR, { challengeId: challenge.manifest.id, contentHash: challenge.contentHash, status: failures.length ? 'failed' : 'passed', at: new Date().toISOString(), languages, failures });
      }
    }
  } finally {
    await sandboxes.close?.();
  }
  console.log(failed ? `\n${failed} challenge(s) failed validation` : `\nall ${challenges.length} challenge(s) valid`);
  return failed ? 1 : 0;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ChallengeError) console.error(error.message);
    else pino({ name: 'assay-challenge' }).fatal(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
