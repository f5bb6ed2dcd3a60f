/** Placeholder until this page lands. */
export default function InvitesPage() {
  return <main className="narrow">InvitesPage</main>;
}
