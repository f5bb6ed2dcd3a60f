/**
 * Loaded with NODE_OPTIONS=--import into a process under load (Node 20 refuses --cpu-prof in
 * NODE_OPTIONS): records a CPU profile and writes it to $ASSAY_CPU_PROFILE_DIR on exit, for
 * Chrome DevTools or speedscope.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const dir = process.env.ASSAY_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // A same-thread inspector session answers synchronously, so this works inside 'exit'.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return void process.stderr.write(`no CPU profile: ${error.message}\n`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}/${process.pid}.cpuprofile`, JSON.stringify(result.profile));
    });
  });
}
