import { Agent, request } from 'undici';
import { checkUrl, defaultConnector, pinnedConnector } from '@spideriq/site';
import type { Resolver } from '@spideriq/site';

/** One POST of a webhook body. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/**
 * Sends a webhook and resolves with the receiver's status code; rejects when no answer came (refused
 * address, DNS, connection, timeout). The dispatcher's only I/O, injected so tests can observe it.
 */
export type WebhookSender = (request: WebhookRequest) => Promise<{ statusCode: number }>;

/** Options of {@link guardedWebhookSender}. */
export interface GuardedSenderOptions {
  allowPrivateNetworks: boolean;
  resolver: Resolver;
  userAgent: string;
}

/**
 * The real sender: every attempt goes through the crawler's SSRF guard again (DNS may have changed since
 * submit) and connects only to the address it checked (pinned, so a DNS rebind between check and connect
 * cannot redirect it). Redirects are not followed: a 3xx is an answer, and not a 2xx.
 */
export function guardedWebhookSender(options: GuardedSenderOptions): WebhookSender {
  return async ({ url, headers, body, timeoutMs }) => {
    const target = await checkUrl(url, { resolver: options.resolver, allowPrivateNetworks: options.allowPrivateNetworks });
    const dispatcher = new Agent({ connect: pinnedConnector(defaultConnector(), new Map([[target.hostname, target.address.address]])) });
    try {
      const answer = await request(target.url, {
        method: 'POST',
        dispatcher,
        headers: { ...headers, 'content-type': 'application/json', 'user-agent': options.userAgent },
        body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await answer.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      return { statusCode: answer.statusCode };
    } finally {
      await dispatcher.close().catch(() => undefined);
    }
  };
}
