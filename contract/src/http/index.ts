export * from './error.js';
export * from './staff.js';
export * from './candidate.js';
