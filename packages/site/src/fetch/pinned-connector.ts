import { buildConnector } from 'undici';
import { FetchError } from './fetch-error.js';

/** undici's socket factory. Injected in tests to record (and prove the absence of) connection attempts. */
export type Connector = buildConnector.connector;

/** The default connector: plain TCP/TLS sockets with undici's usual options. */
export function defaultConnector(): Connector {
  return buildConnector({});
}

/**
 * Wraps a connector so it only ever dials an address the SSRF guard checked for that hostname.
 * The hostname keeps travelling as the TLS servername (SNI and certificate checks still use the name),
 * while the TCP connection goes to the pinned IP: a DNS answer that changes after the check is never used.
 */
export function pinnedConnector(inner: Connector, pins: ReadonlyMap<string, string>): Connector {
  return (options, callback) => {
    const hostname = options.hostname.startsWith('[') ? options.hostname.slice(1, -1) : options.hostname;
    const address = pins.get(hostname);
    if (address === undefined) {
      callback(
        new FetchError(`Refused to connect to ${hostname}: it was not checked by the SSRF guard`, {
          code: 'blocked_url',
          url: `${options.protocol}//${hostname}`,
        }),
        null,
      );
      return;
    }
    const servername = options.servername ?? (hostname === address ? undefined : hostname);
    inner({ ...options, hostname: address, ...(servername ? { servername } : {}) }, callback);
  };
}
