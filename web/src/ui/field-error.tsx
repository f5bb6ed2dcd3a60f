/** A field's problem, under the field; the input points at it with `aria-describedby="<id>-error"`. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="field-error" id={`${id}-error`}>
      {message}
    </p>
  ) : null;
}

/** The attributes that tie an input to its FieldError while it has one. */
export const describedBy = (errors: Record<string, string>, id: string) => (errors[id] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});
