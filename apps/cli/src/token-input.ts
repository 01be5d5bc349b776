import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { InputStream, OutputStream } from './io.js';

/**
 * Reads a token for `spideriq login`: on a terminal it prompts on stderr without echoing what is typed
 * (the token is a secret); from a pipe it takes the first non-empty line, so
 * `printf %s "$TOKEN" | spideriq login` works in scripts.
 */
export async function readToken(stdin: InputStream, stderr: OutputStream): Promise<string> {
  if (stdin.isTTY === true) return promptHidden(stdin, stderr, 'API token (input hidden): ');
  let text = '';
  for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '') ?? '';
}

function promptHidden(stdin: InputStream, stderr: OutputStream, question: string): Promise<string> {
  // readline echoes keystrokes to its output; give it one that swallows them. It also switches the
  // terminal to raw mode (no echo by the kernel), so the prompt is shown only after that.
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: stdin, output: muted, terminal: true });
  stderr.write(question);
  return new Promise((resolve) => {
    rl.once('line', (line) => {
      // Resolve first: close() emits 'close' synchronously, which would resolve with ''.
      resolve(line.trim());
      stderr.write('\n');
      rl.close();
    });
    rl.once('close', () => resolve(''));
  });
}
