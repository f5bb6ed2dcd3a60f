import { expect, it } from 'vitest';
import { untraceableTests } from './untraceable-tests.js';

const requirements = { burst: 'A bucket starts full.', refill: 'Tokens refill continuously.' };
const test = (name: string, ...ids: string[]) => ({ name, requirements: ids.map((id) => ({ id, sentence: requirements[id as keyof typeof requirements] })) });

it('accepts hidden tests that together check every requirement', () => {
  expect(untraceableTests(requirements, [test('a', 'burst'), test('b', 'burst', 'refill')])).toEqual([]);
});

it('names each test without a requirement and each requirement without a test', () => {
  expect(untraceableTests(requirements, [test('a', 'burst'), test('b')])).toEqual(['hidden test "b" names no requirement', 'requirement "refill" has no hidden test']);
});
