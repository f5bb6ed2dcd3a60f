import { splitInlineCode } from './inline-code.js';

/** Text whose `backtick` spans show as code. */
export function TextWithCode({ text }: { text: string }) {
  return (
    <>
      {splitInlineCode(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : <span key={i}>{part.text}</span>))}
    </>
  );
}
