import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

const mcpRoot = fileURLToPath(new URL('../../../mcp/', import.meta.url));
/** The stdio binary, as `spideriq-mcp` runs it. */
export const MCP_MAIN = join(mcpRoot, 'dist/main.js');

const newest = (dir: string): number =>
  Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));

/** Builds `apps/mcp` when its dist is older than its sources (turbo builds it first; a direct vitest run may not). */
export function ensureMcpBuilt(): void {
  let built = 0;
  try {
    built = statSync(MCP_MAIN).mtimeMs;
  } catch {
    built = 0;
  }
  if (built < newest(join(mcpRoot, 'src'))) execFileSync('pnpm', ['run', 'build'], { cwd: mcpRoot, stdio: 'inherit' });
}

/** An MCP client (the SDK's own) connected to the server's `/mcp` over Streamable HTTP. */
export async function httpMcpClient(serverUrl: string, token: string): Promise<Client> {
  const client = new Client({ name: 'spideriq-test', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', serverUrl), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

/** An MCP client connected to `node apps/mcp/dist/main.js` over stdio. */
export async function stdioMcpClient(apiUrl: string, token: string): Promise<Client> {
  const client = new Client({ name: 'spideriq-test', version: '0.0.0' });
  const env = { PATH: process.env['PATH'] ?? '', SPIDERIQ_API_URL: apiUrl, SPIDERIQ_TOKEN: token };
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [MCP_MAIN], env, stderr: 'pipe' }));
  return client;
}

/** Calls a tool and returns its result with the text parts joined. */
export async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult & { text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
  return { ...result, text };
}
