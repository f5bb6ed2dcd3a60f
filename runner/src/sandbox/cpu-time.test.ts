import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, it } from 'vitest';
import { processCpuTime } from './cpu-time.js';

it("reads a process's CPU time: a process that burns 300 ms of CPU (by its own count) gains that much, an idle one nothing", async () => {
  const child = spawn(process.execPath, ['-e', 'process.stdin.on("data", () => { const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; }; const end = cpu() + 300; while (cpu() < end); process.stdout.write("done\\n"); })'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const idle = await processCpuTime(child.pid!);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect((await processCpuTime(child.pid!)) - idle).toBeLessThan(20);
  child.stdin.write('go\n');
  await once(child.stdout, 'data');
  const busy = (await processCpuTime(child.pid!)) - idle;
  expect(busy).toBeGreaterThan(290);
  expect(busy).toBeLessThan(400);
  child.kill('SIGKILL');
});
