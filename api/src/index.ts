export { createApp, type AppDeps } from './app.js';
export { createApi } from './create-api.js';
export { apiConfigFromEnv } from './config.js';
export { createDatabase } from './db/create-database.js';
export { migrate } from './db/migrate.js';
