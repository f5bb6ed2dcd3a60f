import { Instrumenter } from '@stryker-mutator/instrumenter';
import type { SubmittedFile } from '@assay/contract';
import { mutantIdentity, type MutantIdentity } from './mutant-identity.js';

/** One mutant of the reference: Stryker's switch id and what it changes, as an author reads it. */
export interface Mutant extends MutantIdentity {
  /** The id the instrumented code switches on (`__stryker__.activeMutant`). */
  id: string;
  file: string;
  /** 1-based line where the mutation starts. */
  lineNumber: number;
  /** The reference's line(s) and the same with the mutation applied, for the survivor's diff. */
  diff: { original: string; mutated: string };
}

export interface InstrumentedReference {
  /** The reference with every mutant placed behind a switch: one build serves every mutant. */
  files: SubmittedFile[];
  mutants: Mutant[];
}

// Stryker logs through an injected logger; the instrumenter's only messages are debug traces.
const off = () => false;
const ignore = () => {};
const silent = { isTraceEnabled: off, isDebugEnabled: off, isInfoEnabled: off, isWarnEnabled: off, isErrorEnabled: off, isFatalEnabled: off, trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore, fatal: ignore };

/**
 * Generates the mutants of a TypeScript reference with StrykerJS's instrumenter (its standard
 * mutators) and builds the mutant-switching version of every file.
 */
export async function instrumentReference(files: readonly SubmittedFile[]): Promise<InstrumentedReference> {
  const sources = files.filter((f) => f.path.endsWith('.ts'));
  const result = await new Instrumenter(silent).instrument(
    sources.map((f) => ({ name: f.path, content: f.content, mutate: true })),
    { plugins: null, ignorers: [], excludedMutations: [] },
  );
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const mutants = result.mutants.map((m): Mutant => {
    const source = byPath.get(m.fileName);
    if (source === undefined) throw new Error(`the instrumenter reported a mutant in ${m.fileName}, which is not a reference file`);
    const { identity, diff } = mutantIdentity(source, m);
    return { id: m.id, file: m.fileName, lineNumber: m.location.start.line + 1, ...identity, diff };
  });
  const instrumented = new Map(result.files.map((f) => [f.name, f.content]));
  return { files: files.map((f) => ({ path: f.path, content: instrumented.get(f.path) ?? f.content })), mutants };
}
