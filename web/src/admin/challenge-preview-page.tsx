/** Placeholder until this page lands. */
export default function ChallengePreviewPage() {
  return <main className="narrow">ChallengePreviewPage</main>;
}
