/**
 * A small HTTP client for tests, speaking to the real API as the web app does: cookies and
 * an Origin header for staff, a Bearer invite token for candidates.
 */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export function createApiClient(baseUrl: string) {
  async function request<T>(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { Origin: baseUrl, ...init.headers };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: body as T, text, headers: response.headers };
  }

  return {
    request,
    /** A staff session: logs in and keeps its cookie. */
    async staff(email: string, password: string) {
      const login = await request<unknown>('POST', '/api/auth/login', { body: { email, password } });
      if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
      const cookie = (login.headers.getSetCookie?.() ?? [])
        .map((c) => c.split(';')[0])
        .join('; ');
      return <T = any>(method: string, path: string, body?: unknown) => request<T>(method, path, { body, headers: { Cookie: cookie } });
    },
    /** A candidate holding an invite token. */
    candidate(token: string) {
      return <T = any>(method: string, path: string, body?: unknown) => request<T>(method, path, { body, headers: { Authorization: `Bearer ${token}` } });
    },
  };
}

export type StaffRequest = Awaited<ReturnType<ReturnType<typeof createApiClient>['staff']>>;
export type CandidateRequest = ReturnType<ReturnType<typeof createApiClient>['candidate']>;
