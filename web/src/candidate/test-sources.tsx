import { useEffect, useRef } from 'react';

/** The line of a suite where test `name` is defined (0-based), or -1. */
export function lineOfTest(source: string, name: string): number {
  const lines = source.split('\n');
  const quoted = [`'${name}'`, `"${name}"`, `\`${name}\``];
  return lines.findIndex((line) => quoted.some((q) => line.includes(q)));
}

/**
 * The visible suites' source, read-only, with line numbers: public by definition, so the
 * candidate can read exactly what a visible result checks. `focus` names a test to scroll to and
 * highlight (a click on its result).
 */
export function TestSources({ suites, focus }: { suites: ReadonlyArray<{ path: string; content: string }>; focus: string | null }) {
  const highlighted = useRef<HTMLElement>(null);
  useEffect(() => highlighted.current?.scrollIntoView({ block: 'center' }), [focus]);
  if (suites.length === 0) return <p className="muted">This challenge has no visible tests; hidden tests grade your submission.</p>;
  return (
    <section aria-label="Visible tests" className="test-sources">
      <p className="muted">The visible tests, read-only. Hidden tests, which grade your submission, check more.</p>
      {suites.map((suite) => {
        const target = focus === null ? -1 : lineOfTest(suite.content, focus);
        return (
          <figure key={suite.path}>
            <figcaption>
              <code>{suite.path}</code> <span className="badge muted">⊘ read-only</span>
            </figcaption>
            <pre className="source" tabIndex={0} aria-label={`Source of ${suite.path}`}>
              {suite.content.split('\n').map((line, i) => (
                <span key={i} ref={i === target ? highlighted : undefined} className={i === target ? 'source-line focused' : 'source-line'} data-line={i + 1}>
                  {line}
                  {'\n'}
                </span>
              ))}
            </pre>
          </figure>
        );
      })}
    </section>
  );
}
