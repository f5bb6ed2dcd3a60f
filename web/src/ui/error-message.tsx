/** An error for people: what went wrong and, where we know it, what to do. */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error" role="alert">
      {title ? <strong>{title}: </strong> : null}
      {message}
    </div>
  );
}
