import { useId, useState } from 'react';

/**
 * A file name typed inline (a new file, or a rename), judged as it is typed by the same rules the
 * API applies; the reason a name is refused is shown under the field, and Enter does nothing then.
 */
export function FileNameForm({ initial, label, action, problemOf, onDone, onCancel }: { initial: string; label: string; action: string; problemOf: (name: string) => string | null; onDone: (name: string) => void; onCancel: () => void }) {
  const [name, setName] = useState(initial);
  const [touched, setTouched] = useState(false);
  const reasonId = useId();
  const problem = name.trim() === initial && initial !== '' ? null : problemOf(name.trim());
  const shown = touched && name.trim() !== initial ? problem : null;
  return (
    <form
      className="file-name-form"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (name.trim() === initial) onCancel();
        else if (!problem) onDone(name.trim());
      }}
    >
      <input
        aria-label={label}
        value={name}
        autoFocus
        spellCheck={false}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? reasonId : undefined}
        onChange={(event) => {
          setName(event.target.value);
          setTouched(true);
        }}
        onKeyDown={(event) => event.key === 'Escape' && onCancel()}
      />
      <button type="submit">{action}</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {shown ? (
        <p id={reasonId} className="field-error" role="alert" data-testid="file-name-problem">
          {shown}
        </p>
      ) : null}
    </form>
  );
}
