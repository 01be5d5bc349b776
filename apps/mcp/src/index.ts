export { createSpiderIQMcpServer, TOOL_NAMES } from './mcp-server.js';
export type { SpiderIQMcpServerOptions } from './mcp-server.js';
export { loadMcpConfig, McpConfigError } from './config.js';
export type { McpConfig } from './config.js';
export { describeError } from './tool-error.js';
export { ResultsToolOutputSchema, MAX_CHARS } from './tool-output.js';
export type { ResultsToolOutput } from './tool-output.js';
