import type { z } from 'zod';

/**
 * A form's values checked with the contract's schema before they are sent: the first message
 * for each field, to show beside that field (the messages are written for people; the field's
 * own label says which one it is, so no internal name ever shows).
 */
export function fieldErrors<T extends z.ZodType>(schema: T, value: unknown): { data: z.infer<T>; errors?: undefined } | { data?: undefined; errors: Record<string, string> } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '')] ??= issue.message;
  return { errors };
}
