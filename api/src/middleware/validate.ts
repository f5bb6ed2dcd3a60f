import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { HttpError } from '../http-error.js';

/** Describes zod issues for people: `files.0.path: names may use only ASCII letters…; languages: …`. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/** Validates the JSON body with a contract schema; a bad body is a 400 that names each bad field. */
export const jsonBody = <T extends ZodType>(schema: T) =>
  zValidator('json', schema, (result) => {
    if (!result.success) throw new HttpError(400, 'invalid_request', describeIssues(result.error.issues));
  });
