export { createApp } from './app.js';
export type { AppEnv } from './app.js';
export { loadConfig, ConfigError } from './config.js';
export type { ServerConfig } from './config.js';
export { createRuntime, VERSION } from './runtime.js';
export type { QueueFront, Runtime, RegisterEngines } from './runtime.js';
export { startProcess, startServer, startWorker } from './server.js';
export type { RunningServer, RunningWorker } from './server.js';
export { registerEngines } from './engines.js';
