import type { OverpassElement } from '@spideriq/maps';
import { OSM_POIS, type FakeOsmPoi } from './fixtures/osm.js';
import { startFakeServer, type FakeReply, type RecordedRequest, type RunningFake } from './fake-server.js';

/** Options of the fake Overpass API. */
export interface FakeOverpassOptions {
  /** The POI database. Default: restaurants in Boston, plumbers in Austin, dentists in Berlin (§6.5). */
  pois?: FakeOsmPoi[];
  /** When set, every query answers HTTP 200 with this `remark` and no elements (§6.5 timeout). */
  remark?: string;
  /** Answers a request before the normal behaviour when it returns a reply. */
  intercept?: (request: RecordedRequest, index: number) => FakeReply | undefined;
}

/** The Overpass QL a recorded request carried (form field `data`). */
export function overpassQueryOf(request: RecordedRequest): string {
  return new URLSearchParams(request.body).get('data') ?? '';
}

const HEADER = {
  version: 0.6,
  generator: 'Overpass API 0.7.62.5 1bd436f1',
  osm3s: {
    timestamp_osm_base: '2026-03-09T14:21:05Z',
    timestamp_areas_base: '2026-03-09T13:40:12Z',
    copyright: 'The data included in this document is from www.openstreetmap.org. The data is made available under ODbL.',
  },
};

interface Condition {
  key: string;
  op: '=' | '~' | 'exists';
  value: string;
}

function unquote(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

function conditionsOf(statement: string): Condition[] {
  const conditions: Condition[] = [];
  for (const m of statement.matchAll(/\["((?:[^"\\]|\\.)*)"(?:(=|~)"((?:[^"\\]|\\.)*)"(?:,i)?)?\]/g)) {
    conditions.push({ key: unquote(m[1] ?? ''), op: (m[2] as '=' | '~' | undefined) ?? 'exists', value: unquote(m[3] ?? '') });
  }
  return conditions;
}

function matches(tags: Record<string, string>, conditions: Condition[]): boolean {
  return conditions.every((c) => {
    const value = tags[c.key];
    if (value === undefined) return false;
    if (c.op === 'exists') return true;
    if (c.op === '=') return value === c.value;
    return new RegExp(c.value, 'i').test(value);
  });
}

/**
 * Evaluates the subset of Overpass QL the engine writes: `area(id:N)->.a;`, a union of
 * `nwr[...](area.a);` or `nwr[...](s,w,n,e);` statements, and `out center tags N;`.
 */
export function evaluateOverpass(query: string, pois: readonly FakeOsmPoi[]): OverpassElement[] {
  const areaId = Number(/area\(id:(\d+)\)/.exec(query)?.[1] ?? Number.NaN);
  const limit = Number(/out center tags (\d+);/.exec(query)?.[1] ?? Number.POSITIVE_INFINITY);
  const found = new Map<string, OverpassElement>();
  for (const m of query.matchAll(/nwr((?:\[[^\]]*\])+)\(([^)]*)\);/g)) {
    const conditions = conditionsOf(m[1] ?? '');
    const scope = m[2] ?? '';
    for (const poi of pois) {
      const { element } = poi;
      if (scope === 'area.a') {
        if (poi.areaId !== areaId) continue;
      } else {
        const [s, w, n, e] = scope.split(',').map(Number);
        const lat = element.lat ?? element.center?.lat ?? Number.NaN;
        const lon = element.lon ?? element.center?.lon ?? Number.NaN;
        if (!(lat >= (s ?? 0) && lat <= (n ?? 0) && lon >= (w ?? 0) && lon <= (e ?? 0))) continue;
      }
      if (matches(element.tags ?? {}, conditions)) found.set(`${element.type}/${element.id}`, element);
    }
  }
  return [...found.values()].sort((a, b) => a.id - b.id).slice(0, limit);
}

/**
 * Starts a fake Overpass API on 127.0.0.1: `POST /api/interpreter` with a form-encoded `data=` query,
 * answering `[out:json]` like the real server, including the HTTP 200 `remark` runtime error.
 * Its `url` is the server root; pass `${url}/api/interpreter` as the Overpass URL.
 */
export function startFakeOverpass(options: FakeOverpassOptions = {}): Promise<RunningFake> {
  const pois = options.pois ?? OSM_POIS;
  let index = 0;
  return startFakeServer((request) => {
    const intercepted = options.intercept?.(request, index);
    index += 1;
    if (intercepted) return intercepted;
    if (request.url !== '/api/interpreter' || request.method !== 'POST') return { status: 404, body: 'Not found' };
    const query = overpassQueryOf(request);
    if (!query.includes('[out:json]')) return { status: 400, body: '<html><body><p>Error: line 1: parse error: Unknown type "data"</p></body></html>' };
    if (options.remark !== undefined) return { status: 200, body: { ...HEADER, elements: [], remark: options.remark } };
    return { status: 200, body: { ...HEADER, elements: evaluateOverpass(query, pois) } };
  });
}
