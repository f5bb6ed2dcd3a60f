import { fileURLToPath } from 'node:url';

const FRAME = /\(?((?:file:\/\/)?[^\s()]+?)(?:\?[^\s():]*)?:(\d+):(\d+)\)?$/;

/** The first stack frame in the suite file: the line and column the suite was at when it threw. */
export function callSite(stack: string, suiteFile: string): { line: number; column: number } | undefined {
  for (const frame of stack.split('\n').slice(1)) {
    const match = FRAME.exec(frame.trim());
    if (!match) continue;
    const path = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    if (path === suiteFile) return { line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
