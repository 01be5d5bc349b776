export { assembleCompendium, buildCompendium, compendiumSection } from './build.js';
export type { Compendium, CompendiumOptions, CompendiumPage, CompendiumSection, CleanupLevel } from './build.js';
export { htmlToMarkdown } from './markdown.js';
export type { MarkdownOptions, ImagePolicy } from './markdown.js';
export { fitContent, minimalContent, rawContent } from './main-content.js';
export type { PageContent } from './main-content.js';
export { CitationRegistry, toCitations } from './citations.js';
export { splitBlocks, blockKey } from './blocks.js';
export { estimateTokens } from './tokens.js';
