import { mkdtemp, mkdir, rename, rm, symlink, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChallengeError } from './challenge-error.js';
import { createChallengeCatalog } from './catalog.js';
import { contentHash } from './content-hash.js';
import { loadChallenge } from './load-challenge.js';
import { scaffoldChallenge } from './scaffold.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'assay-challenges-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadChallenge(dir, root);
    return [];
  } catch (error) {
    if (!(error instanceof ChallengeError)) throw error;
    return error.message.split('\n');
  }
}

async function edit(path: string, from: string | RegExp, to: string) {
  await writeFile(path, (await readFile(path, 'utf8')).replace(from, to));
}

describe('loadChallenge', () => {
  it('loads a fresh scaffold, marking read-only starter files and overlaying the reference', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await writeFile(join(dir, 'starter/typescript/src/types.ts'), 'export type X = number;\n');
    await edit(join(dir, 'challenge.yaml'), '  readonly: []', '  readonly: ["src/types.ts"]');
    const challenge = await loadChallenge(dir, root);
    expect(challenge.manifest.id).toBe('demo');
    const starter = challenge.starter.typescript!;
    expect(starter.find((f) => f.path === 'src/types.ts')?.editable).toBe(false);
    expect(starter.find((f) => f.path === 'src/solution.ts')?.editable).toBe(true);
    const reference = challenge.trusted.reference.typescript!;
    expect(reference.map((f) => f.path).sort()).toEqual(['src/solution.ts', 'src/types.ts']);
    expect(reference.find((f) => f.path === 'src/solution.ts')?.content).toMatch(/TODO: write the reference/);
    expect(challenge.publicTests.map((f) => f.path)).toEqual(['tests/example.suite.ts']);
    expect(challenge.trusted.testModules.hidden).toHaveLength(1);
    expect(challenge.trusted.wrongSolutions.map((w) => [w.name, w.mustFail, Object.keys(w.files)])).toEqual([['wrong-off-by-one', ['TODO: a hidden test'], ['typescript', 'javascript', 'python']]]);
    expect(challenge.manifest.limits).toEqual({ callTimeoutMs: 2000, runTimeoutMs: 30000, memoryMb: 256, cpus: 1, outputKb: 64, outputKillKb: 1024 });
  });

  it('shows the requirement sentences in the prompt where it says {{requirements}}, and only there', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await edit(join(dir, 'challenge.yaml'), /  answer: "TODO.*\n/, '  answer: "answer(n) returns n + 1."\n  no-throw: "answer never throws for a number."\n');
    const challenge = await loadChallenge(dir, root);
    expect(challenge.prompt).toContain('## Requirements\n- answer(n) returns n + 1.\n- answer never throws for a number.\n');
    expect(challenge.prompt).not.toContain('{{requirements}}');
    expect(challenge.prompt).not.toContain('no-throw');

    await edit(join(dir, 'prompt.md'), '{{requirements}}', '');
    expect((await problemsOf(dir)).join('\n')).toMatch(/demo\/prompt\.md: must show the requirements challenge\.yaml declares: write \{\{requirements\}\}/);
  });

  it('names file, line and field for a bad manifest value', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await edit(join(dir, 'challenge.yaml'), 'timeLimitMinutes: 90', 'timeLimitMinutes: 9000');
    const [problem] = await problemsOf(dir);
    expect(problem).toMatch(/^demo\/challenge\.yaml:6 timeLimitMinutes: Too big/);
  });

  it('points a misspelt key at its own line and suggests the field meant', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await edit(join(dir, 'challenge.yaml'), 'timeLimitMinutes: 90', 'timeLimitMinutes: 90\nlimts: { memoryMb: 128 }');
    await edit(join(dir, 'challenge.yaml'), '      weight: 1', '      wieght: 1');
    await edit(join(dir, 'challenge.yaml'), '      constructor: []', '      constructor: []\n      flavour: 1');
    expect(await problemsOf(dir)).toEqual([
      'demo/challenge.yaml:7 limts: is not a field of challenge.yaml; did you mean "limits"?',
      'demo/challenge.yaml:12 interface.classes.Solution.flavour: is not a field of interface.classes.Solution; the fields here are constructor, methods',
      'demo/challenge.yaml:24 tests.categories.correctness.wieght: is not a field of tests.categories.correctness; did you mean "weight"?',
    ]);
  });

  it('says what to add for a missing field, and where', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await edit(join(dir, 'challenge.yaml'), /title: .*\n/, '');
    await edit(join(dir, 'challenge.yaml'), '      weight: 1\n', '');
    expect(await problemsOf(dir)).toEqual([
      'demo/challenge.yaml:1 title: is missing: add title (a string) to challenge.yaml',
      'demo/challenge.yaml:21 tests.categories.correctness.weight: is missing: add weight (a number) under tests.categories.correctness',
    ]);
  });

  it('says what to write for a value of the wrong type', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await edit(join(dir, 'challenge.yaml'), 'timeLimitMinutes: 90', 'timeLimitMinutes: "ninety"');
    await edit(join(dir, 'challenge.yaml'), 'languages: [typescript, javascript, python]', 'languages: typescript');
    await edit(join(dir, 'challenge.yaml'), /title: .*\n/, 'title: [a, list]\n');
    expect(await problemsOf(dir)).toEqual([
      'demo/challenge.yaml:2 title: is a list; write a string here',
      'demo/challenge.yaml:5 languages: is a string; write a list here',
      'demo/challenge.yaml:6 timeLimitMinutes: is a string; write a number here',
    ]);
  });

  it('reports every field problem at once', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await edit(join(dir, 'challenge.yaml'), 'kind: coding', 'kind: puzzle');
    await edit(join(dir, 'challenge.yaml'), 'timeLimitMinutes: 90', 'timeLimitMinutes: 0');
    expect(await problemsOf(dir)).toEqual([
      expect.stringMatching(/^demo\/challenge\.yaml:4 kind: Invalid option/),
      expect.stringMatching(/^demo\/challenge\.yaml:6 timeLimitMinutes: Too small/),
    ]);
  });

  it('points a missing field at its parent', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await edit(join(dir, 'challenge.yaml'), /  python: solution.py\n/, '');
    expect(await problemsOf(dir)).toEqual([expect.stringMatching(/^demo\/challenge\.yaml:1\d entry\.python: name the module the tests load for python/)]);
  });

  it('reports YAML syntax errors with a line', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await edit(join(dir, 'challenge.yaml'), 'languages: [typescript, javascript, python]', 'languages: [typescript, javascript');
    expect((await problemsOf(dir))[0]).toMatch(/^demo\/challenge\.yaml:\d+: YAML:/);
  });

  it('names a solution whose entry file is misnamed, instead of grading the starter', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await rename(join(dir, 'solutions/reference/typescript/src/solution.ts'), join(dir, 'solutions/reference/typescript/src/solutoin.ts'));
    expect(await problemsOf(dir)).toEqual([
      "demo/solutions/reference/typescript: has no src/solution.ts, the entry challenge.yaml names, so the starter's src/solution.ts would be graded instead; rename its entry file (it has src/solutoin.ts)",
    ]);
  });

  it('refuses symbolic links anywhere in the folder', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await symlink('/etc/passwd', join(dir, 'starter/python/passwd.py'));
    expect((await problemsOf(dir)).join('\n')).toMatch(/demo\/starter\/python\/passwd\.py: is a symbolic link/);
  });

  it('checks the folder name, the entry file, the prompt, hidden tests and fails.yaml', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'system-design' });
    await edit(join(dir, 'challenge.yaml'), 'id: demo', 'id: other');
    await rm(join(dir, 'starter/javascript/src/solution.js'));
    await rm(join(dir, 'prompt.md'));
    await rm(join(dir, 'tests/hidden'), { recursive: true });
    await rm(join(dir, 'design-template.md'));
    await mkdir(join(dir, 'solutions/wrong-x/python'), { recursive: true });
    await writeFile(join(dir, 'solutions/wrong-x/fails.yaml'), 'mustFail: []\n');
    const problems = (await problemsOf(dir)).join('\n');
    expect(problems).toMatch(/id: is "other" but the folder is "demo"/);
    expect(problems).toMatch(/starter\/javascript: has no src\/solution\.js/);
    expect(problems).toMatch(/prompt\.md: missing/);
    expect(problems).toMatch(/tests\/hidden: needs at least one \*\.suite\.ts/);
    expect(problems).toMatch(/design\.template: the design template challenge\.yaml names does not exist/);
    expect(problems).toMatch(/wrong-x\/fails\.yaml: needs `mustFail/);
  });

  it('loads alternative designs per language, overlaid on the starter, and needs none to load', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    expect((await loadChallenge(dir, root)).trusted.alternatives.map((a) => a.name)).toEqual(['alternative-second-design']);
    await rm(join(dir, 'solutions/alternative-second-design'), { recursive: true });
    expect((await loadChallenge(dir, root)).trusted.alternatives).toEqual([]);
    await mkdir(join(dir, 'solutions/alternative-lazy/python'), { recursive: true });
    await writeFile(join(dir, 'solutions/alternative-lazy/python/solution.py'), 'class Solution:\n    def answer(self, n):\n        return n + 1\n');
    const [lazy] = (await loadChallenge(dir, root)).trusted.alternatives;
    expect(lazy?.name).toBe('alternative-lazy');
    expect(Object.keys(lazy!.files)).toEqual(['python']);
    expect(lazy!.files.python!.find((f) => f.path === 'solution.py')?.content).toMatch(/return n \+ 1/);

    await writeFile(join(dir, 'solutions/alternative-lazy/notes.txt'), 'why\n');
    expect((await problemsOf(dir)).join('\n')).toMatch(/alternative-lazy\/notes\.txt: is not a language folder/);
  });

  it('applies the submitted-file path rules to starters', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await writeFile(join(dir, 'starter/python/.hidden.py'), '');
    expect((await problemsOf(dir)).join('\n')).toMatch(/starter\/python: ".hidden.py": .*cannot start with "\."/);
  });
});

describe('contentHash', () => {
  it('changes with any edit, addition or rename, and only then', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    const first = await contentHash(dir);
    expect(await contentHash(dir)).toBe(first);
    await edit(join(dir, 'prompt.md'), 'TODO', 'todo');
    const edited = await contentHash(dir);
    expect(edited).not.toBe(first);
    await writeFile(join(dir, 'notes.txt'), '');
    expect(await contentHash(dir)).not.toBe(edited);
  });
});

describe('createChallengeCatalog', () => {
  it('lists good and broken folders side by side and sees edits', async () => {
    await scaffoldChallenge(root, 'good', { kind: 'coding' });
    const broken = await scaffoldChallenge(root, 'broken', { kind: 'coding' });
    await rm(join(broken, 'challenge.yaml'));
    const catalog = createChallengeCatalog({ root });
    const entries = await catalog.list();
    expect(entries.map((e) => [e.id, 'challenge' in e])).toEqual([['broken', false], ['good', true]]);
    const before = await catalog.get('good');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await edit(join(root, 'good/prompt.md'), 'TODO', 'Build it');
    const after = await catalog.get('good');
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.prompt).toMatch(/Build it/);
  });

  it('with recheckAfterMs, looks at the disk at most that often and sees an edit after it', async () => {
    await scaffoldChallenge(root, 'slow', { kind: 'coding' });
    let clock = 0;
    const catalog = createChallengeCatalog({ root, recheckAfterMs: 2_000, now: () => clock });
    const before = await catalog.get('slow');
    await edit(join(root, 'slow/prompt.md'), 'TODO', 'Edited');
    clock = 1_000;
    expect((await catalog.get('slow')).contentHash).toBe(before.contentHash);
    clock = 2_500;
    expect((await catalog.get('slow')).prompt).toMatch(/Edited/);
  });

  it('refuses ids that are not challenges, including traversal', async () => {
    const catalog = createChallengeCatalog({ root });
    await expect(catalog.get('../etc')).rejects.toThrow(/there is no challenge/);
    await expect(catalog.get('lib')).rejects.toThrow(/there is no challenge/);
    await expect(catalog.get('missing')).rejects.toThrow(/there is no challenge/);
  });

  it('scaffold refuses to overwrite a folder', async () => {
    await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    await expect(scaffoldChallenge(root, 'demo', { kind: 'coding' })).rejects.toThrow(/already exists/);
  });
});
