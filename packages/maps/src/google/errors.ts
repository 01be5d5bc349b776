import { JobError } from '@spideriq/jobs/handler';
import type { TransientFailure } from '../http/retry.js';

/** The `google.rpc.Status` error body Google APIs send with a non-2xx status (maps-providers.md §1.6). */
export interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: Array<{ '@type'?: string; reason?: string; metadata?: Record<string, string> }>;
  };
}

/** What an error body says, in the parts the mapping reads (never the message text). */
export interface GoogleErrorInfo {
  httpStatus: number;
  status: string | null;
  reason: string | null;
  message: string | null;
}

/** Reads a Google error response; tolerates a body that is not the documented JSON. */
export async function readGoogleError(response: Response): Promise<GoogleErrorInfo> {
  const text = await response.text().catch(() => '');
  let body: GoogleErrorBody = {};
  try {
    body = JSON.parse(text) as GoogleErrorBody;
  } catch {
    // A proxy or load balancer page: keep the status, quote a little of the text.
  }
  const reason = body.error?.details?.find((d) => typeof d.reason === 'string')?.reason ?? null;
  const message = body.error?.message ?? (text.trim().slice(0, 200) || null);
  return { httpStatus: response.status, status: body.error?.status ?? null, reason, message };
}

const ENV_KEY = 'SPIDERIQ_GOOGLE_PLACES_API_KEY';

/** Hints for `ErrorInfo.reason` values that point at one fix. */
const REASON_HINTS: Record<string, string> = {
  API_KEY_INVALID: `Google Places API rejected the API key (API_KEY_INVALID): check ${ENV_KEY}`,
  API_KEY_EXPIRED: `Google Places API rejected the API key (API_KEY_EXPIRED): renew it and update ${ENV_KEY}`,
  SERVICE_DISABLED: 'Places API (New) is not enabled for the API key\'s project (SERVICE_DISABLED): enable "Places API (New)" in Google Cloud Console',
  API_KEY_SERVICE_BLOCKED: `The API key may not call Places API (New) (API_KEY_SERVICE_BLOCKED): allow "Places API (New)" in the key's API restrictions, or use another key in ${ENV_KEY}`,
  API_KEY_HTTP_REFERRER_BLOCKED: `The API key is restricted to browser referrers (API_KEY_HTTP_REFERRER_BLOCKED): use a server key in ${ENV_KEY}`,
  API_KEY_IP_ADDRESS_BLOCKED: `The API key is restricted to other IP addresses (API_KEY_IP_ADDRESS_BLOCKED): add this server's address to the key or use another key in ${ENV_KEY}`,
  BILLING_DISABLED: 'Billing is disabled for the API key\'s project (BILLING_DISABLED): enable billing in Google Cloud Console',
};

function quote(info: GoogleErrorInfo): string {
  return info.message ? ` Google said: ${info.message}` : '';
}

/**
 * A permanent error (400, 401, 403, 404): the job fails at once, with Google's message and what to
 * fix. Matching is on `status` and `reason`, never on the message, which Google may reword.
 */
export function permanentGoogleError(info: GoogleErrorInfo): JobError {
  const label = [info.status, info.reason].filter(Boolean).join('/') || `HTTP ${info.httpStatus}`;
  const hint = info.reason ? REASON_HINTS[info.reason] : undefined;
  let message: string;
  if (hint) message = `${hint}.${quote(info)}`;
  else if (info.httpStatus === 401 || info.httpStatus === 403) {
    message = `Google Places API refused the request (${label}): check ${ENV_KEY} and that Places API (New) is enabled with billing for its project.${quote(info)}`;
  } else {
    message = `Google Places API rejected the request (${label}).${quote(info)}`;
  }
  return new JobError(message, { code: 'provider_rejected', retryable: false, cause: info });
}

/** The error after 429/5xx/connection failures outlasted the retry policy. */
export async function exhaustedGoogleError(failure: TransientFailure, baseUrl: string): Promise<JobError> {
  if (failure.kind === 'network') {
    const cause = failure.error instanceof Error ? failure.error.message : String(failure.error);
    return new JobError(
      `Could not reach Google Places API at ${baseUrl} after ${failure.attempts} attempts (${cause}): check SPIDERIQ_GOOGLE_PLACES_BASE_URL and the server's network.`,
      { code: 'provider_unavailable', retryable: false, cause: failure.error },
    );
  }
  const info = await readGoogleError(failure.response);
  const label = [info.status, info.reason].filter(Boolean).join('/') || `HTTP ${info.httpStatus}`;
  const message =
    info.httpStatus === 429
      ? `Google Places API quota exceeded (${label}) after ${failure.attempts} attempts: raise the Places API (New) quota in Google Cloud Console or retry later.${quote(info)}`
      : `Google Places API is unavailable (HTTP ${info.httpStatus}${info.status ? ` ${info.status}` : ''}) after ${failure.attempts} attempts: retry later.${quote(info)}`;
  return new JobError(message, { code: 'provider_unavailable', retryable: false, cause: info });
}
