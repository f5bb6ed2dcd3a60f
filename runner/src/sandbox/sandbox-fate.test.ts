import { describe, expect, it } from 'vitest';
import { sandboxFate, type SandboxFacts } from './sandbox-fate.js';

const policy = { ownInstanceId: 'mine', graceMs: 60_000, maxAgeMs: 3600_000, endedGraceMs: 10_000 };
const fate = (facts: Partial<SandboxFacts>) => sandboxFate({ instanceId: 'mine', state: 'running', ageMs: 120_000, ...facts }, policy);

describe('sandboxFate', () => {
  it("never removes another instance's sandbox that a live runner could hold, whatever its state", () => {
    for (const state of ['running', 'ended', 'never-started'] as const) {
      for (const instanceId of ['theirs', undefined]) {
        expect(fate({ instanceId, state, ageMs: 120_000, endedForMs: 100_000 })).toBe('keep');
        expect(fate({ instanceId, state, ageMs: 2 * 3600_000 - 1 })).toBe('keep');
      }
    }
  });

  it("removes another instance's sandbox once it is provably orphaned: older than twice the max age", () => {
    expect(fate({ instanceId: 'theirs', ageMs: 2 * 3600_000 + 1 })).toBe('remove');
  });

  it('never removes a sandbox without an instance label (an older version, which did not recycle its pool)', () => {
    expect(fate({ instanceId: undefined, ageMs: 100 * 3600_000 })).toBe('keep');
    expect(fate({ instanceId: undefined, state: 'ended', ageMs: 100 * 3600_000, endedForMs: 100 * 3600_000 })).toBe('keep');
  });

  it('asks for the liveness of the owner of its own running sandbox only past the grace', () => {
    expect(fate({ ageMs: 59_000 })).toBe('keep');
    expect(fate({ ageMs: 61_000 })).toBe('remove-if-owner-dead');
  });

  it('removes its own sandboxes that ended (after the grace) or outlived the max age; a never-started one is its live owner\'s', () => {
    expect(fate({ state: 'ended', endedForMs: 5_000 })).toBe('keep');
    expect(fate({ state: 'ended', endedForMs: 11_000 })).toBe('remove');
    expect(fate({ state: 'ended', endedForMs: undefined })).toBe('keep');
    expect(fate({ state: 'never-started', ageMs: 30_000 })).toBe('keep');
    expect(fate({ state: 'never-started', ageMs: 61_000 })).toBe('remove-if-owner-dead');
    expect(fate({ ageMs: 3600_001 })).toBe('remove');
  });
});
