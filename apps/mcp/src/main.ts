#!/usr/bin/env node
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createClient } from '@spideriq/client';
import { loadMcpConfig } from './config.js';
import { createSpiderIQMcpServer } from './mcp-server.js';

/*
 * `spideriq-mcp`: the MCP server over stdio. stdout carries the protocol, so every word for people goes
 * to stderr.
 */
try {
  const config = loadMcpConfig(process.env);
  const server = createSpiderIQMcpServer({ client: createClient({ baseUrl: config.apiUrl, token: config.token }) });
  await server.connect(new StdioServerTransport());
  process.stderr.write(`spideriq-mcp: serving ${config.apiUrl} over stdio\n`);
} catch (error) {
  process.stderr.write(`spideriq-mcp: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
