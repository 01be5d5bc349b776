import { fileURLToPath } from 'node:url';

/**
 * Absolute path of `server-process.ts`, for tests that spawn the real server in a child process
 * (`node --conditions=@spideriq/source --import tsx SERVER_PROCESS_SCRIPT`).
 */
export const SERVER_PROCESS_SCRIPT = fileURLToPath(new URL('./server-process.ts', import.meta.url));
