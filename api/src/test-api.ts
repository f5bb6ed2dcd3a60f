/**
 * Test support (not a test): a real API over an in-memory PGlite or a Postgres schema of its
 * own, real Redis under a unique prefix, and a fixture challenge whose hidden suite and
 * reference carry a marker string no candidate response may ever contain.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChallengeCatalog, scaffoldChallenge } from '@assay/challenges';
import type { RecordingLimits } from '@assay/contract';
import { hashPassword } from './auth/passwords.js';
import { createApi } from './create-api.js';
import { createDatabase } from './db/create-database.js';
import { newId } from './tokens.js';

export const HIDDEN_MARKER = 'HIDDEN-MARKER-7f3a';
export const PUBLIC_URL = 'http://assay.test';

async function firstChunk(response: Response): Promise<string> {
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(value);
}

export async function createTestApi({ postgres = false, now = Date.now, smtpUrl, recordingLimits }: { postgres?: boolean; now?: () => number; smtpUrl?: string; recordingLimits?: RecordingLimits } = {}) {
  const id = randomBytes(4).toString('hex');
  const root = await mkdtemp(join(tmpdir(), 'assay-api-challenges-'));
  const dir = await scaffoldChallenge(root, 'fixture', { kind: 'coding' });
  await writeFile(join(dir, 'tests/hidden/example.suite.ts'), `// ${HIDDEN_MARKER}\nimport { defineSuite } from '@assay/runner/harness';\nexport default defineSuite(({ test }) => { test('${HIDDEN_MARKER} test', { category: 'correctness' }, async () => {}); });\n`);
  await writeFile(join(dir, 'solutions/reference/typescript/src/solution.ts'), `// ${HIDDEN_MARKER}\nexport class Solution { answer(n: number) { return n + 1; } }\n`);
  const schema = `api_test_${id}`;
  let db;
  if (postgres) {
    const admin = await createDatabase({ url: 'postgres://postgres@127.0.0.1:5432/test' });
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.close();
    db = await createDatabase({ url: 'postgres://postgres@127.0.0.1:5432/test', schema });
  } else {
    db = await createDatabase({});
  }
  const api = await createApi(
    { REDIS_URL: 'redis://127.0.0.1:6379', ASSAY_QUEUE_PREFIX: `assay-api-test-${id}`, ASSAY_CHALLENGES_DIR: root, ASSAY_DATA_DIR: root, ASSAY_WEB_DIST: join(root, 'no-web'), publicUrl: PUBLIC_URL, ...(smtpUrl ? { ASSAY_SMTP_URL: smtpUrl } : {}), ...(recordingLimits ? { ASSAY_RECORDING_MAX_EVENTS: recordingLimits.maxEvents, ASSAY_RECORDING_MAX_BYTES: recordingLimits.maxBytes } : {}) },
    { db, catalog: createChallengeCatalog({ root }), now },
  );

  async function addUser(role: 'admin' | 'reviewer', email = `${role}-${randomBytes(3).toString('hex')}@example.test`, password = 'correct horse battery') {
    await api.db.query('INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [newId('usr'), email, role, role, await hashPassword(password), now()]);
    return { email, password };
  }

  type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any; text: string; headers: Headers }>;
  const call = (base: Record<string, string>): Call => async (method, path, body, headers = {}) => {
    const response = await api.app.request(`${PUBLIC_URL}${path}`, {
      method,
      headers: { Origin: PUBLIC_URL, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...base, ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    // An event stream never ends by itself: keep what arrived first (its `ready` event) and hang up.
    const text = response.headers.get('content-type')?.startsWith('text/event-stream') ? await firstChunk(response) : await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  };

  return {
    api,
    /** The challenges root and data folder of this API (one temporary folder). */
    root,
    prefix: `assay-api-test-${id}`,
    anonymous: call({}),
    async staff(role: 'admin' | 'reviewer'): Promise<Call> {
      const user = await addUser(role);
      const login = await call({})('POST', '/api/auth/login', user);
      if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      return call({ Cookie: cookie });
    },
    addUser,
    candidate: (token: string) => call({ Authorization: `Bearer ${token}` }),
    async close(): Promise<void> {
      const keys = await api.redis.keys(`assay-api-test-${id}:*`);
      if (keys.length) await api.redis.del(...keys);
      if (postgres) await api.db.query(`DROP SCHEMA ${schema} CASCADE`);
      await api.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export type TestApi = Awaited<ReturnType<typeof createTestApi>>;
