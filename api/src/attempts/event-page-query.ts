import { z } from 'zod';
import { HttpError } from '../http-error.js';

const EventPageQuery = z.object({
  after: z.coerce.number().int().min(-1).default(-1),
  limit: z.coerce.number().int().min(1).max(20_000).default(5_000),
});

/** `?after=SEQ&limit=N` of a page of recorded events: after -1 (the start) and 5,000 unless asked. */
export function eventPageQuery(query: Record<string, string>): z.infer<typeof EventPageQuery> {
  const parsed = EventPageQuery.safeParse(query);
  if (!parsed.success) throw new HttpError(400, 'invalid_request', 'after is a whole number from -1 (the start) and limit a whole number from 1 to 20,000');
  return parsed.data;
}
