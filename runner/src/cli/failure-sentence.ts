import { relative } from 'node:path';

/**
 * What the CLI prints when a command stops: the error's own sentence, never a JSON log line or
 * a stack trace. Errors the project raises on purpose (a broken manifest or suite, an engine
 * problem) already say what to fix; anything else is named as unexpected, with where it was
 * thrown.
 */
export function failureSentence(error: unknown, intended: (error: Error) => boolean): string {
  if (!(error instanceof Error)) return `The command stopped on an unexpected ${typeof error}: ${String(error)}.`;
  if (intended(error)) return error.message;
  const frame = error.stack?.split('\n').find((line) => /^\s+at /.test(line));
  const where = frame ? /\(?((?:\/|file:\/\/)[^()]+?):(\d+):\d+\)?$/.exec(frame) : null;
  const place = where ? ` (thrown at ${relative(process.cwd(), where[1]!.replace(/^file:\/\//, ''))}:${where[2]})` : '';
  return `The command stopped on an unexpected error${place}: ${error.message}`;
}
