/**
 * `npm run images`: builds the sandbox images on this machine, offline. There is no registry
 * here, so each image is a minimal root file system assembled from the host's own interpreter
 * (plus exactly the shared libraries `ldd` lists) and the agent, then `docker import`ed.
 * With a registry, runner/images/<runtime>/Dockerfile builds the equivalent image instead.
 */
import { execFile, spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { RUNTIMES, type Runtime } from '../sandbox/runtime.js';
import { imageInputs, imageTag, PYTHON_BINARY } from './image-tag.js';

const run = promisify(execFile);

/** Parts of the Python standard library a sandbox never needs. */
const PYTHON_EXCLUDES = ['test', 'idlelib', 'tkinter', 'turtledemo', 'ensurepip', 'lib2to3', 'pydoc_data', 'distutils', 'site-packages', 'dist-packages', 'config-3.11-x86_64-linux-gnu', 'venv'];

async function sharedLibraries(binaries: string[]): Promise<string[]> {
  const libraries = new Set<string>();
  for (const binary of binaries) {
    const { stdout } = await run('ldd', [binary]).catch(() => ({ stdout: '' }));
    for (const match of stdout.matchAll(/(\/\S+\.so[^\s]*)/g)) libraries.add(match[1]!);
  }
  return [...libraries];
}

async function copyInto(root: string, source: string, target = source): Promise<void> {
  await mkdir(join(root, dirname(target)), { recursive: true });
  await copyFile(source, join(root, target));
}

async function assembleRootfs(runtime: Runtime, root: string): Promise<void> {
  const { binary, agent } = await imageInputs(runtime);
  for (const dir of ['sandbox', 'tmp', 'proc', 'dev', 'sys', 'etc', 'agent']) await mkdir(join(root, dir), { recursive: true });
  await writeFile(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
  await writeFile(join(root, 'etc/group'), 'root:x:0:\nnogroup:x:65534:\n');
  const binaries = [binary];
  if (runtime === 'node') {
    await copyInto(root, binary, '/usr/local/bin/node');
    await copyInto(root, agent, '/agent/agent.js');
  } else {
    await copyInto(root, binary, '/usr/bin/python3');
    await copyInto(root, agent, '/agent/agent.py');
    const excludes = PYTHON_EXCLUDES.map((name) => `--exclude=usr/lib/python3.11/${name}`);
    await pipe(['tar', '-C', '/', '-cf', '-', ...excludes, 'usr/lib/python3.11'], ['tar', '-C', root, '-xf', '-']);
    const { stdout } = await run('find', ['/usr/lib/python3.11/lib-dynload', '-name', '*.so']);
    binaries.push(...stdout.split('\n').filter(Boolean));
  }
  for (const library of await sharedLibraries(binaries)) await copyInto(root, library);
  await chmod(join(root, 'tmp'), 0o1777);
}

function pipe(from: string[], to: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const producer = spawn(from[0]!, from.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    const consumer = spawn(to[0]!, to.slice(1), { stdio: ['pipe', 'inherit', 'inherit'] });
    producer.stdout.pipe(consumer.stdin);
    producer.on('error', reject);
    consumer.on('error', reject);
    consumer.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${to.join(' ')} exited with ${code}`))));
  });
}

async function imageExists(tag: string): Promise<boolean> {
  return run('docker', ['image', 'inspect', tag]).then(() => true, () => false);
}

export async function buildImage(runtime: Runtime, log: (line: string) => void = console.log): Promise<string> {
  const tag = await imageTag(runtime);
  if (await imageExists(tag)) {
    log(`[assay:images] ${tag} is up to date`);
    return tag;
  }
  if (runtime === 'python') {
    await import('node:fs/promises').then((fs) => fs.access(PYTHON_BINARY)).catch(() => {
      throw new Error(`${PYTHON_BINARY} is missing: install Debian's python3 (apt-get install -y python3-minimal) and run npm run images again`);
    });
  }
  const started = Date.now();
  log(`[assay:images] building ${tag} from this machine's ${runtime} (offline: no registry needed)`);
  const root = await mkdtemp(join(tmpdir(), `assay-rootfs-${runtime}-`));
  try {
    await assembleRootfs(runtime, root);
    await pipe(
      ['tar', '--numeric-owner', '--owner=0', '--group=0', '-C', root, '-cf', '-', '.'],
      ['docker', 'import', '--change', 'USER 65534:65534', '--change', 'WORKDIR /sandbox', '-', tag],
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  log(`[assay:images] built ${tag} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return tag;
}

export async function buildImages(log: (line: string) => void = console.log): Promise<Record<Runtime, string>> {
  const tags = {} as Record<Runtime, string>;
  for (const runtime of RUNTIMES) tags[runtime] = await buildImage(runtime, log);
  return tags;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildImages().catch((error: unknown) => {
    console.error(`[assay:images] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
