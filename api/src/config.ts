import { fileURLToPath } from 'node:url';
import { RECORDING_LIMITS } from '@assay/contract';
import { z } from 'zod';

/** The sender of invite emails unless ASSAY_MAIL_FROM says otherwise. */
export const MAIL_FROM = 'Assay <assay@localhost>';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** API settings from the environment, each with its default. */
export const ApiConfig = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Postgres; embedded PGlite in ASSAY_DATA_DIR when unset. */
  DATABASE_URL: z.string().optional(),
  ASSAY_DATA_DIR: z.string().default(repo('.data')),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  ASSAY_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]+$/).default('assay'),
  ASSAY_CHALLENGES_DIR: z.string().default(repo('challenges')),
  ASSAY_ADMIN_EMAIL: z.string().email().default('admin@assay.local'),
  ASSAY_ADMIN_PASSWORD: z.string().min(12).optional(),
  /** Where people reach Assay: invite links and the CSRF origin check use it. */
  ASSAY_PUBLIC_URL: z.string().url().optional(),
  ASSAY_WEB_DIST: z.string().default(repo('web/dist')),
  /** The mail server invites are emailed through: smtp://user:pass@host:587 or smtps://…:465. Unset: admins send links by hand. */
  ASSAY_SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]+/, 'write it as smtp://user:password@host:port or smtps://…').optional(),
  /** The From of invite emails, e.g. `Hiring at Example <hiring@example.com>`. */
  ASSAY_MAIL_FROM: z.string().min(3).default(MAIL_FROM),
  /** Past this many grading jobs waiting or running, new test runs get 503 (submissions are always accepted). */
  ASSAY_RUN_BACKPRESSURE_DEPTH: z.coerce.number().int().min(1).default(200),
  /** The per-attempt recording cap (contract RECORDING_LIMITS): events, and bytes of event JSON. */
  ASSAY_RECORDING_MAX_EVENTS: z.coerce.number().int().min(1).default(RECORDING_LIMITS.maxEvents),
  ASSAY_RECORDING_MAX_BYTES: z.coerce.number().int().min(1).max(2 ** 31 - 1).default(RECORDING_LIMITS.maxBytes),
});
export type ApiConfig = z.infer<typeof ApiConfig> & { publicUrl: string };

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = ApiConfig.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid API settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const config = parsed.data;
  return { ...config, publicUrl: (config.ASSAY_PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '') };
}
