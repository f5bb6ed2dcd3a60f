import { ApiError } from '@assay/contract';

/** Calls the API with JSON; a failure throws an Error carrying the API's message for people. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    throw new Error(error.success ? error.data.error.message : `the server answered ${response.status}`);
  }
  return body as T;
}
