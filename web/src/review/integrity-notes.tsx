import type { IntegrityNote, IntegritySource } from './integrity-summary.js';

const SOURCES: ReadonlyArray<[IntegritySource, string]> = [
  ['server', 'Observed by the server'],
  ['browser', "Reported by the candidate's browser (it could have been altered)"],
  ['disagreement', 'Where the two disagree'],
];

/** The integrity summary's sentences grouped by who says so: the same words for reviewers and for the candidate. */
export function IntegrityNotes({ notes }: { notes: readonly IntegrityNote[] }) {
  return (
    <>
      {SOURCES.map(([source, title]) => {
        const texts = notes.filter((n) => n.source === source).map((n) => n.text);
        return texts.length === 0 ? null : (
          <div key={source} className={`integrity-${source}`}>
            <h3>{title}</h3>
            <ul aria-label={title}>
              {texts.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
