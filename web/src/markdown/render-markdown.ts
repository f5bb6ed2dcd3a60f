import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { sanitizeHtml } from './sanitize-html.js';

/**
 * How deep blocks may nest (quotes in lists in quotes…): the parser recurses per level, and 3 KB
 * of `>` overflowed the stack of the marked parser it replaced. markdown-it leaves out whatever
 * lies deeper than this (no real document nests 20 levels); the rest of the document renders.
 */
export const MAX_NESTING = 20;

const markdown = new MarkdownIt({ html: true, linkify: false, maxNesting: MAX_NESTING });

/** Markdown to sanitized HTML, mermaid blocks left as code: for short trusted text (test requirement sentences). */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source));
}

/** A document in order: sanitized HTML, and the mermaid diagrams between it (drawn apart, in frames). */
export type MarkdownPart = { kind: 'html'; html: string } | { kind: 'mermaid'; source: string };

/**
 * A document as parts. Prompts come from challenge folders and DESIGN.md from candidates, so
 * nothing a document says may run, restyle the page, or reach another host (sanitize-html.ts).
 * Top-level ```mermaid blocks become parts of their own.
 */
export function markdownParts(source: string): MarkdownPart[] {
  const env = {};
  const parts: MarkdownPart[] = [];
  let pending: Token[] = [];
  const flush = () => {
    if (pending.length) parts.push({ kind: 'html', html: sanitizeHtml(markdown.renderer.render(pending, markdown.options, env)) });
    pending = [];
  };
  for (const token of markdown.parse(source, env)) {
    if (token.type === 'fence' && token.level === 0 && token.info.trim() === 'mermaid') {
      flush();
      parts.push({ kind: 'mermaid', source: token.content });
    } else pending.push(token);
  }
  flush();
  return parts;
}
