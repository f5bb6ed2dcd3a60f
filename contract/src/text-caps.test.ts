import { describe, expect, it } from 'vitest';
import { capText, GradingResult, TEXT_CAPS, TRUNCATED_MARK } from '@assay/contract';

describe('text caps', () => {
  it('keeps short text as it is and cuts long text with a visible mark, within the cap', () => {
    expect(capText('short', 10)).toBe('short');
    const cut = capText('x'.repeat(50), 20);
    expect(cut).toHaveLength(20);
    expect(cut.endsWith(TRUNCATED_MARK)).toBe(true);
  });

  it('a grading result with a 2 MiB message in every test stores capped text', () => {
    const huge = 'y'.repeat(2 * 1024 * 1024);
    const result = GradingResult.parse({
      gradingId: 'g', attemptId: 'a', suite: 'hidden', language: 'python', contentHash: 'h', verdict: 'failed', score: 0,
      tests: Array.from({ length: 20 }, (_, i) => ({ name: `t${i}`, category: 'c', weight: 1, status: 'failed', message: huge, durationMs: 1 })),
      log: { text: huge, truncated: false, bytes: huge.length },
      summary: huge, durationMs: 1, finishedAt: new Date(0).toISOString(),
    });
    expect(result.tests.every((t) => t.message.length === TEXT_CAPS.message)).toBe(true);
    expect(result.summary).toHaveLength(TEXT_CAPS.summary);
    expect(result.log.text).toHaveLength(TEXT_CAPS.log);
    expect(JSON.stringify(result).length).toBeLessThan(400 * 1024);
  });
});
