import { z } from 'zod';

/**
 * Upper bounds on text that comes from a candidate's code and is stored and shown: a test's
 * message, a verdict's summary, an error's type name, a captured log. A forged frame can carry
 * megabytes; nothing it carries may fan out into a verdict larger than these.
 */
export const TEXT_CAPS = {
  message: 4_000,
  summary: 1_000,
  errorType: 100,
  log: 256 * 1024,
} as const;

export const TRUNCATED_MARK = '… [truncated]';

/** `text` cut to at most `max` characters, with a visible mark when anything was dropped. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, Math.max(0, max - TRUNCATED_MARK.length)) + TRUNCATED_MARK;
}

/** A string schema that caps what it accepts instead of refusing it. */
export function cappedString(max: number) {
  return z.string().transform((text) => capText(text, max));
}
