import { describe, expect, it } from 'vitest';
import { withoutDirectives } from './without-directives.js';

describe('withoutDirectives', () => {
  it('drops init directives anywhere and leading front matter, keeping the diagram', () => {
    const source = "---\nconfig:\n  themeCSS: 'x { background: url(https://evil.test/) }'\n---\ngraph TD\n%%{init: {'themeCSS': 'url(https://evil.test/)'}}%%\nA-->B %%{ wrap }%%\n";
    expect(withoutDirectives(source)).toBe('graph TD\n\nA-->B \n');
  });

  it('leaves ordinary comments and a later --- alone', () => {
    expect(withoutDirectives('graph TD\n%% a comment\nA---B\n')).toBe('graph TD\n%% a comment\nA---B\n');
  });
});
