/** Placeholder until this page lands. */
export default function AttemptPage() {
  return <main className="narrow">AttemptPage</main>;
}
