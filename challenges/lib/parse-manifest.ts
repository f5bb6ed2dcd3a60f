import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ChallengeManifest } from '@assay/contract';
import { ChallengeError, type ChallengeProblem } from './challenge-error.js';

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

  const problems: ChallengeProblem[] = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String);
    // Point at the deepest node that exists: a missing field is reported at its parent.
    let node: Node | undefined;
    for (let depth = path.length; depth >= 0 && !node; depth--) {
      const found = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      if (isMap(found) || isSeq(found) || isScalar(found)) node = found as Node;
    }
    return {
      file,
      ...optional('line', lineOf(node?.range?.[0])),
      ...optional('field', path.length ? path.join('.') : undefined),
      message: issue.message,
    };
  });
  throw new ChallengeError(problems);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
