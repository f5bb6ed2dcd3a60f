import { describe, expect, it } from 'vitest';
import { SandboxLimits } from '@assay/contract';
import { sandboxSpec } from './sandbox-spec.js';

describe('sandboxSpec', () => {
  const spec = sandboxSpec('assay-sandbox-node:abc', 'node', SandboxLimits.parse({ memoryMb: 256, cpus: 1 }), { instanceId: 'inst-1', runnerId: 'runner-1' });

  it('meets the sandbox floor of DESIGN.md', () => {
    expect(spec.HostConfig).toMatchObject({
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      PidsLimit: 64,
      Memory: 256 * 1024 * 1024,
      MemorySwap: 256 * 1024 * 1024,
      NanoCpus: 1e9,
      Init: true,
      LogConfig: { Type: 'none' },
      Privileged: false,
    });
    expect(spec.HostConfig?.Binds ?? []).toEqual([]);
    expect(spec.HostConfig?.Mounts ?? []).toEqual([]);
    expect(spec.HostConfig?.Ulimits).toEqual(
      expect.arrayContaining([
        { Name: 'nofile', Soft: 256, Hard: 256 },
        { Name: 'core', Soft: 0, Hard: 0 },
        expect.objectContaining({ Name: 'fsize' }),
      ]),
    );
    expect(spec.User).toBe('65534:65534');
    expect(spec.Env).toEqual([]);
    expect(spec.NetworkDisabled).toBe(true);
    expect(spec.Labels).toEqual({ 'dev.assay.sandbox': '1', 'dev.assay.instance': 'inst-1', 'dev.assay.runner': 'runner-1' });
  });

  it('gives the work dir a sized tmpfs owned by the sandbox user', () => {
    expect(spec.HostConfig?.Tmpfs?.['/sandbox']).toMatch(/size=\d+m/);
    expect(spec.HostConfig?.Tmpfs?.['/sandbox']).toMatch(/uid=65534,gid=65534/);
    expect(spec.HostConfig?.Tmpfs?.['/sandbox']).toMatch(/noexec/);
  });

  it('matches the golden spec (a change here is a security review)', () => {
    expect(spec).toMatchSnapshot();
  });
});
