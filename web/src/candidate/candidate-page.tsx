/** Placeholder until this page lands. */
export default function CandidatePage() {
  return <main className="narrow">CandidatePage</main>;
}
