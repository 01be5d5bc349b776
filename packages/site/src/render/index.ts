export { detectSpa, type SpaVerdict, type SpaDetectOptions } from './spa-detect.js';
export type { SpaVerdict } from './spa-detect.js';
export { DEFAULT_CHROMIUM_PATH, isExecutable } from './chromium.js';
export { BrowserRenderer } from './renderer.js';
export type { BrowserRendererOptions, RenderResult, RenderSession, RenderSessionOptions } from './renderer.js';
