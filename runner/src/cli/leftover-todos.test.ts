import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leftoverTodos } from './leftover-todos.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-todos-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('leftoverTodos', () => {
  it('names file and line of every TODO, in nested folders too', async () => {
    await mkdir(join(dir, 'solutions/reference/python'), { recursive: true });
    await writeFile(join(dir, 'challenge.yaml'), 'id: demo\ntitle: "TODO: a title"\n' + 'x: 1\n'.repeat(8) + 'summary: TODO\n');
    await writeFile(join(dir, 'solutions/reference/python/solution.py'), 'x = 1\n\n    raise NotImplementedError("TODO: write it")\n');
    await writeFile(join(dir, 'prompt.md'), 'Todos are a feature of this app; TODOS is not the word.\n');
    expect(await leftoverTodos(dir)).toEqual(['challenge.yaml:2: title: "TODO: a title"', 'challenge.yaml:11: summary: TODO', 'solutions/reference/python/solution.py:3: raise NotImplementedError("TODO: write it")']);
  });
});
