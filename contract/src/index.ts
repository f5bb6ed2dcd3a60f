export * from './language.js';
export * from './submitted-file.js';
export * from './grading.js';
export * from './grade-job.js';
export * from './challenge-manifest.js';
export * from './recording.js';
export * from './http/index.js';
export * from './validation-record.js';
