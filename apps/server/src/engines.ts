import { MapsDataSchema, SiteDataSchema } from '@spideriq/schema';
import { createAnalyser } from '@spideriq/intel';
import { createMapsHandler } from '@spideriq/maps';
import { createSiteHandler } from '@spideriq/site';
import type { RegisterEngines } from './runtime.js';
import { VERSION } from './runtime.js';

/** The real engines: SpiderSite (with the intelligence engine for its AI fields) and SpiderMaps, configured from the server config. */
export const registerEngines: RegisterEngines = (registry, config) => {
  const site = createSiteHandler({
    version: VERSION,
    publicUrl: config.publicUrl,
    allowPrivateNetworks: config.allowPrivateNetworks,
    chromiumPath: config.chromiumPath,
    pageThreads: config.pageThreads,
    // A process that runs jobs loads the page threads at start-up, not during its first crawl.
    startPageThreads: config.role !== 'api',
    analyse: createAnalyser(config.intel),
  });
  registry.register(site, SiteDataSchema);
  registry.register(
    createMapsHandler({
      provider: config.maps.provider,
      googleApiKey: config.maps.googleApiKey,
      googleBaseUrl: config.maps.googleBaseUrl,
      nominatimUrl: config.maps.nominatimUrl,
      overpassUrl: config.maps.overpassUrl,
      userAgent: `SpiderIQ/${VERSION} (+${config.publicUrl})`,
    }),
    MapsDataSchema,
  );
  return () => site.close();
};
