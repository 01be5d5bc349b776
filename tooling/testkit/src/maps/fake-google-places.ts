import type { GooglePlace } from '@spideriq/maps';
import { BOSTON_RESTAURANTS, FIORELLA_DETAILS } from './fixtures/google-places.js';
import { startFakeServer, type FakeReply, type RecordedRequest, type RunningFake } from './fake-server.js';

/** Options of the fake Places API (New). */
export interface FakeGooglePlacesOptions {
  /** The only key it accepts; anything else gets the real 400 API_KEY_INVALID. Default `TEST_KEY`. */
  apiKey?: string;
  /** Places the search returns (at most 60, `pageSize` per page). Default: 60 Boston restaurants (§6.1). */
  places?: GooglePlace[] | ((textQuery: string) => GooglePlace[]);
  /** Extra fields Place Details adds per id (reviews, photos). Default: §6.2 for the first place. */
  details?: Record<string, GooglePlace>;
  /** Answers a request before the normal behaviour when it returns a reply (errors, quotas, outages). */
  intercept?: (request: RecordedRequest, index: number) => FakeReply | undefined;
}

/** A Google API error body (`google.rpc.Status`, maps-providers.md §1.6 and §6.3). */
export function googleError(code: number, status: string, message: string, reason?: string): FakeReply {
  const details = reason
    ? [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com', metadata: { service: 'places.googleapis.com' } }]
    : undefined;
  return { status: code, body: { error: { code, message, status, ...(details ? { details } : {}) } } };
}

/** The real answer to a bad key (§6.3). */
export const API_KEY_INVALID_REPLY = googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', 'API_KEY_INVALID');

/** Keeps only the fields named in the mask, as Google does. `prefix` is `places.` for Text Search. */
function applyMask(place: GooglePlace, fields: Set<string>, prefix: string): GooglePlace {
  if (fields.has('*') || fields.has(`${prefix}*`)) return place;
  const masked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(place)) {
    if (fields.has(`${prefix}${key}`)) masked[key] = value;
  }
  return masked as GooglePlace;
}

function encodeToken(offset: number, signature: string): string {
  return Buffer.from(JSON.stringify({ offset, signature })).toString('base64url');
}

function decodeToken(token: string): { offset: number; signature: string } | null {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown; signature?: unknown };
    return typeof value.offset === 'number' && typeof value.signature === 'string' ? { offset: value.offset, signature: value.signature } : null;
  } catch {
    return null;
  }
}

/**
 * Starts a fake Places API (New) on 127.0.0.1 speaking the real protocol: `POST /v1/places:searchText`
 * and `GET /v1/places/{id}`, the key check, the mandatory field mask (and masking of the answer),
 * `pageSize`/`pageToken` pagination capped at 60, and Google's error bodies.
 */
export function startFakeGooglePlaces(options: FakeGooglePlacesOptions = {}): Promise<RunningFake> {
  const apiKey = options.apiKey ?? 'TEST_KEY';
  const details = options.details ?? { [FIORELLA_DETAILS.id as string]: FIORELLA_DETAILS };
  let index = 0;
  return startFakeServer((request) => {
    const intercepted = options.intercept?.(request, index);
    index += 1;
    if (intercepted) return intercepted;
    if (request.headers['x-goog-api-key'] !== apiKey) return API_KEY_INVALID_REPLY;
    const mask = request.headers['x-goog-fieldmask'];
    if (!mask) {
      return googleError(400, 'INVALID_ARGUMENT', 'FieldMask is a required parameter. See https://cloud.google.com/apis/docs/system-parameters on how to provide it. As an example, you can set the header \'X-Goog-FieldMask\' to value \'places.displayName\', \'places.id\' to ask for the display name and the place ID of a place. You can also set the value to \'*\' in manual testing to get all the available response fields.');
    }
    const fields = new Set(mask.split(',').map((f) => f.trim()));
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'POST' && path === '/v1/places:searchText') {
      let body: { textQuery?: string; pageSize?: number; pageToken?: string; [key: string]: unknown };
      try {
        body = JSON.parse(request.body) as typeof body;
      } catch {
        return googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
      }
      if (!body.textQuery) return googleError(400, 'INVALID_ARGUMENT', 'Missing required parameter: text_query.');
      const pageSize = body.pageSize ?? 20;
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 20) return googleError(400, 'INVALID_ARGUMENT', 'page_size must be between 1 and 20.');
      const { pageToken, ...rest } = body;
      const signature = JSON.stringify(rest);
      let offset = 0;
      if (pageToken !== undefined) {
        const token = decodeToken(pageToken);
        if (!token || token.signature !== signature) {
          return googleError(400, 'INVALID_ARGUMENT', 'The provided page_token is invalid or the request parameters differ from the original request.');
        }
        offset = token.offset;
      }
      const all = (typeof options.places === 'function' ? options.places(body.textQuery) : (options.places ?? BOSTON_RESTAURANTS)).slice(0, 60);
      const page = all.slice(offset, offset + pageSize);
      const next = offset + pageSize < all.length ? encodeToken(offset + pageSize, signature) : undefined;
      const answer: Record<string, unknown> = {};
      if (page.length > 0) answer.places = page.map((p) => applyMask(p, fields, 'places.'));
      if (next && fields.has('nextPageToken')) answer.nextPageToken = next;
      return { status: 200, body: answer };
    }
    const detailsMatch = /^\/v1\/places\/([^/:]+)$/.exec(path);
    if (request.method === 'GET' && detailsMatch) {
      const id = decodeURIComponent(detailsMatch[1] ?? '');
      const pool = typeof options.places === 'function' ? [] : (options.places ?? BOSTON_RESTAURANTS);
      const base = pool.find((p) => p.id === id) ?? details[id];
      if (!base) return googleError(404, 'NOT_FOUND', `Place '${id}' not found.`);
      return { status: 200, body: applyMask({ ...base, ...details[id] }, fields, '') };
    }
    return googleError(404, 'NOT_FOUND', `Method not found: ${request.method} ${path}`);
  });
}
