import { SessionEvidence } from './session-evidence.js';

/** After submitting: what happens next, in plain words, and what was recorded about the session. */
export function FinalScreen({ challengeTitle, token }: { challengeTitle: string; token: string }) {
  return (
    <main className="narrow">
      <h1>Submitted: thank you</h1>
      <p>Your work on <strong>{challengeTitle}</strong> is in. Here is what happens next:</p>
      <ol>
        <li>Your code is graded against hidden tests in an isolated sandbox, usually within a minute.</li>
        <li>Reviewers from the hiring team read your code{challengeTitle ? ' and any design write-up' : ''}, and may replay how it was written.</li>
        <li>The hiring team contacts you with the outcome. You do not need to do anything else, and you can close this page.</li>
      </ol>
      <SessionEvidence token={token} />
    </main>
  );
}
