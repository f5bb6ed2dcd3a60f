import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { MutantIdentity, sameMutant } from './mutant-identity.js';

export const EQUIVALENT_MUTANTS_FILE = 'equivalent-mutants.yaml';

/**
 * A mutant no correct test can kill, because the requirements allow what it does (an error's
 * wording, a bound checked twice): the mutant's identity and a sentence saying why.
 */
export const EquivalentMutant = MutantIdentity.extend({ reason: z.string().min(1) });
export type EquivalentMutant = z.infer<typeof EquivalentMutant>;

const EquivalentMutants = z.array(EquivalentMutant);

/** Thrown for an equivalent-mutants.yaml that does not parse: the author fixes the file. */
export class EquivalentMutantsError extends Error {
  override readonly name = 'EquivalentMutantsError';
}

/** The declared equivalent mutants of a challenge folder; none when it has no such file. */
export async function readEquivalentMutants(challengeDir: string): Promise<EquivalentMutant[]> {
  const path = join(challengeDir, EQUIVALENT_MUTANTS_FILE);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return text === null ? [] : parseEquivalentMutants(text, path);
}

export function parseEquivalentMutants(text: string, path: string): EquivalentMutant[] {
  let data: unknown;
  try {
    data = parse(text) ?? [];
  } catch (error) {
    throw new EquivalentMutantsError(`${path} is not YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); it is a list of { mutator, line, original, replacement, reason } entries`);
  }
  const parsed = EquivalentMutants.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [index, field] = issue.path;
  const where = typeof index === 'number' ? `entry ${index + 1}${field === undefined ? '' : `, field "${String(field)}"`}` : 'the top level';
  throw new EquivalentMutantsError(`${path}: ${where}: ${issue.message}; each entry needs mutator, line, original, replacement (as \`challenge validate\` prints a survivor) and a one-line reason`);
}

/** Which declarations match a mutant, and which match none (stale: the reference changed under them). */
export function matchEquivalents<T extends MutantIdentity>(mutants: readonly T[], declared: readonly EquivalentMutant[]): { equivalent: Set<T>; stale: EquivalentMutant[] } {
  const equivalent = new Set<T>();
  const stale: EquivalentMutant[] = [];
  for (const declaration of declared) {
    const matches = mutants.filter((m) => sameMutant(m, declaration));
    if (matches.length === 0) stale.push(declaration);
    for (const m of matches) equivalent.add(m);
  }
  return { equivalent, stale };
}
