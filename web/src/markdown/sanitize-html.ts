import createDOMPurify from 'dompurify';

/**
 * A DOMPurify instance of our own: mermaid installs hooks on the package's shared instance
 * (re-allowing `target` on links), so documents are never sanitized with that one.
 */
const purify = createDOMPurify(window);

/** What a document may contain: text structure only. No style (it could restyle the app), no forms, no ids or names. */
const ALLOWED_TAGS = ['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'b', 'i', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'sup', 'sub', 'kbd', 'span'];
const ALLOWED_ATTR = ['href', 'title', 'src', 'alt', 'class', 'start'];
/** Links to the web or mail, or within the page; nothing else (no javascript:, data: or custom schemes). */
const LINK = /^(?:https?:|mailto:|#)/i;
/** Images only as data inside the document itself: a URL to another host would be a beacon. */
const INLINE_IMAGE = /^data:image\/(?:png|gif|jpeg|webp);/i;
/** The one class a document may set: the code block's language, which marks mermaid diagrams. */
const LANGUAGE_CLASS = /^language-[\w-]+$/;

purify.addHook('afterSanitizeAttributes', (node) => {
  const className = node.getAttribute('class');
  if (className !== null && !LANGUAGE_CLASS.test(className)) node.removeAttribute('class');
  if (node.tagName === 'A') {
    const href = node.getAttribute('href');
    if (href === null || !LINK.test(href)) node.removeAttribute('href');
    // Never a named target (the opened page could navigate this tab); never an opener or referrer.
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src');
    if (src === null || !INLINE_IMAGE.test(src)) {
      node.removeAttribute('src');
      node.setAttribute('alt', `[image not shown: ${node.getAttribute('alt') || 'an image from another site'}]`);
    }
  }
});

/** HTML made safe to show staff: the allowlist above, nothing outside it. */
export function sanitizeHtml(html: string): string {
  return purify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false, ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|data:image\/(?:png|gif|jpeg|webp);)/i });
}
