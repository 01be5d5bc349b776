export { render, contentTypeOf } from './render.js';
export type { RenderOptions } from './render.js';
export type { JsonOptions } from './json.js';
export { parseYaml } from './yaml.js';
export { countTokens, loadTokenizer } from './tokens.js';
export { FormatError } from './error.js';
export type { FormatErrorCode } from './error.js';
