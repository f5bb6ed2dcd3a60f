/** Text with `backtick` spans, as written in test names and messages, split into plain and code parts. */
export function splitInlineCode(text: string): Array<{ code: boolean; text: string }> {
  return text
    .split(/`([^`\n]+)`/)
    .map((part, i) => ({ code: i % 2 === 1, text: part }))
    .filter((part) => part.text !== '');
}
