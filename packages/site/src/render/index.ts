export { detectSpa } from './spa-detect.js';
export type { SpaVerdict, SpaDetectOptions } from './spa-detect.js';
export { DEFAULT_CHROMIUM_PATH, isExecutable } from './chromium.js';
export { BrowserRenderer } from './renderer.js';
export type { BrowserRendererOptions, RenderResult, RenderSession, RenderSessionOptions } from './renderer.js';
