/**
 * Kinds of error a suite asserts on once for every language. A built-in kind matches the
 * native errors each language raises for it; a name the challenge declares under
 * `interface.errors` (e.g. `CircuitOpenError`, exported by the candidate's module) is its own
 * kind, spelt in kebab case without the `Error` suffix (`circuit-open`).
 *
 * The agents keep the other half of this table: which native error a fake's failure of each
 * kind becomes in the candidate's language (agents/PROTOCOL.md, "Portable errors").
 */
export const BUILT_IN_KINDS: Readonly<Record<string, readonly string[]>> = {
  'invalid-argument': ['RangeError', 'TypeError', 'ValueError'],
  'not-found': ['NotFoundError', 'KeyError', 'LookupError'],
  'state-conflict': ['StateConflictError', 'RuntimeError'],
};

/** The kind a declared error name stands for: `CircuitOpenError` → `circuit-open`. */
export function kindOfName(name: string): string {
  return name
    .replace(/Error$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** Every kind a suite may name, with the error class names that count as it. */
export function errorKinds(declared: readonly string[]): Map<string, readonly string[]> {
  const kinds = new Map(Object.entries(BUILT_IN_KINDS));
  for (const name of declared) kinds.set(kindOfName(name), [name]);
  return kinds;
}

/**
 * Thrown by a fake's method to fail the candidate's call with a portable error: it arrives in
 * the candidate's code as the native error of that kind (`new PortableError('not-found', 'no
 * key a')` is a `KeyError` in Python). A `kind` that is no built-in kind arrives as an error
 * class of that name (`new PortableError('TimeoutError', '...')`).
 */
export class PortableError extends Error {
  override readonly name = 'PortableError';
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}
