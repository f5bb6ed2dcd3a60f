import type * as Monaco from 'monaco-editor';

export type MonacoApi = typeof Monaco;
let loading: Promise<MonacoApi> | undefined;

/**
 * Monaco from the local package, fetched on first use so the app shell stays small. Workers are
 * created on demand by language: the TypeScript worker only when a TS/JS model exists, the
 * plain editor worker otherwise; no CSS/HTML/JSON worker is ever started.
 */
export function loadMonaco(): Promise<MonacoApi> {
  loading ??= import('./monaco-setup.js').then((setup) => setup.monaco);
  return loading;
}
