import { mkdir, readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_AGENT_SOURCE } from './runtime.js';

const OUT_DIR = fileURLToPath(new URL('../../.build/', import.meta.url));

/**
 * Bundles the node agent and sucrase into one CommonJS file (cached by source hash), so the
 * sandbox image needs nothing but the node binary and this file.
 */
export async function nodeAgentBundle(): Promise<string> {
  const source = await readFile(NODE_AGENT_SOURCE);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const outFile = `${OUT_DIR}node-agent-${hash}.cjs`;
  if (await stat(outFile).then(() => true, () => false)) return outFile;
  await mkdir(OUT_DIR, { recursive: true });
  await build({
    entryPoints: [NODE_AGENT_SOURCE],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return outFile;
}
