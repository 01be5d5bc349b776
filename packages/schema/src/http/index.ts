export { parseRetryAfter } from './retry-after.js';
export { sleep } from './sleep.js';
export type { Sleep } from './sleep.js';
