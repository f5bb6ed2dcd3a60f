import { useMemo } from 'react';
import { MermaidDiagram } from './mermaid-diagram.js';
import { markdownParts } from './render-markdown.js';

/** Rendered, sanitized markdown; mermaid diagrams drawn in sandboxed frames. */
export function MarkdownView({ source, label }: { source: string; label?: string }) {
  const parts = useMemo(() => markdownParts(source), [source]);
  return (
    <div className="markdown" aria-label={label}>
      {parts.map((part, i) => (part.kind === 'html' ? <div key={i} dangerouslySetInnerHTML={{ __html: part.html }} /> : <MermaidDiagram key={i} source={part.source} />))}
    </div>
  );
}
