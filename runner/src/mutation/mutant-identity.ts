import { z } from 'zod';

/**
 * What names a mutant across edits of the reference: the mutator, the code it replaces and
 * what it puts there, and the source line it starts on (its text, not its number). Editing
 * another part of the file leaves all four alone; editing that line makes it another mutant.
 * Whitespace runs count as one space, so re-indenting changes nothing.
 */
export const MutantIdentity = z.object({
  mutator: z.string().min(1),
  line: z.string().min(1),
  original: z.string().min(1),
  replacement: z.string(),
});
export type MutantIdentity = z.infer<typeof MutantIdentity>;

/** Stryker's location: 0-based lines and columns, end exclusive. */
interface Location {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface LocatedMutant {
  mutatorName: string;
  replacement: string;
  location: Location;
}

export function mutantIdentity(source: string, mutant: LocatedMutant): { identity: MutantIdentity; diff: { original: string; mutated: string } } {
  const lines = source.split('\n');
  const { start, end } = mutant.location;
  const startLine = lines[start.line];
  const endLine = lines[end.line];
  if (startLine === undefined || endLine === undefined) throw new Error(`a ${mutant.mutatorName} mutant lies outside its file (lines ${start.line + 1}–${end.line + 1} of ${lines.length})`);
  const touched = lines.slice(start.line, end.line + 1).join('\n');
  const offset = (at: Location['start']) => lines.slice(0, at.line).reduce((sum, l) => sum + l.length + 1, 0) + at.column;
  const original = source.slice(offset(start), offset(end));
  return {
    identity: { mutator: mutant.mutatorName, line: collapse(startLine), original: collapse(original), replacement: collapse(mutant.replacement) },
    diff: { original: touched, mutated: `${startLine.slice(0, start.column)}${mutant.replacement}${endLine.slice(end.column)}` },
  };
}

export function sameMutant(a: MutantIdentity, b: MutantIdentity): boolean {
  return a.mutator === b.mutator && collapse(a.line) === collapse(b.line) && collapse(a.original) === collapse(b.original) && collapse(a.replacement) === collapse(b.replacement);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
