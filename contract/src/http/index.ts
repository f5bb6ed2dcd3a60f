export * from './error.js';
export * from './staff.js';
export * from './candidate.js';
export * from './review.js';
export * from './admin.js';
export * from './integrity.js';
export * from './routes.js';
