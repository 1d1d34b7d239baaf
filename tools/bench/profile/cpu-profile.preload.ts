// Loaded into each service with NODE_OPTIONS=--require (node refuses --cpu-prof there): profiles the whole
// process with the inspector and writes <dir>/service.<pid>.cpuprofile when it ends, by exit or by signal.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  let written = false;
  // In-process inspector sessions answer synchronously, so this also works inside an 'exit' handler.
  const write = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (error, result) => {
      if (!error && result?.profile) writeFileSync(join(dir, `service.${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.once('exit', write);
  // Nest's shutdown hook handles SIGTERM, closes the app, removes its listener and sends the signal again.
  // Act only when no other listener is left, then let the signal do what it would have done.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const onSignal = () => {
      if (process.listenerCount(signal) > 1) return;
      write();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
