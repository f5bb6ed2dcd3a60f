import { ApiError, API_ROUTES, type ApiRoutes, type RouteName } from '@assay/contract';
import type { z } from 'zod';

/** `:name` segments of a route path, as the params a call must supply. */
type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

type BodyOf<N extends RouteName> = ApiRoutes[N]['body'] extends z.ZodType ? { body: z.input<ApiRoutes[N]['body']> } : { body?: undefined };
type ParamsOf<N extends RouteName> = keyof PathParams<ApiRoutes[N]['path']> extends never ? { params?: undefined } : { params: PathParams<ApiRoutes[N]['path']> };

export type CallOptions<N extends RouteName> = BodyOf<N> &
  ParamsOf<N> & {
    /** The candidate's invite token, sent as a Bearer token (staff use their session cookie). */
    token?: string;
    query?: Record<string, string | number | undefined>;
    signal?: AbortSignal;
    /** Lets the request outlive the page (sent as the page is left: a reload, a closed tab). */
    keepalive?: boolean;
  };
export type ResponseOf<N extends RouteName> = z.infer<ApiRoutes[N]['response']>;

/**
 * A failed call. `status` 0 means the server was not reached (offline, or the API is restarting):
 * callers that must not lose work keep it and retry; every other status carries the API's message.
 */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  get offline(): boolean {
    return this.status === 0;
  }
}

function urlFor(path: string, params: Record<string, string> | undefined, query: CallOptions<RouteName>['query']): string {
  const filled = path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ''));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value));
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

/** Calls one route of the API's route table; the answer is parsed with the route's response schema. */
export async function apiCall<N extends RouteName>(name: N, options: CallOptions<N>): Promise<ResponseOf<N>> {
  const route = API_ROUTES[name];
  const init: RequestInit = { method: route.method, credentials: 'same-origin', headers: {}, ...(options.signal ? { signal: options.signal } : {}), ...(options.keepalive ? { keepalive: true } : {}) };
  const headers = init.headers as Record<string, string>;
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(urlFor(route.path, options.params as Record<string, string> | undefined, options.query), init);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiCallError(0, 'offline', 'the server cannot be reached; your work is kept in this browser and sent when it is back');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    if (error.success) throw new ApiCallError(response.status, error.data.error.code, error.data.error.message);
    // A proxy or a restarting server answers without our error shape: treat it like being offline.
    throw new ApiCallError(response.status >= 502 ? 0 : response.status, 'unexpected', `the server answered ${response.status}`);
  }
  const parsed = route.response.safeParse(body);
  if (!parsed.success) throw new ApiCallError(response.status, 'bad_response', `the server's answer to ${route.method} ${route.path} was not understood: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data as ResponseOf<N>;
}
