import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inspectRun, runBox } from '../support/box.js';
import { testSandboxes } from '../support/docker-sandboxes.js';
import { hostInvariants } from '../support/host-invariants.js';

/**
 * Group 2 of the adversarial suite: isolation. What a sandbox can see is pinned in a golden
 * file (a drift fails the suite and is a security review); then each escape route is tried.
 * Addresses probed are the container's own loopback and documentation ranges (192.0.2.0/24,
 * 2001:db8::/32): with no network, no packet leaves the container either way.
 */
const PROBE = String.raw`import os, json, resource, socket
def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError as e:
        return "unreadable: " + e.strerror
status = dict(line.split(":\t", 1) for line in read("/proc/self/status").splitlines() if ":\t" in line)
def writable(d):
    try:
        with open(os.path.join(d, ".probe"), "w") as f:
            f.write("x")
        os.remove(os.path.join(d, ".probe"))
        return True
    except OSError:
        return False
# Files Docker binds in from the host (/etc/hosts...) report the host disk's type: name them by role instead.
mounts = sorted(set((p[1], "host-file" if p[1].startswith("/etc/") else p[2], "ro" if "ro" in p[3].split(",") else "rw") for p in (l.split() for l in read("/proc/self/mounts").splitlines())))
setuid = []
for top in ["/usr", "/agent", "/etc"]:
    for base, _, names in os.walk(top):
        for n in names:
            try:
                if os.lstat(os.path.join(base, n)).st_mode & 0o6000:
                    setuid.append(os.path.join(base, n))
            except OSError:
                pass
return {
    "uid": os.getuid(), "gid": os.getgid(), "groups": sorted(os.getgroups()),
    "caps": {k: status.get(k, "").strip() for k in ["CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"]},
    "noNewPrivs": status.get("NoNewPrivs", "").strip(), "seccomp": status.get("Seccomp", "").strip(),
    "rlimits": {n: list(resource.getrlimit(getattr(resource, "RLIMIT_" + n))) for n in ["NOFILE", "CORE", "FSIZE"]},
    "mounts": [list(m) for m in mounts],
    "env": sorted(os.environ.keys()),
    "interfaces": sorted(l.split(":")[0].strip() for l in read("/proc/net/dev").splitlines()[2:]),
    "root": sorted(os.listdir("/")),
    "writable": {d: writable(d) for d in ["/", "/etc", "/agent", "/usr", "/sandbox", "/tmp", "/dev/shm"]},
    "dockerSocket": os.path.exists("/var/run/docker.sock") or os.path.exists("/run/docker.sock"),
    "pid1": read("/proc/1/cmdline").split("\x00")[0],
    "memoryLimit": read("/sys/fs/cgroup/memory/memory.limit_in_bytes").strip() or read("/sys/fs/cgroup/memory.max").strip(),
    "pidsLimit": read("/sys/fs/cgroup/pids/pids.max").strip() or read("/sys/fs/cgroup/pids.max").strip(),
    "setuidFiles": sorted(setuid),
}`;

let env: Awaited<ReturnType<typeof testSandboxes>>;
let host: ReturnType<typeof hostInvariants>;
beforeAll(async () => {
  env = await testSandboxes('isolation');
  host = hostInvariants(env.leftovers);
  await host.baseline();
});
afterAll(async () => {
  await env.sandboxes.close();
});
afterEach(() => host.check());

async function returns(runtime: 'python' | 'node', body: string): Promise<unknown> {
  let value: unknown;
  const run = await runBox(env.sandboxes, runtime, body, inspectRun((v) => (value = v)), { callTimeoutMs: 5_000 });
  expect(run.results[0]?.status, run.results[0]?.message).toBe('passed');
  return value;
}

describe('what a sandbox can see', () => {
  it('matches the golden view (drift fails the suite)', async () => {
    const view = (await returns('python', PROBE)) as Record<string, unknown>;
    await expect(JSON.stringify(view, null, 2) + '\n').toMatchFileSnapshot('golden/sandbox-view.json');
    // The properties the golden file must keep, stated outright so a careless update cannot hide them:
    expect(view).toMatchObject({
      uid: 65534,
      gid: 65534,
      caps: { CapEff: '0000000000000000', CapPrm: '0000000000000000', CapBnd: '0000000000000000', CapAmb: '0000000000000000' },
      noNewPrivs: '1',
      seccomp: '2',
      interfaces: ['lo'],
      dockerSocket: false,
      setuidFiles: [],
      writable: { '/': false, '/etc': false, '/agent': false, '/usr': false, '/sandbox': true, '/tmp': true },
    });
    expect((view.env as string[]).filter((k) => /REDIS|DATABASE|PASS|SECRET|TOKEN|KEY/i.test(k))).toEqual([]);
  });
});

describe('escape routes', () => {
  it.each([
    ['TCP to the internet', 'import socket\ntry:\n    socket.create_connection(("192.0.2.1", 80), timeout=2)\n    return "connected"\nexcept OSError as e:\n    return e.strerror'],
    ['UDP to the internet', 'import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\ntry:\n    s.sendto(b"x", ("192.0.2.1", 53))\n    return "sent"\nexcept OSError as e:\n    return e.strerror'],
    ['IPv6', 'import socket\ntry:\n    socket.create_connection(("2001:db8::1", 80), timeout=2)\n    return "connected"\nexcept OSError as e:\n    return e.strerror'],
    ['DNS', 'import socket\ntry:\n    return socket.gethostbyname("example.com")\nexcept OSError as e:\n    return "no dns: " + str(e)'],
  ])('%s is unreachable', async (_, body) => {
    expect(String(await returns('python', body))).not.toMatch(/^(connected|sent|\d+\.\d+\.\d+\.\d+)$/);
  });

  it.each([
    ['Redis', 6379],
    ['Postgres', 5432],
    ['the Docker API', 2375],
    ['the Assay API', 3000],
  ])('the host\'s %s is not reachable from the sandbox', async (_, port) => {
    const body = `const net = require("net");\nreturn new Promise((resolve) => { const s = net.connect(${port}, "127.0.0.1"); s.on("connect", () => resolve("connected")); s.on("error", (e) => resolve(e.code)); });`;
    expect(await returns('node', body)).toMatch(/ECONNREFUSED|ENETUNREACH/);
  });

  it('cannot open raw sockets', async () => {
    const body = 'import socket\ntry:\n    socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)\n    return "raw"\nexcept OSError as e:\n    return type(e).__name__';
    expect(await returns('python', body)).toBe('PermissionError');
  });

  it('cannot become root or make namespaces', async () => {
    const body = 'import os, ctypes\nout = []\ntry:\n    os.setuid(0)\n    out.append("setuid")\nexcept OSError as e:\n    out.append(type(e).__name__)\nlibc = ctypes.CDLL(None, use_errno=True)\nout.append(libc.unshare(0x10000000))\nout.append(libc.unshare(0x20000))\nreturn out';
    expect(await returns('python', body)).toEqual(['PermissionError', -1, -1]);
  });

  it('finds no secrets in /proc/1 or the environment', async () => {
    const body = 'import os\ntry:\n    pid1 = open("/proc/1/environ").read()\nexcept OSError as e:\n    pid1 = ""\nreturn [k for k in list(os.environ) + [x.split("=")[0] for x in pid1.split("\\x00") if x] if k not in ("PATH", "HOSTNAME", "HOME")]';
    expect(await returns('python', body)).toEqual([]);
  });

  it('leaves nothing for the next job: no marker file, no daemon', async () => {
    const plant = 'import os\nfor d in ["/sandbox", "/tmp", "/dev/shm"]:\n    open(d + "/marker", "w").write("left behind")\nif os.fork() == 0:\n    os.setsid()\n    import time\n    time.sleep(600)\nreturn "planted"';
    expect(await returns('python', plant)).toBe('planted');
    const look = 'import os\nmarkers = [d for d in ["/sandbox", "/tmp", "/dev/shm"] if os.path.exists(d + "/marker")]\nprocs = [p for p in os.listdir("/proc") if p.isdigit()]\nreturn [markers, len(procs)]';
    const [markers, processes] = (await returns('python', look)) as [string[], number];
    expect(markers).toEqual([]);
    expect(processes).toBeLessThanOrEqual(3); // init, the agent, and nothing else
  });

  it('two concurrent jobs cannot pass a token to each other', async () => {
    const sender = 'import socket, time\nfor d in ["/tmp", "/dev/shm", "/sandbox"]:\n    open(d + "/token", "w").write("secret")\ns = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\ns.bind("\\0assay-token")\ns.listen(1)\ns.settimeout(3)\ntry:\n    s.accept()\n    return "accepted"\nexcept OSError:\n    return "nobody came"';
    const receiver = 'import socket, time, os\ntime.sleep(0.5)\nfound = [d for d in ["/tmp", "/dev/shm", "/sandbox"] if os.path.exists(d + "/token")]\ns = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\ntry:\n    s.connect("\\0assay-token")\n    found.append("socket")\nexcept OSError:\n    pass\nreturn found';
    const [sent, received] = await Promise.all([returns('python', sender), returns('python', receiver)]);
    expect(sent).toBe('nobody came');
    expect(received).toEqual([]);
  });
});
