export { createApp } from './app.js';
export type { AppEnv } from './app.js';
export { loadConfig, ConfigError } from './config.js';
export type { ServerConfig } from './config.js';
export { createRuntime, VERSION } from './runtime.js';
export type { Runtime, RegisterEngines } from './runtime.js';
export { startServer } from './server.js';
export type { RunningServer } from './server.js';
export { registerEngines } from './engines.js';
