export { startLocalServer, readBody, staticSite } from './local-server.js';
export type { LocalServer, LocalHandler, Pages } from './local-server.js';
export { SITES_DIR, listFixtureSites, loadFixtureSite, pathForFile } from './fixture-sites.js';
export type { ExpectedFields, FixtureSite } from './fixture-sites.js';
export { serveFixtureSite } from './serve-fixture-site.js';
export type { ServedFixtureSite } from './serve-fixture-site.js';
export * from './maps/index.js';
