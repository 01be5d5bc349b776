export { startTestServer, waitForStatus } from './harness.js';
export type { TestServer } from './harness.js';
export { registerTestEngines, runLog, siteData, testMapsHandler, testSiteHandler } from './test-engines.js';
export { SERVER_PROCESS_SCRIPT } from './server-process-script.js';
export { startServerProcess } from './spawn-server.js';
export { arbitraryFrom } from './spec-arbitrary.js';
export type { JsonSchema } from './spec-arbitrary.js';
export { PG_URL, collectEvents, freshSchema, killAll, sparePort, startClusterProcess, startRedis, until } from './processes.js';
export type { ServerProcess, StreamedEvent } from './processes.js';
