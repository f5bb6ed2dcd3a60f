import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { Language, SubmittedFiles, type ChallengeManifest, type SubmittedFile } from '@assay/contract';
import type { AlternativeSolution, Challenge, StarterFile, WrongSolution } from './challenge.js';
import { ChallengeError, type ChallengeProblem } from './challenge-error.js';
import { contentHash, listFiles } from './content-hash.js';
import { parseManifest } from './parse-manifest.js';
import { REQUIREMENTS_PLACEHOLDER, renderPrompt } from './render-prompt.js';

const FailsFile = z.object({ mustFail: z.array(z.string().min(1)).min(1, 'name at least one hidden test this solution must fail') }).strict();

/**
 * Loads a challenge folder and checks everything that can be checked without running code.
 * All problems are collected and thrown together as one ChallengeError, so an author fixes
 * a folder in one pass. Running the code (reference passes, starter fails) is
 * `npm run challenge -- validate`.
 */
export async function loadChallenge(dir: string, root = dirname(dir)): Promise<Challenge> {
  const problems: ChallengeProblem[] = [];
  const where = (...parts: string[]) => relative(root, join(dir, ...parts)).split(sep).join('/');
  const problem = (file: string, message: string) => problems.push({ file, message });

  await refuseLinksAndSpecialFiles(dir, where, problem);
  const manifestText = await readFile(join(dir, 'challenge.yaml'), 'utf8').catch(() => undefined);
  if (manifestText === undefined) throw new ChallengeError([{ file: where('challenge.yaml'), message: 'missing: every challenge folder starts with a challenge.yaml' }]);
  const manifest = parseManifest(manifestText, where('challenge.yaml'));
  if (manifest.id !== basename(dir)) {
    problems.push({ file: where('challenge.yaml'), field: 'id', message: `is "${manifest.id}" but the folder is "${basename(dir)}"; they must match` });
  }

  const prompt = await readFile(join(dir, 'prompt.md'), 'utf8').catch(() => {
    problem(where('prompt.md'), 'missing: write what the candidate reads in prompt.md');
    return '';
  });
  const hasRequirements = Object.keys(manifest.requirements).length > 0;
  if (prompt && hasRequirements !== prompt.includes(REQUIREMENTS_PLACEHOLDER)) {
    problem(
      where('prompt.md'),
      hasRequirements
        ? `must show the requirements challenge.yaml declares: write ${REQUIREMENTS_PLACEHOLDER} where the list goes`
        : `has ${REQUIREMENTS_PLACEHOLDER} but challenge.yaml declares no requirements`,
    );
  }
  const isReadonly = picomatch(manifest.files.readonly.length ? manifest.files.readonly : ['!**']);

  const starter: Challenge['starter'] = {};
  const reference: Challenge['trusted']['reference'] = {};
  for (const language of manifest.languages) {
    const files = await readFileSet(join(dir, 'starter', language), where('starter', language), problem);
    if (!files) continue;
    const entry = manifest.entry[language];
    if (entry && !files.some((file) => file.path === entry)) problem(where('starter', language), `has no ${entry}, the entry challenge.yaml names for ${language}`);
    starter[language] = files.map((file): StarterFile => ({ ...file, editable: !isReadonly(file.path) }));
    const solution = await readFileSet(join(dir, 'solutions', 'reference', language), where('solutions', 'reference', language), problem);
    if (solution) {
      checkSolutionEntry(solution, entry, where('solutions', 'reference', language), problem);
      reference[language] = overlay(files, solution);
    }
  }

  const wrongSolutions = await readWrongSolutions(dir, manifest, starter, where, problem);
  const alternatives = await readAlternatives(dir, manifest, starter, where, problem);
  const testModules = {
    public: await suiteFiles(join(dir, 'tests', 'public')),
    hidden: await suiteFiles(join(dir, 'tests', 'hidden')),
  };
  if (testModules.hidden.length === 0) problem(where('tests', 'hidden'), 'needs at least one *.suite.ts: the graded tests');
  const publicTests = await Promise.all(
    testModules.public.map(async (path) => ({ path: `tests/${basename(path)}`, content: await readFile(path, 'utf8') })),
  );

  let designTemplate: string | undefined;
  if (manifest.design) {
    designTemplate = await readFile(join(dir, manifest.design.template), 'utf8').catch(() => {
      problems.push({ file: where(manifest.design!.template), field: 'design.template', message: 'the design template challenge.yaml names does not exist' });
      return undefined;
    });
  }

  if (problems.length > 0) throw new ChallengeError(problems);
  return {
    manifest,
    contentHash: await contentHash(dir),
    dir,
    prompt: renderPrompt(prompt, manifest.requirements),
    starter,
    publicTests,
    ...(designTemplate === undefined ? {} : { designTemplate }),
    trusted: { testModules, reference, wrongSolutions, alternatives },
  };
}

/** Challenge folders hold regular files only: a symlink could point a loader at anything on the host. */
async function refuseLinksAndSpecialFiles(dir: string, where: (...parts: string[]) => string, problem: (file: string, message: string) => void) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() || entry.isDirectory()) continue;
    const kind = entry.isSymbolicLink() ? 'a symbolic link' : 'a special file';
    problem(where(relative(dir, join(entry.parentPath, entry.name))), `is ${kind}; challenge folders may contain regular files only`);
  }
}

async function readFileSet(dir: string, label: string, problem: (file: string, message: string) => void): Promise<SubmittedFile[] | undefined> {
  const exists = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!exists) {
    problem(label, 'missing folder');
    return undefined;
  }
  const files = await Promise.all((await listFiles(dir)).map(async (path) => ({ path, content: await readFile(join(dir, path), 'utf8') })));
  const parsed = SubmittedFiles.safeParse(files);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problem(label, issue.message);
    return undefined;
  }
  return parsed.data;
}

/** `base` with each file of `changes` replacing or adding to it. */
function overlay(base: readonly SubmittedFile[], changes: readonly SubmittedFile[]): SubmittedFile[] {
  const byPath = new Map(base.map((file) => [file.path, file.content]));
  for (const file of changes) byPath.set(file.path, file.content);
  return [...byPath].map(([path, content]) => ({ path, content }));
}

async function suiteFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.suite.ts')).sort().map((name) => join(dir, name));
}

async function readWrongSolutions(
  dir: string,
  manifest: ChallengeManifest,
  starter: Challenge['starter'],
  where: (...parts: string[]) => string,
  problem: (file: string, message: string) => void,
): Promise<WrongSolution[]> {
  const names = (await readdir(join(dir, 'solutions')).catch(() => [] as string[])).filter((name) => name.startsWith('wrong-')).sort();
  const solutions: WrongSolution[] = [];
  for (const name of names) {
    const failsPath = join(dir, 'solutions', name, 'fails.yaml');
    const fails = FailsFile.safeParse(await readFile(failsPath, 'utf8').then(parseYaml, () => undefined));
    if (!fails.success) {
      problem(where('solutions', name, 'fails.yaml'), `needs \`mustFail: [hidden test names]\` (${fails.error.issues[0]?.message})`);
      continue;
    }
    const files = await readSolutionFiles(dir, name, manifest, starter, where, problem, ['fails.yaml']);
    solutions.push({ name, mustFail: fails.data.mustFail, files });
  }
  return solutions;
}

async function readAlternatives(
  dir: string,
  manifest: ChallengeManifest,
  starter: Challenge['starter'],
  where: (...parts: string[]) => string,
  problem: (file: string, message: string) => void,
): Promise<AlternativeSolution[]> {
  const names = (await readdir(join(dir, 'solutions')).catch(() => [] as string[])).filter((name) => name.startsWith('alternative-')).sort();
  const alternatives: AlternativeSolution[] = [];
  for (const name of names) alternatives.push({ name, files: await readSolutionFiles(dir, name, manifest, starter, where, problem, []) });
  return alternatives;
}

/**
 * A solution is overlaid on the starter, so one whose entry file is misnamed would silently grade
 * the starter's entry instead: name the file it lacks and the files it has.
 */
function checkSolutionEntry(files: readonly SubmittedFile[], entry: string | undefined, folder: string, problem: (file: string, message: string) => void): void {
  if (!entry || files.some((file) => file.path === entry)) return;
  problem(folder, `has no ${entry}, the entry challenge.yaml names, so the starter's ${entry} would be graded instead; rename its entry file (it has ${files.map((f) => f.path).join(', ')})`);
}

/** The language folders of solutions/<name>/, each overlaid on the starter; anything else there but `allowed` is a problem. */
async function readSolutionFiles(
  dir: string,
  name: string,
  manifest: ChallengeManifest,
  starter: Challenge['starter'],
  where: (...parts: string[]) => string,
  problem: (file: string, message: string) => void,
  allowed: readonly string[],
): Promise<Partial<Record<Language, SubmittedFile[]>>> {
  const files: Partial<Record<Language, SubmittedFile[]>> = {};
  for (const language of manifest.languages) {
    const base = starter[language];
    const exists = await stat(join(dir, 'solutions', name, language)).then((s) => s.isDirectory(), () => false);
    if (!base || !exists) continue;
    const changes = await readFileSet(join(dir, 'solutions', name, language), where('solutions', name, language), problem);
    if (changes) {
      checkSolutionEntry(changes, manifest.entry[language], where('solutions', name, language), problem);
      files[language] = overlay(base, changes);
    }
  }
  const unknown = (await readdir(join(dir, 'solutions', name))).filter((entry) => !allowed.includes(entry) && !Language.safeParse(entry).success);
  for (const entry of unknown) problem(where('solutions', name, entry), allowed.length ? `is neither ${allowed.join(' nor ')} nor a language folder` : 'is not a language folder');
  return files;
}
