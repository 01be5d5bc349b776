export { render, contentTypeOf } from './render.js';
export type { RenderOptions } from './render.js';
export { renderJson } from './json.js';
export type { JsonOptions } from './json.js';
export { renderYaml, parseYaml, restoreNulls } from './yaml.js';
export { renderMarkdown, humanize } from './markdown.js';
export { countTokens, loadTokenizer } from './tokens.js';
export { FormatError } from './error.js';
export type { FormatErrorCode } from './error.js';
