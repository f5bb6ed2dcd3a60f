/**
 * Mermaid source without what could reconfigure mermaid: `%%{init: …}%%` directives and a
 * leading `---` front-matter block (themeCSS with url() reached other hosts; a theme or
 * security level could be switched). The diagram itself is untouched.
 */
export function withoutDirectives(source: string): string {
  return source.replace(/^\s*---\r?\n[\s\S]*?\r?\n---\s*(?:\r?\n|$)/, '').replace(/%%\{[\s\S]*?\}%%/g, '');
}
