import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ChallengeManifest } from '@assay/contract';
import { ChallengeError, type ChallengeProblem } from './challenge-error.js';
import { fieldsAt, nearestField } from './manifest-fields.js';

/**
 * Parses challenge.yaml. Every problem names the file, the line and the field, so an author
 * can go straight to it: `rate-limiter/challenge.yaml:14 limits.memoryMb: Too big: ...`.
 */
export function parseManifest(text: string, file: string): ChallengeManifest {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);

  if (document.errors.length > 0) {
    throw new ChallengeError(
      document.errors.map((error) => ({ file, ...optional('line', lineOf(error.pos[0])), message: `YAML: ${error.message.split('\n')[0]}` })),
    );
  }
  const parsed = ChallengeManifest.safeParse(document.toJS());
  if (parsed.success) return parsed.data;

  // A misspelt key also leaves the field it meant missing; the suggestion says it all.
  const meant = new Set<string>();
  // A value of the wrong type also fails its checks (a list is "too small" for a title): the type says it.
  const wrongType = new Set(parsed.error.issues.filter((issue) => issue.code === 'invalid_type').map((issue) => issue.path.join('.')));
  const problems: ChallengeProblem[] = parsed.error.issues.flatMap((issue): ChallengeProblem[] => {
    const path = issue.path.map(String);
    if (issue.code !== 'invalid_type' && wrongType.has(path.join('.'))) return [];
    if (issue.code === 'unrecognized_keys') {
      // Each unknown key is reported on its own line, with the field it most likely meant.
      const parent = document.getIn(path, true);
      const fields = fieldsAt(ChallengeManifest, issue.path);
      return issue.keys.map((key) => {
        const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
        const keyNode = pair && isScalar(pair.key) ? pair.key : undefined;
        const nearest = nearestField(key, fields);
        if (nearest) meant.add([...path, nearest].join('.'));
        const fix = nearest ? `did you mean "${nearest}"?` : fields.length ? `the fields here are ${fields.join(', ')}` : 'remove it';
        return {
          file,
          ...optional('line', lineOf(keyNode?.range?.[0])),
          field: [...path, key].join('.'),
          message: `is not a field ${path.length ? `of ${path.join('.')}` : 'of challenge.yaml'}; ${fix}`,
        };
      });
    }
    // Point at the deepest node that exists: a missing field is reported at its parent.
    let node: Node | undefined;
    for (let depth = path.length; depth >= 0 && !node; depth--) {
      const found = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      if (isMap(found) || isSeq(found) || isScalar(found)) node = found as Node;
    }
    return [{
      file,
      ...optional('line', lineOf(node?.range?.[0])),
      ...optional('field', path.length ? path.join('.') : undefined),
      message: issue.code === 'invalid_type' && path.length > 0 ? typeFix(path, issue.expected, document.getIn(path)) : issue.message,
    }];
  });
  const missingButMeant = (problem: ChallengeProblem) =>
    problem.field !== undefined && meant.has(problem.field) && document.getIn(problem.field.split('.')) === undefined;
  throw new ChallengeError(problems.filter((problem) => !missingButMeant(problem)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
}

/** A value of the wrong type, or none: say what to write instead. */
function typeFix(path: readonly string[], expected: string, value: unknown): string {
  if (value === undefined) return `is missing: add ${path.at(-1)} (${article(expected)}) ${path.length > 1 ? `under ${path.slice(0, -1).join('.')}` : 'to challenge.yaml'}`;
  const found = value === null ? 'empty' : isSeq(value) ? 'a list' : isMap(value) ? 'a mapping' : article(typeof value);
  return `is ${found}; write ${article(expected === 'array' ? 'list' : expected === 'object' ? 'mapping' : expected)} here`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
