import type { ChallengeManifest, Language, SubmittedFile } from '@assay/contract';

/**
 * A challenge folder, loaded and checked. Hidden tests and solutions are reachable only
 * through `trusted`, which the runner and the challenge CLI use; the API serves
 * `candidateView` and `reviewerView` and never touches `trusted`.
 */
export interface Challenge {
  manifest: ChallengeManifest;
  /** sha256 over every file of the folder (path and bytes, sorted): what an attempt was graded against. */
  contentHash: string;
  /** Absolute path of the folder. */
  dir: string;
  /** The prompt, markdown, with the requirement sentences listed where prompt.md says `{{requirements}}`. */
  prompt: string;
  /** Starter files per offered language, each marked editable or read-only. */
  starter: Partial<Record<Language, StarterFile[]>>;
  /** Tests the candidate sees and runs (TypeScript harness suites), as files. */
  publicTests: SubmittedFile[];
  /** The DESIGN.md template of a system-design challenge. */
  designTemplate?: string;
  trusted: TrustedChallengeParts;
}

export interface StarterFile extends SubmittedFile {
  editable: boolean;
}

export interface TrustedChallengeParts {
  /** Absolute paths of test modules, by suite. */
  testModules: { public: string[]; hidden: string[] };
  /** Reference solution per language: the starter overlaid with solutions/reference/<lang>/. */
  reference: Partial<Record<Language, SubmittedFile[]>>;
  /** Each solutions/wrong-<name>/: files per language (overlaid on the starter) and the hidden tests it must fail. */
  wrongSolutions: WrongSolution[];
  /** Each solutions/alternative-<name>/: another correct design, files per language (overlaid on the starter), which must pass every hidden test. */
  alternatives: AlternativeSolution[];
}

export interface AlternativeSolution {
  name: string;
  files: Partial<Record<Language, SubmittedFile[]>>;
}

export interface WrongSolution {
  name: string;
  mustFail: string[];
  files: Partial<Record<Language, SubmittedFile[]>>;
}
