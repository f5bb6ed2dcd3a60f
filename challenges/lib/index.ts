export type { Challenge, StarterFile, TrustedChallengeParts, WrongSolution } from './challenge.js';
export { ChallengeError, formatProblem, type ChallengeProblem } from './challenge-error.js';
export { parseManifest } from './parse-manifest.js';
export { contentHash, listFiles } from './content-hash.js';
export { loadChallenge } from './load-challenge.js';
export { createChallengeCatalog, type CatalogEntry, type ChallengeCatalog } from './catalog.js';
export { scaffoldChallenge } from './scaffold.js';
export { ensureModulePackage, modulePackageProblem } from './module-package.js';
export { validationStatus, writeValidationRecord } from './validation-records.js';
