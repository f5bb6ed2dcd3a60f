import type { PathRules } from '@assay/contract';

/** The folder a path is in, with its trailing slash ('' at the top). */
export const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '');

/** A folder is its files: renaming `folder` to `to` moves each file under it, deeper ones included. */
export function folderMoves(folder: string, to: string, paths: readonly string[]): Array<[from: string, to: string]> {
  const prefix = to.endsWith('/') ? to : `${to}/`;
  return paths.filter((p) => p.startsWith(folder)).map((p) => [p, prefix + p.slice(folder.length)]);
}

/** Why `folder` cannot be renamed to `to`: the first file under it the rules would not let move there. */
export function folderMoveProblem(rules: PathRules, folder: string, to: string, paths: readonly string[]): string | null {
  const others = paths.filter((p) => !p.startsWith(folder));
  for (const [from, next] of folderMoves(folder, to, paths)) {
    const problem = rules.deleteProblem(from) ?? rules.createProblem(next, others);
    if (problem) return problem.message;
  }
  return null;
}

/** Whether every file under `folder` may go (a folder holding the entry module or a read-only file stays). */
export const folderMovable = (rules: PathRules, folder: string, paths: readonly string[]) => paths.filter((p) => p.startsWith(folder)).every((p) => rules.deleteProblem(p) === null);
