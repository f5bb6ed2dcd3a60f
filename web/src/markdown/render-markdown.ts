import DOMPurify from 'dompurify';
import { marked } from 'marked';

/**
 * Markdown to sanitized HTML. Prompts come from challenge folders and DESIGN.md from candidates,
 * so nothing a document says may run: DOMPurify strips scripts, handlers and javascript: URLs.
 */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}
