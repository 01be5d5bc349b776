#!/usr/bin/env node
import { homedir } from 'node:os';
import { ExitCode } from './exit-codes.js';
import { run } from './run.js';

// The only module that touches `process`: everything below gets these values passed in.
let interrupts = 0;
const code = await run(process.argv, {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  homedir: homedir(),
  cwd: process.cwd(),
  now: () => Date.now(),
  onInterrupt(handler) {
    const listener = () => {
      interrupts += 1;
      // A second Ctrl-C means "now": do not wait for a cancel request or a slow server.
      if (interrupts > 1) process.exit(ExitCode.interrupted);
      handler();
    };
    process.on('SIGINT', listener);
    return () => process.off('SIGINT', listener);
  },
});
process.exitCode = code;
