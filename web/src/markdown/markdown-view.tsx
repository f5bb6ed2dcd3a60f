import { useEffect, useMemo, useRef } from 'react';
import { drawMermaid } from './draw-mermaid.js';
import { renderMarkdown } from './render-markdown.js';

/** Rendered, sanitized markdown with mermaid diagrams drawn. */
export function MarkdownView({ source, label }: { source: string; label?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) void drawMermaid(ref.current);
  }, [html]);
  return <div ref={ref} className="markdown" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
