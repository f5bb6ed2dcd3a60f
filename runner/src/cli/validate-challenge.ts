import { randomUUID } from 'node:crypto';
import type { Challenge } from '@assay/challenges';
import { MutationScore, type GradingResult, type Language, type Suite, type SubmittedFile } from '@assay/contract';
import type { Grader } from '../grading/create-grader.js';
import { loadTestCases, SuiteError, type TestCase } from '../harness/test-case.js';
import { mutationCheck } from '../mutation/mutation-check.js';
import type { MutationScorer } from '../mutation/mutation-scorer.js';
import { leftoverTodos } from './leftover-todos.js';
import { untraceableTests } from './untraceable-tests.js';

export interface Check {
  ok: boolean;
  language: Language | '*';
  what: string;
  detail?: string;
  /** On the mutation check: the score and survivors, for the validation record. */
  mutation?: MutationScore;
}

/**
 * Proves a challenge folder: every hidden test names the requirements it checks and every
 * requirement has a hidden test; in every language the reference and at least one alternative
 * design (each alternative offered) pass every hidden test, the untouched starter fails at least
 * one, each wrong solution fails the tests it names (and says which others it fails), no scaffold
 * TODO is left, and `repeats` gradings of the reference and the starter agree test by test (no flaky tests).
 */
export interface ValidateOptions {
  repeats?: number;
  /** Only these languages (default: every language the challenge offers). */
  languages?: Language[];
  onCheck?: (check: Check) => void;
  /** Scores the hidden suite by the mutants of the TypeScript reference it kills; absent: not measured. */
  mutation?: MutationScorer;
}

export async function validateChallenge(challenge: Challenge, grade: Grader, { repeats = 3, languages, onCheck = () => {}, mutation }: ValidateOptions = {}): Promise<Check[]> {
  const checks: Check[] = [];
  const record = (check: Check) => {
    checks.push(check);
    onCheck(check);
  };
  const run = (language: Language, suite: Suite, files: SubmittedFile[]) =>
    grade({
      gradingId: `validate-${randomUUID()}`,
      attemptId: 'validate',
      challengeId: challenge.manifest.id,
      contentHash: challenge.contentHash,
      language,
      suite,
      files,
    });

  const { manifest, trusted, contentHash } = challenge;
  // A suite that does not load would stop every grading below with the same error: say it once.
  let hidden: TestCase[];
  try {
    hidden = await loadTestCases(trusted.testModules.hidden, manifest, contentHash);
    await loadTestCases(trusted.testModules.public, manifest, contentHash);
  } catch (error) {
    if (!(error instanceof SuiteError)) throw error;
    record({ ok: false, language: '*', what: 'the public and hidden suites load', detail: error.message });
    return checks;
  }
  const untraceable = untraceableTests(manifest.requirements, hidden);
  record({
    ok: untraceable.length === 0,
    language: '*',
    what: 'every hidden test names the requirements it checks, and every requirement has a hidden test',
    ...(untraceable.length ? { detail: untraceable.join('\n      ') } : {}),
  });

  const todos = await leftoverTodos(challenge.dir);
  record({
    ok: todos.length === 0,
    language: '*',
    what: 'no TODO is left from the scaffold',
    ...(todos.length ? { detail: `replace each: ${todos.join('\n      ')}` } : {}),
  });

  const report = await mutation?.score(challenge);
  // The record keeps the score's own fields; zod drops the runner's extras (mutants, stale declarations).
  if (report) record({ ...mutationCheck(report), language: 'typescript', mutation: MutationScore.parse(report) });

  for (const language of challenge.manifest.languages.filter((l) => !languages || languages.includes(l))) {
    const reference = challenge.trusted.reference[language];
    const starter = (challenge.starter[language] ?? []).map(({ path, content }) => ({ path, content }));
    if (!reference) {
      record({ ok: false, language, what: 'has a reference solution', detail: `add solutions/reference/${language}/` });
      continue;
    }
    const referenceRuns: GradingResult[] = [];
    const starterRuns: GradingResult[] = [];
    for (let i = 0; i < repeats; i++) {
      referenceRuns.push(await run(language, 'hidden', reference));
      starterRuns.push(await run(language, 'hidden', starter));
    }
    const first = referenceRuns[0]!;
    record({
      ok: passedAll(first),
      language,
      what: `reference passes every hidden test (${countPassed(first)})`,
      ...(passedAll(first) ? {} : { detail: failures(first) }),
    });
    if (ratios(first).length) record({ ok: passedAll(first), language, what: 'reference timed against itself', detail: ratios(first).join('\n      ') });
    const publicRun = await run(language, 'public', reference);
    record({
      ok: publicRun.verdict === 'passed',
      language,
      what: `reference passes every public test (${countPassed(publicRun)})`,
      ...(publicRun.verdict === 'passed' ? {} : { detail: failures(publicRun) }),
    });
    const starterFirst = starterRuns[0]!;
    record({
      ok: starterFirst.tests.some((t) => t.status !== 'passed') || starterFirst.verdict !== 'passed',
      language,
      what: `untouched starter fails at least one hidden test (${countPassed(starterFirst)})`,
    });
    for (const wrong of challenge.trusted.wrongSolutions) {
      const files = wrong.files[language];
      if (!files) continue;
      const result = await run(language, 'hidden', files);
      const names = new Set(result.tests.map((t) => t.name));
      const unknown = wrong.mustFail.filter((name) => !names.has(name));
      const passedAnyway = result.tests.filter((t) => wrong.mustFail.includes(t.name) && t.status === 'passed').map((t) => t.name);
      // What else it fails tells the author whether fails.yaml is complete (and the reviewer what the bug costs).
      const alsoFailed = result.tests.filter((t) => !wrong.mustFail.includes(t.name) && t.status !== 'passed').map((t) => t.name);
      const details = [
        ...(unknown.length ? [`fails.yaml names tests that do not exist: ${unknown.join(', ')}`] : []),
        ...(passedAnyway.length ? [`but these passed: ${passedAnyway.join(', ')}`] : []),
        ...(alsoFailed.length ? [`also fails, beyond fails.yaml: ${alsoFailed.join(', ')}`] : []),
        ...ratios(result),
      ];
      record({
        ok: unknown.length === 0 && passedAnyway.length === 0,
        language,
        what: `${wrong.name} fails the ${wrong.mustFail.length} tests it names (${countPassed(result)})`,
        ...(details.length ? { detail: details.join('\n      ') } : {}),
      });
    }
    const alternatives = challenge.trusted.alternatives.filter((alternative) => alternative.files[language]);
    record({
      ok: alternatives.length > 0,
      language,
      what: `has alternative correct designs (${alternatives.map((a) => a.name).join(', ') || 'none'})`,
      ...(alternatives.length ? {} : { detail: `add solutions/alternative-<name>/${language}/: a correct design unlike the reference, which must pass every hidden test` }),
    });
    for (const alternative of alternatives) {
      const result = await run(language, 'hidden', alternative.files[language]!);
      const details = [...(passedAll(result) ? [] : [failures(result)]), ...ratios(result)];
      record({
        ok: passedAll(result),
        language,
        what: `${alternative.name} passes every hidden test (${countPassed(result)})`,
        ...(details.length ? { detail: details.join('\n      ') } : {}),
      });
    }
    for (const [label, runs] of [['reference', referenceRuns], ['starter', starterRuns]] as const) {
      const flaky = flakyTests(runs);
      record({
        ok: flaky.length === 0,
        language,
        what: `${repeats} gradings of the ${label} agree test by test`,
        ...(flaky.length ? { detail: `differing: ${flaky.join(', ')}` } : {}),
      });
    }
  }
  return checks;
}

function passedAll(result: GradingResult): boolean {
  return result.verdict === 'passed' && result.score === 1;
}

function countPassed(result: GradingResult): string {
  return `${result.tests.filter((t) => t.status === 'passed').length}/${result.tests.length} passed, ${result.verdict}`;
}

function failures(result: GradingResult): string {
  const failed = result.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.status} ${t.message}`);
  return [result.summary, ...failed].join('\n      ');
}

/** Each performance test's measured CPU-time ratio against its limit, one line each. */
function ratios(result: GradingResult): string[] {
  return result.tests.flatMap(({ name, measurement: m }) =>
    m ? [`${name}: ${m.ratio.toFixed(2)}× the reference's CPU time, limit ${m.maxRatio}× (${m.candidateCpuMs.toFixed(1)} ms vs ${m.referenceCpuMs.toFixed(1)} ms, best of ${m.runs})`] : [],
  );
}

function flakyTests(runs: GradingResult[]): string[] {
  const statuses = new Map<string, Set<string>>();
  for (const run of runs) {
    for (const test of run.tests) {
      const set = statuses.get(test.name) ?? new Set();
      set.add(test.status);
      statuses.set(test.name, set);
    }
  }
  return [...statuses].filter(([, set]) => set.size > 1).map(([name]) => name);
}
