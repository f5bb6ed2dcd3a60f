/**
 * Files by path, as a null-prototype object: paths come from the candidate's browser, and a file
 * named `constructor` or `__proto__` must be a file like any other, never Object.prototype's.
 */
export function fileTexts(entries: Iterable<readonly [string, string]> = []): Record<string, string> {
  const files = Object.create(null) as Record<string, string>;
  for (const [path, text] of entries) files[path] = text;
  return files;
}
