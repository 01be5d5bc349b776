import { Agent, request } from 'undici';
import type { Dispatcher } from 'undici';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import type { Transform } from 'node:stream';
import { FetchError } from './fetch-error.js';
import { defaultConnector, pinnedConnector } from './pinned-connector.js';
import type { Connector } from './pinned-connector.js';
import { parseRetryAfter, sleep } from '@spideriq/schema/http';
import { backoffDelay } from './backoff.js';
import { checkUrl } from './ssrf-guard.js';
import { systemResolver } from './resolver.js';
import type { Resolver } from './resolver.js';

/** 10 MiB: the largest (decompressed) body the crawler reads; larger pages fail with `too_large`. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** How an `HttpClient` behaves; one client serves one job. */
export interface HttpClientOptions {
  userAgent: string;
  allowPrivateNetworks: boolean;
  resolver?: Resolver;
  connector?: Connector;
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** Extra attempts after the first on 429, 5xx and connection errors. */
  retries?: number;
  retryBaseMs?: number;
  /** A `Retry-After` longer than this is not waited for; the response is returned as it is. */
  maxRetryAfterMs?: number;
  /** Sockets per origin kept by the connection pool. */
  connectionsPerOrigin?: number;
}

/** Per-request settings. */
export interface FetchOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  accept?: string;
}

/** A completed HTTP exchange after redirects and retries. Non-2xx statuses are results, not errors. */
export interface FetchResult {
  requestedUrl: string;
  /** The URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  contentType: string;
  /** Decompressed body bytes. */
  body: Buffer;
  /** Bytes as they came over the wire (before decompression). */
  wireBytes: number;
  redirects: string[];
  attempts: number;
  timeMs: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function decoderFor(encoding: string, firstByte: number | undefined): Transform | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      // Servers disagree on whether "deflate" means zlib-wrapped or raw; a zlib header starts 0x78.
      return firstByte === 0x78 ? createInflate() : createInflateRaw();
    default:
      return null;
  }
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501 && status !== 505);
}


/**
 * The crawler's HTTP client: undici with an SSRF check on every hop, connections pinned to the checked
 * address, redirects followed by hand, decompression with a size cap (a zip bomb stops at the cap),
 * and retries with backoff on 429/5xx that honour `Retry-After`.
 */
export class HttpClient {
  readonly #options: Required<Omit<HttpClientOptions, 'connector' | 'resolver'>> & { resolver: Resolver };
  readonly #pins = new Map<string, string>();
  readonly #agent: Agent;

  constructor(options: HttpClientOptions) {
    this.#options = {
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      maxRedirects: 10,
      retries: 2,
      retryBaseMs: 500,
      maxRetryAfterMs: 30_000,
      connectionsPerOrigin: 8,
      ...options,
      resolver: options.resolver ?? systemResolver,
    };
    this.#agent = new Agent({
      connect: pinnedConnector(options.connector ?? defaultConnector(), this.#pins),
      connections: this.#options.connectionsPerOrigin,
      keepAliveTimeout: 4_000,
    });
  }

  /** Fetches a URL, following redirects (each hop re-checked) and retrying transient failures. */
  async fetch(rawUrl: string, options: FetchOptions): Promise<FetchResult> {
    const started = performance.now();
    const redirects: string[] = [];
    let current = rawUrl;
    let attempts = 0;
    for (;;) {
      const target = await checkUrl(current, {
        resolver: this.#options.resolver,
        allowPrivateNetworks: this.#options.allowPrivateNetworks,
      });
      this.#pins.set(target.hostname, target.address.address);
      const { response, tries } = await this.#withRetries(target.url.href, options);
      attempts += tries;
      const location = response.headers['location'];
      if (REDIRECTS.has(response.status) && location) {
        if (redirects.length >= this.#options.maxRedirects) {
          throw new FetchError(`Too many redirects starting at ${rawUrl}`, { code: 'too_many_redirects', url: rawUrl });
        }
        let next: URL;
        try {
          next = new URL(location, target.url);
        } catch (cause) {
          throw new FetchError(`Invalid redirect from ${target.url.href}`, { code: 'invalid_url', url: location, cause });
        }
        redirects.push(next.href);
        current = next.href;
        continue;
      }
      return {
        ...response,
        requestedUrl: rawUrl,
        url: target.url.href,
        redirects,
        attempts,
        timeMs: Math.round(performance.now() - started),
      };
    }
  }

  async #withRetries(
    url: string,
    options: FetchOptions,
  ): Promise<{ response: Omit<FetchResult, 'requestedUrl' | 'url' | 'redirects' | 'attempts' | 'timeMs'>; tries: number }> {
    const { retries, retryBaseMs, maxRetryAfterMs } = this.#options;
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await this.#once(url, options);
      } catch (error) {
        const retryable = error instanceof FetchError && error.code === 'network';
        if (!retryable || attempt >= retries) throw error;
        await sleep(backoffDelay(attempt, retryBaseMs, maxRetryAfterMs), options.signal);
        continue;
      }
      if (!isRetryableStatus(response.status) || attempt >= retries) return { response, tries: attempt + 1 };
      const asked = parseRetryAfter(response.headers['retry-after']);
      if (asked !== null && asked > maxRetryAfterMs) return { response, tries: attempt + 1 };
      await sleep(asked ?? backoffDelay(attempt, retryBaseMs, maxRetryAfterMs), options.signal);
    }
  }

  async #once(url: string, options: FetchOptions): Promise<Omit<FetchResult, 'requestedUrl' | 'url' | 'redirects' | 'attempts' | 'timeMs'>> {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, {
        method: 'GET',
        dispatcher: this.#agent,
        signal,
        headers: {
          'user-agent': this.#options.userAgent,
          accept: options.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
        },
      });
    } catch (cause) {
      throw this.#failure(url, cause, options.signal, timeout);
    }
    const headers = flattenHeaders(res.headers);
    if (REDIRECTS.has(res.statusCode)) {
      await res.body.dump();
      return { status: res.statusCode, headers, contentType: headers['content-type'] ?? '', body: Buffer.alloc(0), wireBytes: 0 };
    }
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > this.#options.maxBodyBytes) {
      res.body.destroy();
      throw new FetchError(`Body of ${url} is ${declared} bytes, above the ${this.#options.maxBodyBytes}-byte cap`, {
        code: 'too_large',
        url,
        status: res.statusCode,
      });
    }
    try {
      const { body, wireBytes } = await this.#readBody(res, headers['content-encoding']?.trim().toLowerCase() ?? '', url);
      return { status: res.statusCode, headers, contentType: headers['content-type'] ?? '', body, wireBytes };
    } catch (cause) {
      res.body.destroy();
      if (cause instanceof FetchError) throw cause;
      throw this.#failure(url, cause, options.signal, timeout);
    }
  }

  async #readBody(res: Dispatcher.ResponseData, encoding: string, url: string): Promise<{ body: Buffer; wireBytes: number }> {
    const cap = this.#options.maxBodyBytes;
    const tooLarge = (): FetchError =>
      new FetchError(`Body of ${url} exceeds the ${cap}-byte cap`, { code: 'too_large', url, status: res.statusCode });
    const chunks: Buffer[] = [];
    let size = 0;
    let wireBytes = 0;
    let decoder: Transform | null | undefined;
    const decoded: Buffer[] = [];
    let decodedSize = 0;
    let decoderDone: Promise<void> | null = null;
    for await (const chunk of res.body) {
      const buf = chunk as Buffer;
      wireBytes += buf.byteLength;
      if (decoder === undefined) {
        decoder = decoderFor(encoding, buf[0]);
        if (decoder) {
          const d = decoder;
          decoderDone = new Promise<void>((resolve, reject) => {
            d.on('data', (out: Buffer) => {
              decodedSize += out.byteLength;
              if (decodedSize > cap) d.destroy(tooLarge());
              else decoded.push(out);
            });
            d.on('end', resolve);
            d.on('error', reject);
          });
          decoderDone.catch(() => undefined);
        }
      }
      if (decoder) {
        if (wireBytes > cap) throw tooLarge();
        if (decoder.destroyed) break;
        decoder.write(buf);
      } else {
        size += buf.byteLength;
        if (size > cap) throw tooLarge();
        chunks.push(buf);
      }
    }
    if (decoder && decoderDone) {
      if (!decoder.destroyed) decoder.end();
      await decoderDone;
      return { body: Buffer.concat(decoded), wireBytes };
    }
    return { body: Buffer.concat(chunks), wireBytes };
  }

  #failure(url: string, cause: unknown, jobSignal: AbortSignal | undefined, timeout: AbortSignal): FetchError {
    if (cause instanceof FetchError) return cause;
    if (jobSignal?.aborted) return new FetchError(`Fetch of ${url} was aborted`, { code: 'aborted', url, cause });
    if (timeout.aborted) return new FetchError(`Fetch of ${url} timed out`, { code: 'timeout', url, cause });
    // The pinned connector reports policy refusals as FetchError causes inside undici's error.
    const inner = (cause as { cause?: unknown } | null)?.cause;
    if (inner instanceof FetchError) return inner;
    const message = cause instanceof Error ? cause.message : String(cause);
    return new FetchError(`Could not fetch ${url}: ${message}`, { code: 'network', url, cause });
  }

  /** Closes pooled connections; call when the job ends. */
  async close(): Promise<void> {
    await this.#agent.close();
  }
}
