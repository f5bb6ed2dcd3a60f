import { z } from 'zod';

/** The one error shape every API failure has. `message` is written for people. */
export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;
