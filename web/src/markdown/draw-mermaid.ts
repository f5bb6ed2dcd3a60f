let diagramCount = 0;

/**
 * Replaces ```mermaid code blocks inside `root` with drawn diagrams. Mermaid is large, so it is
 * fetched only when a document has a diagram; `strict` keeps diagram text from adding HTML or
 * click handlers. A diagram that does not parse stays as its source, with the reason beside it.
 */
export async function drawMermaid(root: HTMLElement): Promise<void> {
  const blocks = [...root.querySelectorAll<HTMLElement>('pre > code.language-mermaid')];
  if (blocks.length === 0) return;
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral' });
  for (const code of blocks) {
    const pre = code.parentElement!;
    if (!pre.isConnected) continue;
    try {
      const { svg } = await mermaid.render(`assay-diagram-${++diagramCount}`, code.textContent ?? '');
      const figure = document.createElement('figure');
      figure.className = 'diagram';
      figure.innerHTML = svg;
      pre.replaceWith(figure);
    } catch (error) {
      const note = document.createElement('p');
      note.className = 'muted';
      note.textContent = `This diagram could not be drawn: ${(error as Error).message}`;
      pre.after(note);
    }
  }
}
