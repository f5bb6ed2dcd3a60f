import { AssertionError } from 'node:assert';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { inspect } from 'node:util';
import { callSite } from './suite-call-site.js';

/**
 * What a failed assertion in a suite reports. An assertion with its own message reports that.
 * A message-less one gets the assertion as written and where: node's own text for a bare
 * `assert.ok(x)` reads the file at the line of the code it ran, which for a TypeScript suite is
 * the transpiled line, so a reviewer was shown a different assertion than the one that failed.
 * Here the line comes from the (source-mapped) stack frame in the suite file itself.
 */
export function assertionMessage(error: AssertionError, suiteFile: string): string {
  if (!error.generatedMessage) return error.message;
  const site = callSite(error.stack ?? '', suiteFile);
  if (!site) return error.message;
  const source = readFileSync(suiteFile, 'utf8').split('\n');
  const expression = assertionAt(source, site.line, site.column);
  // assert(x) and assert.ok(x) compare with == against true; the value is all there is to show.
  const detail = isTruthinessCheck(error) ? `the value was ${inspect(error.actual)}` : error.message.trim();
  return `${expression} failed (${basename(suiteFile)}:${site.line}): ${detail}`;
}

function isTruthinessCheck(error: AssertionError): boolean {
  return error.operator === '==' && error.expected === true;
}

const CALL = /\bassert(?:\.\w+)?\s*\(/g;

/** The `assert...(...)` call on `line` (1-based) nearest before `column`, across lines, whitespace collapsed. */
function assertionAt(source: readonly string[], line: number, column: number): string {
  const text = source.slice(line - 1, line + 20).join('\n');
  const starts = [...(source[line - 1] ?? '').matchAll(CALL)].map((m) => m.index);
  const start = starts.filter((index) => index < column).at(-1) ?? starts[0];
  if (start === undefined) return (source[line - 1] ?? '').trim();
  let depth = 0;
  let quote: string | undefined;
  for (let i = text.indexOf('(', start); i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return text.slice(start, i + 1).replace(/\s+/g, ' ');
  }
  return (source[line - 1] ?? '').trim();
}
