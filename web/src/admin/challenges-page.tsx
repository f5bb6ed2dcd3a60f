/** Placeholder until this page lands. */
export default function ChallengesPage() {
  return <main className="narrow">ChallengesPage</main>;
}
