import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { SERVER_PROCESS_SCRIPT } from './server-process-script.js';

/**
 * Starts the real server with the stand-in handlers ({@link SERVER_PROCESS_SCRIPT}) in its own process, so a
 * test can `kill -9` it, and resolves with its URL once it listens. `children` collects it for cleanup. Runs
 * from the current directory (the test's package), where `tsx` resolves.
 */
export function startServerProcess(env: Record<string, string>, children: ChildProcess[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--conditions=@spideriq/source', '--import', 'tsx', SERVER_PROCESS_SCRIPT], {
    cwd: process.cwd(),
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: '0', SPIDERIQ_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${out}`)));
  });
}
