/**
 * `npm run challenge -- validate [id] [--local] [--repeats N] [--language L] [--skip-mutation]` proves challenge folders;
 * `npm run challenge -- new <id> [--kind coding|system-design]` scaffolds one; `--help` on either
 * (verbs and options are declared in `cli-commands.ts`).
 * Validation grades in real sandboxes by default (what candidates get); `--local` runs the
 * author's trusted solutions as host processes for a fast inner loop.
 */
import Docker from 'dockerode';
import { Language, type MutationScore } from '@assay/contract';
import { ChallengeError, createChallengeCatalog, ensureModulePackage, formatProblem, modulePackageProblem, scaffoldChallenge, writeValidationRecord, type Challenge } from '@assay/challenges';
import { createGrader } from '../grading/create-grader.js';
import { localSandboxes } from '../grading/local-sandboxes.js';
import { openReference } from '../grading/open-reference.js';
import type { SandboxProvider } from '../grading/sandbox-provider.js';
import { createReferenceTimer } from '../harness/reference-timer.js';
import { EquivalentMutantsError } from '../mutation/equivalent-mutants.js';
import { createMutationScorer } from '../mutation/mutation-scorer.js';
import { SuiteError } from '../harness/test-case.js';
import { imageTag } from '../images/image-tag.js';
import { runnerConfigFromEnv } from '../runner-config.js';
import { createDockerSandboxes } from '../sandbox/docker-sandboxes.js';
import { assertUsableEngine } from '../sandbox/engine-check.js';
import { InfraError } from '../sandbox/sandbox-errors.js';
import { parseCommand } from './cli-commands.js';
import { failureSentence } from './failure-sentence.js';
import { validateChallenge, type Check } from './validate-challenge.js';

async function main(): Promise<number> {
  const command = parseCommand(process.argv.slice(2));
  if (command.kind === 'help') {
    console.log(command.text);
    return 0;
  }
  if (command.kind === 'usage-error') return fail(command.message);
  const config = runnerConfigFromEnv();
  const catalog = createChallengeCatalog({ root: config.ASSAY_CHALLENGES_DIR });

  if (command.verb === 'new') {
    const { id, type } = command;
    if (type !== 'coding' && type !== 'system-design') return fail(`--kind is coding or system-design, not "${type}".`);
    const dir = await scaffoldChallenge(config.ASSAY_CHALLENGES_DIR, id, { kind: type });
    if (await ensureModulePackage(config.ASSAY_CHALLENGES_DIR)) console.log(`wrote ${config.ASSAY_CHALLENGES_DIR}/package.json ({ "type": "module" }): suites are ES modules`);
    const packageProblem = await modulePackageProblem(config.ASSAY_CHALLENGES_DIR);
    if (packageProblem) console.log(`note: ${packageProblem}`);
    console.log(`created ${dir}\nfill in the TODOs, then prove it: npm run challenge -- validate ${id}`);
    return 0;
  }
  const { id } = command;
  const packageProblem = await modulePackageProblem(config.ASSAY_CHALLENGES_DIR);
  if (packageProblem) return fail(packageProblem);
  const repeats = Number(command.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) return fail(`--repeats is a whole number of gradings, at least 1, not "${command.repeats}".`);
  const language = command.language === undefined ? undefined : Language.safeParse(command.language);
  if (language && !language.success) return fail(`--language is one of ${Language.options.join(', ')}, not "${command.language}".`);

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
  if (!command.local) {
    const docker = new Docker();
    const images = { node: await imageTag('node'), python: await imageTag('python') };
    await assertUsableEngine(docker, images);
    sandboxes = createDockerSandboxes({ docker, images, owner: { instanceId: `validate-${process.pid}`, runnerId: `validate-${process.pid}` }, poolSize: 1 });
  }
  const grade = createGrader({ catalog, sandboxes, referenceTimer: createReferenceTimer({ openReference }) });
  // The reference and its mutants are the author's trusted code: they run as local processes, never in sandboxes.
  const mutation = command.mutation ? createMutationScorer() : undefined;
  let failed = broken;
  try {
    for (const challenge of challenges) {
      console.log(`${challenge.manifest.id} (${challenge.manifest.languages.join(', ')}; ${command.local ? 'local processes' : 'sandboxes'})`);
      const languages = language ? [language.data] : challenge.manifest.languages;
      const checks = await validateChallenge(challenge, grade, {
        repeats,
        languages,
        ...(mutation ? { mutation } : {}),
        onCheck: (check) => {
          console.log(`  ${check.ok ? '✓' : '✗'} [${check.language}] ${check.what}`);
          if (check.detail) console.log(`      ${check.detail}`);
        },
      });
      const failures = checks.filter((c) => !c.ok).map((c) => `[${c.language}] ${c.what}${c.detail ? `: ${c.detail}` : ''}`);
      if (failures.length) failed += 1;
      // Only a proof in real sandboxes tells the hiring team a challenge is ready.
      if (!command.local) {
        await writeValidationRecord(config.ASSAY_DATA_DIR, { challengeId: challenge.manifest.id, contentHash: challenge.contentHash, status: failures.length ? 'failed' : 'passed', at: new Date().toISOString(), languages, failures, ...scoreOf(checks) });
      }
    }
  } finally {
    await sandboxes.close?.();
  }
  console.log(failed ? `\n${failed} challenge(s) failed validation` : `\nall ${challenges.length} challenge(s) valid`);
  return failed ? 1 : 0;
}

function scoreOf(checks: Check[]): { mutation?: MutationScore } {
  const mutation = checks.find((c) => c.mutation)?.mutation;
  return mutation ? { mutation } : {};
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(failureSentence(error, (e) => e instanceof ChallengeError || e instanceof SuiteError || e instanceof InfraError || e instanceof EquivalentMutantsError));
    process.exit(1);
  },
);
