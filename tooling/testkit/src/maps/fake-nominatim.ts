import type { NominatimPlace } from '@spideriq/maps';
import { NOMINATIM_PLACES } from './fixtures/osm.js';
import { startFakeServer, type FakeReply, type RecordedRequest, type RunningFake } from './fake-server.js';

/** Options of the fake Nominatim. */
export interface FakeNominatimOptions {
  /** Answers by lower-cased `q`; an unknown place gets `[]`. Default: Boston, Austin, Berlin (§6.4). */
  places?: Record<string, NominatimPlace[]>;
  /** Answers a request before the normal behaviour when it returns a reply. */
  intercept?: (request: RecordedRequest, index: number) => FakeReply | undefined;
}

/** User-Agents the public instance refuses as not identifying the application. */
const GENERIC_AGENTS = /^(node|undici|axios|python-requests|curl|got)\b/i;

/**
 * Starts a fake Nominatim on 127.0.0.1: `GET /search?q=…&format=jsonv2` answers a JSON array, like the
 * real one; a missing or generic User-Agent gets 403, as the usage policy says.
 */
export function startFakeNominatim(options: FakeNominatimOptions = {}): Promise<RunningFake> {
  const places = options.places ?? NOMINATIM_PLACES;
  let index = 0;
  return startFakeServer((request) => {
    const intercepted = options.intercept?.(request, index);
    index += 1;
    if (intercepted) return intercepted;
    const agent = request.headers['user-agent'] ?? '';
    if (agent === '' || GENERIC_AGENTS.test(agent)) {
      return { status: 403, body: 'Access blocked: provide a valid User-Agent identifying your application (see https://operations.osmfoundation.org/policies/nominatim/).' };
    }
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname !== '/search') return { status: 404, body: 'Not found' };
    const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
    const limit = Number(url.searchParams.get('limit') ?? '10');
    return { status: 200, body: (places[q] ?? []).slice(0, limit) };
  });
}
