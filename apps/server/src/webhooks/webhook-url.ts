import { checkUrl, FetchError } from '@spideriq/site';
import type { Resolver } from '@spideriq/site';
import { ApiError } from '../http/errors.js';

/**
 * Refuses at submit a webhook URL the sender would refuse (private, loopback, link-local and cloud-metadata
 * addresses, literal or resolved): the crawler's own SSRF guard, so a webhook cannot reach what a crawl
 * cannot. Answers 422 at `body.webhook_url`. With private networks allowed there is nothing left to refuse
 * (scheme and credentials are the schema's), so no DNS query is made at submit; every attempt is checked again.
 */
export async function checkWebhookUrl(url: string, options: { allowPrivateNetworks: boolean; resolver: Resolver }): Promise<void> {
  if (options.allowPrivateNetworks) return;
  try {
    await checkUrl(url, options);
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    const msg = error.message.replace(/^Refused /, 'Refused webhook URL ').replace(/^Could not resolve/, 'Could not resolve the webhook host');
    throw new ApiError(422, [{ loc: ['body', 'webhook_url'], msg, type: error.code }]);
  }
}
