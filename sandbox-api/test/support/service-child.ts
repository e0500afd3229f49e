/**
 * A throwaway service process for the "killed mid-job" fault: it starts a service as the
 * sandbox uid given in argv[2], prints `started` once the job is launched, and runs a program
 * that sleeps far longer than any test waits. The test SIGKILLs this process mid-job.
 */
import { createService } from '../../src/service.ts';
import { STATE_DIR } from '../integration/harness.ts';

const uid = Number(process.argv[2]);
const service = await createService({
  stateDir: STATE_DIR,
  warmAtStart: true,
  log: () => {},
  sandboxUid: uid,
  runWallMs: 60_000,
});
process.stdout.write(`pid ${process.pid}\n`);
void service.analyze({
  files: [
    {
      name: 'main.go',
      content: 'package main\n\nimport "time"\n\nfunc main() { time.Sleep(time.Hour) }\n',
    },
  ],
  mode: 'run',
  escapeDetail: 1,
  inline: true,
  env: {},
});
