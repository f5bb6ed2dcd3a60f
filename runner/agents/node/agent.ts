/**
 * The platform agent for TypeScript and JavaScript (see ../PROTOCOL.md). Bundled with sucrase
 * into one file that runs as the sandbox's main process: `node agent.js <work-dir>`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { transform } from 'sucrase';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Interface {
  classes: Record<string, { methods: Record<string, string[]> }>;
  functions: Record<string, string[]>;
  errors?: Record<string, string>;
}
interface Step { name?: string; args?: Json[]; clock?: string; set?: number }
interface Request {
  id: string; op: string; class?: string; ref?: number | null; name?: string;
  args?: Json[]; steps?: Step[]; clock?: string; set?: number;
}

const workDir = path.resolve(process.argv[2] ?? '/sandbox/work');
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes everything now, waiting out a full pipe. Synchronous on purpose: buffered writes let
 * an output flood pile up in the heap, where it would end as a crash instead of output_limit.
 */
function writeAll(fd: number, data: string | Uint8Array): void {
  const buffer = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += fs.writeSync(fd, buffer, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

// The frame channel (fd 1) is ours alone: whatever the candidate prints goes to stderr.
const toStderr = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  writeAll(2, chunk);
  const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
  callback?.();
  return true;
}) as typeof process.stdout.write;
process.stdout.write = toStderr;
process.stderr.write = toStderr;

function send(frame: object): void {
  writeAll(1, JSON.stringify(frame) + '\n');
}

const input = { pending: Buffer.alloc(0), chunk: Buffer.alloc(64 * 1024) };

/** The next whole line already read from fd 0, if there is one. */
function takeLine(): string | null {
  const newline = input.pending.indexOf(0x0a);
  if (newline < 0) return null;
  const line = input.pending.subarray(0, newline).toString('utf8');
  input.pending = input.pending.subarray(newline + 1);
  return line;
}

/**
 * The runner's frames, one line at a time, read asynchronously: between requests the event
 * loop runs, as candidate code written for Node expects (its timers, its own stdin listeners).
 * The stream is paused between pulls so it reads ahead as little as possible; whatever a
 * fake's blocking read took beyond its answer waits in `input.pending` and comes first.
 */
async function* requestLines(): AsyncGenerator<string> {
  const stream = process.stdin;
  for (;;) {
    const line = takeLine();
    if (line !== null) {
      yield line;
      continue;
    }
    const chunk = await new Promise<Buffer | null>((resolve) => {
      const onData = (data: Buffer) => done(data);
      const onEnd = () => done(null);
      const done = (data: Buffer | null) => {
        stream.off('data', onData);
        stream.off('end', onEnd);
        stream.pause();
        resolve(data);
      };
      stream.on('data', onData);
      stream.once('end', onEnd);
      stream.resume();
    });
    if (chunk === null) return;
    input.pending = Buffer.concat([input.pending, chunk]);
  }
}

/**
 * The next line of fd 0, blocking until it is there (null at its end): a fake's call waits here
 * for the harness's answer, which is what lets candidate code call a fake synchronously. The
 * event loop is blocked meanwhile, so the stream above cannot take the answer first; fd 0 is
 * non-blocking once Node's stream has opened it, hence the short sleeps on EAGAIN.
 */
function readLineSync(): string | null {
  for (;;) {
    const line = takeLine();
    if (line !== null) return line;
    let read: number;
    try {
      read = fs.readSync(0, input.chunk, 0, input.chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      if (code === 'EOF') return null;
      throw error;
    }
    if (read === 0) return null;
    input.pending = Buffer.concat([input.pending, input.chunk.subarray(0, read)]);
  }
}

let candidate: Record<string, unknown> = {};
let api: Interface = { classes: {}, functions: {} };
const instances = new Map<number, object>();
const clocks = new Map<string, number>();
let nextRef = 1;
/** The runner's nonce of the request being handled: a fake's callback names it. */
let currentRequest: string | null = null;

class CallError extends Error {
  constructor(readonly type: string, message: string) { super(message); }
}

function describeError(error: unknown): { type: string; message: string; lineage?: string[] } {
  if (error instanceof CallError) return { type: error.type, message: error.message };
  if (error instanceof Error) return { type: error.constructor?.name || error.name || 'Error', message: String(error.message).slice(0, 2000), lineage: lineageOf(error) };
  return { type: typeof error, message: String(error).slice(0, 2000) };
}

/** The error's class and its base classes, nearest first, so a subclass of RangeError counts as one. */
function lineageOf(error: Error): string[] {
  const names: string[] = [];
  for (let proto: unknown = Object.getPrototypeOf(error); proto && names.length < 16; proto = Object.getPrototypeOf(proto)) {
    const name: unknown = (proto as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof name === 'string' && name !== '' && name !== 'Object') names.push(name.slice(0, 100));
  }
  return names;
}

/** Portable error kinds as this language raises them (see ../PROTOCOL.md, "Portable errors"). */
const KIND_ERRORS: Record<string, (message: string) => Error> = {
  'invalid-argument': (message) => new RangeError(message),
  'not-found': (message) => new (namedError('NotFoundError'))(message),
  'state-conflict': (message) => new (namedError('StateConflictError'))(message),
};
const namedErrors = new Map<string, ErrorConstructor>();

/** One class per name, so `instanceof` and `constructor.name` hold across calls. */
function namedError(name: string): ErrorConstructor {
  let made = namedErrors.get(name);
  if (!made) {
    made = { [name]: class extends Error {} }[name] as ErrorConstructor;
    Object.defineProperty(made.prototype, 'name', { value: name });
    namedErrors.set(name, made);
  }
  return made;
}

/** The native error a fake's failure becomes: a portable kind, a built-in error class, or a class of that name. */
function nativeError(failure: { type?: unknown; message?: unknown }): Error {
  const type = String(failure.type ?? 'Error');
  const message = String(failure.message ?? '');
  const ofKind = KIND_ERRORS[type];
  if (ofKind) return ofKind(message);
  const builtIn: unknown = (globalThis as Record<string, unknown>)[type];
  if (builtIn === Error || (typeof builtIn === 'function' && builtIn.prototype instanceof Error)) return new (builtIn as ErrorConstructor)(message);
  return new (namedError(type))(message);
}

/**
 * A fake's call, made synchronously: the callback frame goes out and the agent blocks on fd 0
 * for the harness's answer. The harness may set a clock meanwhile (its method takes virtual
 * time); nothing else can run while the candidate's code is blocked here, so anything else is
 * refused.
 */
function callFake(fake: string, method: string, args: unknown[]): unknown {
  const request = currentRequest;
  send({ type: 'callback', request, fake, method, args: args.map(encode) });
  for (;;) {
    const line = readLineSync();
    if (line === null) process.exit(0);
    const frame = JSON.parse(line) as { op?: string; id?: string; request?: string; ok?: boolean; value?: unknown; error?: { type?: unknown; message?: unknown }; clock?: string; set?: number };
    if (frame.op === 'return' && frame.request === request) {
      if (frame.ok) return frame.value;
      throw nativeError(frame.error ?? {});
    }
    if (frame.op === 'clock') {
      clocks.set(frame.clock ?? '', frame.set ?? 0);
      send({ id: frame.id, ok: true, value: null });
    } else {
      send({ id: frame.id, ok: false, error: { type: 'AgentError', message: `a ${frame.op} request cannot run while a fake's method runs; only clock requests can` } });
    }
  }
}

function fakeProxy(fake: string, methods: unknown): Record<string, (...args: unknown[]) => unknown> {
  const proxy: Record<string, (...args: unknown[]) => unknown> = {};
  for (const method of Array.isArray(methods) ? methods.map(String) : []) proxy[method] = (...args) => callFake(fake, method, args);
  return proxy;
}

function safeRelative(file: string): string {
  const normalised = path.posix.normalize(file);
  if (normalised.startsWith('..') || path.posix.isAbsolute(normalised)) throw new CallError('LoadError', `refused path ${file}`);
  return normalised;
}

function load(frame: { language: string; entry: string; files: { path: string; content: string }[]; interface: Interface }): void {
  api = frame.interface;
  // Two sources that compile to one file (x.ts and x.js): one would silently replace the other.
  const sourceOf = new Map<string, string>();
  for (const file of frame.files) {
    const relative = safeRelative(file.path);
    const target = path.join(workDir, relative.replace(/\.(ts|mts|cts|mjs|cjs)$/, '.js'));
    const earlier = sourceOf.get(target);
    if (earlier !== undefined) {
      send({ type: 'load_error', kind: 'compile_error', message: `${earlier} and ${relative} both compile to ${path.relative(workDir, target)}` });
      return;
    }
    sourceOf.set(target, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    let code = file.content;
    if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(relative)) {
      try {
        const isTs = /\.(ts|mts|cts)$/.test(relative);
        code = transform(code, { transforms: isTs ? ['typescript', 'imports'] : ['imports'], filePath: relative }).code;
      } catch (error) {
        send({ type: 'load_error', kind: 'compile_error', message: `${relative}: ${describeError(error).message}` });
        return;
      }
    }
    fs.writeFileSync(target, code);
  }
  const entry = path.join(workDir, safeRelative(frame.entry).replace(/\.(ts|mts|cts|mjs|cjs)$/, '.js'));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    candidate = require(entry) as Record<string, unknown>;
  } catch (error) {
    const { type, message } = describeError(error);
    const kind = type === 'SyntaxError' ? 'compile_error' : 'crashed';
    send({ type: 'load_error', kind, message: `${type}: ${message}` });
    return;
  }
  const declared = [...Object.keys(api.classes), ...Object.keys(api.functions), ...Object.keys(api.errors ?? {})];
  send({ type: 'loaded', missing: declared.filter((name) => typeof candidate[name] !== 'function') });
}

function decode(value: Json): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    if (typeof value.$clock === 'string') {
      const id = value.$clock;
      if (!clocks.has(id)) clocks.set(id, 0);
      return () => clocks.get(id);
    }
    if (typeof value.$ref === 'number') return instanceOf(value.$ref);
    if (typeof value.$fake === 'string') return fakeProxy(value.$fake, value.methods);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

function encode(value: unknown): Json {
  // Most answers are primitives: they need no JSON round trip (a 20,000-call batch makes 20,000).
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return null;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return Object.fromEntries(v);
    if (v instanceof Set) return [...v];
    if (typeof v === 'bigint') return Number(v);
    if (v === undefined) return null;
    return v;
  });
  return text === undefined ? null : (JSON.parse(text) as Json);
}

function instanceOf(ref: number): object {
  const found = instances.get(ref);
  if (!found) throw new CallError('AgentError', `no instance ${ref}`);
  return found;
}

function resolveCallable(ref: number | null | undefined, name: string): (...args: unknown[]) => unknown {
  if (ref === null || ref === undefined) {
    if (!(name in api.functions)) throw new CallError('AgentError', `${name} is not a function of this challenge's interface`);
    const fn = candidate[name];
    if (typeof fn !== 'function') throw new CallError('TypeError', `${name} is not exported as a function`);
    return fn as (...args: unknown[]) => unknown;
  }
  const target = instanceOf(ref) as Record<string, unknown>;
  const declared = Object.values(api.classes).some((c) => name in c.methods);
  if (!declared) throw new CallError('AgentError', `${name} is not a method of this challenge's interface`);
  const method = target[name];
  if (typeof method !== 'function') throw new CallError('TypeError', `${name} is not a method of the instance`);
  return (method as (...args: unknown[]) => unknown).bind(target);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
}

/** Synchronous for a synchronous method, so a batch of them costs no microtask per call. */
function invoke(callable: (...args: unknown[]) => unknown, args: Json[] = []): Json | Promise<Json> {
  const result = callable(...args.map(decode));
  return isThenable(result) ? Promise.resolve(result).then(encode) : encode(result);
}

async function handle(request: Request): Promise<Json> {
  switch (request.op) {
    case 'new': {
      const name = request.class ?? '';
      if (!(name in api.classes)) throw new CallError('AgentError', `${name} is not a class of this challenge's interface`);
      const Class = candidate[name];
      if (typeof Class !== 'function') throw new CallError('TypeError', `${name} is not exported as a class`);
      const instance = new (Class as new (...args: unknown[]) => object)(...(request.args ?? []).map(decode));
      const ref = nextRef++;
      instances.set(ref, instance);
      return { $ref: ref };
    }
    case 'call':
      return invoke(resolveCallable(request.ref, request.name ?? ''), request.args);
    case 'batch': {
      const results: Json[] = [];
      const steps = request.steps ?? [];
      const callables = new Map<string, (...args: unknown[]) => unknown>();
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i]!;
        if (step.clock !== undefined) {
          clocks.set(step.clock, step.set ?? 0);
          continue;
        }
        try {
          const name = step.name ?? '';
          let callable = callables.get(name);
          if (!callable) callables.set(name, (callable = resolveCallable(request.ref, name)));
          const answer = invoke(callable, step.args);
          results.push(isThenable(answer) ? await answer : answer);
        } catch (error) {
          throw Object.assign(error instanceof Error ? error : new Error(String(error)), { step: i });
        }
      }
      return results;
    }
    case 'clock':
      clocks.set(request.clock ?? '', request.set ?? 0);
      return null;
    default:
      throw new CallError('AgentError', `unknown op ${request.op}`);
  }
}

/** Throwaway code for warmUp: a TypeScript class shaped like a challenge's. */
const WARM_UP_SOURCE = `
export class Counter {
  private readonly counts = new Map<string, { used: number; at: number }>();
  constructor(private readonly limit: number, private readonly now: () => number) {}
  hit(key: string, cost: number = 1): boolean {
    const entry = this.counts.get(key) ?? { used: 0, at: this.now() };
    if (entry.used + cost > this.limit) return false;
    this.counts.set(key, { used: entry.used + cost, at: this.now() });
    return true;
  }
  size(): number { return this.counts.size; }
}
`;

/**
 * Runs while the sandbox waits in the warm pool, before it reports ready: V8 compiles sucrase and
 * this agent's load and batch paths on throwaway input, so a grading does not pay for the first
 * transform and the first thousands of calls in the interpreter. Leaves no state behind.
 */
async function warmUp(): Promise<void> {
  let code = '';
  for (let i = 0; i < 8; i++) code = transform(WARM_UP_SOURCE, { transforms: ['typescript', 'imports'], filePath: 'warm-up.ts' }).code;
  const module = { exports: {} as Record<string, unknown> };
  new Function('exports', 'module', code)(module.exports, module);
  candidate = module.exports;
  api = { classes: { Counter: { methods: { hit: ['key', 'cost'], size: [] } } }, functions: {} };
  const { $ref } = (await handle({ id: '', op: 'new', class: 'Counter', args: [3, { $clock: 'warm-up' }] })) as { $ref: number };
  const steps: Step[] = [];
  for (let i = 0; i < 4_000; i++) steps.push(i % 50 === 0 ? { clock: 'warm-up', set: i } : { name: i % 97 === 0 ? 'size' : 'hit', args: [`k${i % 500}`, 1 + (i % 2)] });
  const request = JSON.stringify({ id: '', op: 'batch', ref: $ref, steps });
  JSON.stringify(await handle(JSON.parse(request) as Request));
  candidate = {};
  api = { classes: {}, functions: {} };
  instances.clear();
  clocks.clear();
  nextRef = 1;
}

async function main(): Promise<void> {
  fs.mkdirSync(workDir, { recursive: true });
  if (!process.argv.includes('--no-warm-up')) await warmUp();
  send({ type: 'ready' });
  let loaded = false;
  for await (const line of requestLines()) {
    if (!loaded) {
      loaded = true;
      load(JSON.parse(line));
      continue;
    }
    const request = JSON.parse(line) as Request;
    currentRequest = request.id;
    try {
      send({ id: request.id, ok: true, value: await handle(request) });
    } catch (error) {
      const step = (error as { step?: number } | null)?.step;
      send({ id: request.id, ok: false, error: { ...describeError(error), ...(step === undefined ? {} : { step }) } });
    }
  }
  process.exit(0);
}

void main();
