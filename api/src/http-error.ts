import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every deliberate API failure: a status, a stable code, and a message written for people. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found`);
export const forbidden = (message = 'you are not allowed to do that') => new HttpError(403, 'forbidden', message);
