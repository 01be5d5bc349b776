import { Hono } from 'hono';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { createClient } from '@spideriq/client';
import { createSpiderIQMcpServer } from '@spideriq/mcp';
import type { AppEnv } from '../app.js';
import type { Runtime } from '../runtime.js';
import { authenticate } from '../http/authenticate.js';
import { ApiError } from '../http/errors.js';

/**
 * `/mcp`: the SpiderIQ MCP server over Streamable HTTP, for agents that reach tools over the network.
 * Stateless: every POST gets a fresh MCP server whose API client carries the caller's own Bearer token
 * and calls this app in-process (`dispatch`), so the tools see exactly what the REST API would show that
 * client, under the same auth and rate limits, without a network round trip. The SDK's DNS-rebinding
 * protection checks the Host header against `config.mcpAllowedHosts`.
 */
export function mcpRoutes(runtime: Runtime, dispatch: (request: Request) => Response | Promise<Response>): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const auth = authenticate(runtime);
  const baseUrl = runtime.config.publicUrl;
  const allowedHosts = runtime.config.mcpAllowedHosts;

  routes.all('/', auth, async (c) => {
    // `authenticate` accepted the header, so it is a well-formed `Bearer <token>`.
    const token = /^Bearer\s+(\S+)/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (token === undefined) throw new ApiError(401, 'Not authenticated');
    const client = createClient({ baseUrl, token, fetch: (request) => dispatchAbortable(dispatch, request) });
    const server = createSpiderIQMcpServer({ client });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableDnsRebindingProtection: true,
      allowedHosts,
    });
    await server.connect(transport);
    const answer = await transport.handleRequest(c.req.raw);
    const headers = new Headers(answer.headers);
    for (const [name, value] of Object.entries(c.get('headers'))) headers.set(name, value);
    // Stateless: the server lives as long as its one answer. Close it when the body ends or the caller leaves.
    const close = () => void server.close().catch(() => undefined);
    c.req.raw.signal.addEventListener('abort', close, { once: true });
    const body = answer.body?.pipeThrough(new TransformStream({ flush: close })) ?? null;
    if (body === null) close();
    return new Response(body, { status: answer.status, statusText: answer.statusText, headers });
  });
  return routes;
}

/**
 * Calls the app in-process and makes the answer honour the request's AbortSignal, as a real connection
 * would: Hono's streams never see the in-process request's signal, so without this an aborted wait on the
 * event stream would hang until the job ended.
 */
async function dispatchAbortable(dispatch: (request: Request) => Response | Promise<Response>, request: Request): Promise<Response> {
  const answer = await dispatch(request);
  if (answer.body === null) return answer;
  const body = answer.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>(), { signal: request.signal });
  return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
}
