import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Challenge } from '@assay/challenges';
import type { Language } from '@assay/contract';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Bundles the peer test file for one language's reference: suites + candidate + node:test glue. */
export async function buildPeerBundle(challenge: Challenge, language: Exclude<Language, 'python'>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-peer-'));
  try {
    for (const file of challenge.trusted.reference[language]!) {
      await mkdir(dirname(join(dir, file.path)), { recursive: true });
      await writeFile(join(dir, file.path), file.content);
    }
    const suites = challenge.trusted.testModules.hidden;
    const entry = [
      ...suites.map((path, i) => `import s${i} from ${JSON.stringify(path)};`),
      `import * as candidate from ${JSON.stringify(join(dir, challenge.manifest.entry[language]!))};`,
      `import { registerPeerTests } from ${JSON.stringify(join(HERE, 'peer-entry.ts'))};`,
      `registerPeerTests([${suites.map((_, i) => `s${i}`).join(', ')}], candidate);`,
    ].join('\n');
    await writeFile(join(dir, 'entry.ts'), entry);
    await build({ entryPoints: [join(dir, 'entry.ts')], outfile: join(dir, 'peer.cjs'), bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'silent' });
    return await readFile(join(dir, 'peer.cjs'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One peer submission: `docker run --rm` of the node image with the same hardening flags,
 * the bundle on stdin written to the tmpfs, then `node --test` on it. Resolves with whether
 * every test passed.
 */
export function peerDockerRun(image: string, bundle: string): Promise<boolean> {
  const script = "const fs=require('fs');fs.writeFileSync('/sandbox/t.cjs',fs.readFileSync(0));const r=require('child_process').spawnSync(process.execPath,['--test','--test-reporter=dot','/sandbox/t.cjs'],{stdio:'inherit'});process.exit(r.status)";
  const args = [
    'run', '--rm', '-i', '--network', 'none', '--read-only', '--tmpfs', '/sandbox:rw,size=16m,uid=65534,gid=65534',
    '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--user', '65534:65534', '--pids-limit', '64',
    '--memory', '256m', '--init', '--log-driver', 'none', image, '/usr/local/bin/node', '-e', script,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code === 0));
    child.stdin.end(bundle);
  });
}
