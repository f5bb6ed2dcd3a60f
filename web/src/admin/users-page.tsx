/** Placeholder until this page lands. */
export default function UsersPage() {
  return <main className="narrow">UsersPage</main>;
}
