import { z } from 'zod';
import { Language } from './language.js';

const Identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier like tryAcquire');
/** Parameter names, in call order. The harness always calls positionally; the names document the interface. */
const Params = z.array(Identifier);

export const InterfaceClass = z
  .object({
    constructor: Params.default([]),
    methods: z.record(Identifier, Params),
  })
  .strict();

export const ChallengeInterface = z
  .object({
    classes: z.record(Identifier, InterfaceClass).default({}),
    functions: z.record(Identifier, Params).default({}),
    /**
     * Error classes the candidate's module exports and raises, each with the sentence that says
     * when (`CircuitOpenError: "raised by execute while the circuit is open"`). A suite asserts
     * one with `assertRaises(call, 'circuit-open')` (the name in kebab case, without `Error`).
     */
    errors: z.record(z.string().regex(/^[A-Z][A-Za-z0-9]*Error$/, 'must be a class name ending in Error, like CircuitOpenError'), z.string().min(1)).optional(),
  })
  .strict()
  .refine((i) => Object.keys(i.classes).length + Object.keys(i.functions).length > 0, {
    message: 'declare at least one class or function the tests call',
  });
export type ChallengeInterface = z.infer<typeof ChallengeInterface>;

/** Sandbox limits for one grading run. Defaults suit small data-structure challenges. */
export const SandboxLimits = z
  .object({
    /** One call into candidate code (a batch counts as one call). */
    callTimeoutMs: z.number().int().min(50).max(60_000).default(2_000),
    /** Whole grading run, from container start to the last test. */
    runTimeoutMs: z.number().int().min(1_000).max(300_000).default(30_000),
    memoryMb: z.number().int().min(32).max(2_048).default(256),
    cpus: z.number().min(0.1).max(2).default(1),
    /** Candidate output kept for reviewers; past `outputKillKb` the run ends as output_limit. */
    outputKb: z.number().int().min(1).max(1_024).default(64),
    outputKillKb: z.number().int().min(16).max(16_384).default(1_024),
  })
  .strict();
export type SandboxLimits = z.infer<typeof SandboxLimits>;

const RubricLevel = z
  .object({
    score: z.number().int().min(1).max(5),
    label: z.string().min(1),
    description: z.string().min(1),
  })
  .strict();

export const RubricCriterion = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    description: z.string().min(1),
    weight: z.number().positive().default(1),
    levels: z
      .array(RubricLevel)
      .min(2, 'anchor at least two levels')
      .refine((levels) => new Set(levels.map((l) => l.score)).size === levels.length, 'level scores must be distinct'),
  })
  .strict();
export type RubricCriterion = z.infer<typeof RubricCriterion>;

/**
 * A category's weight is the default weight of EACH test in it, so a category's share of the
 * score grows with its number of tests; give a test its own `weight` to change that.
 */
export const TestCategory = z
  .object({
    weight: z.number().nonnegative(),
    description: z.string().min(1),
  })
  .strict();

export const ChallengeManifest = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use lowercase letters, digits and dashes'),
    title: z.string().min(3).max(120),
    summary: z.string().min(10).max(400),
    kind: z.enum(['coding', 'system-design']),
    languages: z.array(Language).min(1, 'offer at least one language'),
    timeLimitMinutes: z.number().int().min(5).max(600),
    limits: SandboxLimits.default(SandboxLimits.parse({})),
    interface: ChallengeInterface,
    /** Module the agent loads, per language, relative to the starter folder. */
    entry: z.partialRecord(Language, z.string().min(1)),
    files: z
      .object({
        /** Globs of starter files the candidate can read but not change. */
        readonly: z.array(z.string()).default([]),
        /** Globs of new files a candidate may add (for example "src/**\/*.ts"). */
        create: z.array(z.string()).default([]),
      })
      .strict()
      .default({ readonly: [], create: [] }),
    /**
     * What the candidate is told, one sentence each, by id. prompt.md shows them where it says
     * `{{requirements}}`; every hidden test names the ids it checks (`requirements: [...]`), and
     * `challenge validate` fails when a hidden test names none or a requirement has no test.
     */
    requirements: z.record(z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and dashes'), z.string().min(1)).default({}),
    tests: z.object({ categories: z.record(z.string().regex(/^[a-z0-9-]+$/), TestCategory) }).strict(),
    rubric: z.array(RubricCriterion).min(1, 'give reviewers at least one rubric criterion'),
    /** System-design challenges: the written part, a markdown template the candidate fills in as DESIGN.md. */
    design: z.object({ template: z.string().min(1) }).strict().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const language of m.languages) {
      if (!m.entry[language]) {
        ctx.addIssue({ code: 'custom', path: ['entry', language], message: `name the module the tests load for ${language}` });
      }
    }
    if (m.kind === 'system-design' && !m.design) {
      ctx.addIssue({ code: 'custom', path: ['design'], message: 'a system-design challenge needs design.template' });
    }
  });
export type ChallengeManifest = z.infer<typeof ChallengeManifest>;

/** The file a system-design candidate writes; it is stored and reviewed, never sent to a sandbox. */
export const DESIGN_DOC_PATH = 'DESIGN.md';
