import { useEffect, useRef, useState } from 'react';
import { DiagramReply } from './diagram-messages.js';

/** How long a diagram may take to draw once mermaid is loaded; past it the source is shown. */
export const DRAW_BUDGET_MS = 5_000;
/** How long the frame may take to load mermaid at all. */
const LOAD_BUDGET_MS = 15_000;
/** The tallest a diagram is shown; taller ones scroll inside the frame. */
const MAX_HEIGHT = 1_600;

type State = { kind: 'drawing' } | { kind: 'drawn'; height: number } | { kind: 'source'; note: string };

/**
 * A mermaid diagram drawn in a sandboxed iframe of its own (no same-origin, so nothing in it can
 * reach this page), within a time budget: a diagram that is too costly (a gantt chart of huge
 * spans froze a tab for 24 s) or does not parse is shown as its source, with a note saying why.
 */
export function MermaidDiagram({ source }: { source: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [state, setState] = useState<State>({ kind: 'drawing' });

  useEffect(() => {
    let budget = window.setTimeout(() => setState({ kind: 'source', note: 'Diagrams could not be loaded, so the source is shown.' }), LOAD_BUDGET_MS);
    const onMessage = (event: MessageEvent) => {
      if (!frame.current || event.source !== frame.current.contentWindow) return;
      const reply = DiagramReply.safeParse(event.data);
      if (!reply.success) return;
      if (reply.data.type === 'ready') {
        window.clearTimeout(budget);
        budget = window.setTimeout(() => setState({ kind: 'source', note: `This diagram took longer than ${DRAW_BUDGET_MS / 1000} s to draw, so its source is shown instead.` }), DRAW_BUDGET_MS);
        frame.current.contentWindow!.postMessage({ type: 'draw', source }, '*');
        return;
      }
      window.clearTimeout(budget);
      setState(reply.data.type === 'drawn' ? { kind: 'drawn', height: reply.data.height } : { kind: 'source', note: `This diagram could not be drawn: ${reply.data.message}` });
    };
    window.addEventListener('message', onMessage);
    return () => {
      window.clearTimeout(budget);
      window.removeEventListener('message', onMessage);
    };
  }, [source]);

  if (state.kind === 'source') {
    return (
      <figure className="diagram" data-testid="diagram-source">
        <pre>
          <code>{source}</code>
        </pre>
        <figcaption className="muted">{state.note}</figcaption>
      </figure>
    );
  }
  return (
    <figure className="diagram">
      <iframe
        ref={frame}
        src="/diagram.html"
        sandbox="allow-scripts"
        referrerPolicy="no-referrer"
        title="Diagram"
        className="diagram-frame"
        data-testid="diagram-frame"
        style={{ height: state.kind === 'drawn' ? Math.min(state.height + 16, MAX_HEIGHT) : 80 }}
      />
    </figure>
  );
}
