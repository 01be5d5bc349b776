import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { components } from '@spideriq/schema';
import type { SeedExample } from '@spideriq/schema/examples';
import { fixNullableRefs } from './nullable-refs.js';
import { coreOperations, TAGS } from './operations.js';
import { ERROR_RESPONSES, RATE_LIMIT_HEADERS, RETRY_AFTER_HEADER } from './responses.js';
import { schemaDefinitions } from './schemas.js';

/** What the document needs from outside: the published version and the seed contract's examples. */
export interface OpenApiInput {
  /** `version` of packages/schema/package.json: the contract's version. */
  version: string;
  /** The seven example responses of the seed, used as named examples of `getJobResults`. */
  seedExamples: readonly SeedExample[];
}

/** A generated OpenAPI 3.1 document (plain JSON). */
export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

const DESCRIPTION = `An open-source, self-hostable implementation of the SpiderIQ web-intelligence API.

Submit a job (\`spiderSite\` crawls a website for contacts, social profiles and a markdown compendium; \`spiderMaps\` searches business listings), then poll \`/jobs/{job_id}/results\` (202 while running, 200 when done, 410 when it failed or was cancelled) or follow the server-sent event stream.

Every GET takes \`?format=json|yaml|md\`: YAML has the JSON's shape without null fields and costs fewer tokens; Markdown is for people and agents.

Authenticated requests are rate limited per client (100 per minute, burst 20 by default); the \`X-RateLimit-*\` headers report the budget and a 429 carries \`Retry-After\`.

This document is generated from the zod models in \`@spideriq/schema\`; do not edit it by hand.`;

const BEARER_DESCRIPTION = `A three-part token \`client_id:api_key:api_secret\`, sent as \`Authorization: Bearer cli_…:sk_…:secret_…\`.

- \`client_id\`: \`cli_\` and 15 or more characters; public, it names the client.
- \`api_key\`: \`sk_\` and hex; secret.
- \`api_secret\`: \`secret_\` and hex; secret.

Credentials are shown once, when the client is created (\`pnpm admin\`); the server stores only hashes of the key and secret. A missing or malformed token gives 401, a disabled client 403. The event stream cannot send headers, so it takes the same token as \`?token=\`.`;

/**
 * Builds the OpenAPI 3.1 document from the zod models: every model of `components` by its name, the
 * core operations, shared headers and error responses, and the two security schemes.
 */
export function buildOpenApiDocument(input: OpenApiInput): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'cli_…:sk_…:secret_…', description: BEARER_DESCRIPTION });
  registry.registerComponent('securitySchemes', 'sseToken', {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description: 'The same three-part token as `bearerAuth`, in the query string: only for the event stream, because EventSource cannot send headers.',
  });
  for (const [name, header] of Object.entries(RATE_LIMIT_HEADERS)) registry.registerComponent('headers', name, header);
  registry.registerComponent('headers', 'Retry-After', RETRY_AFTER_HEADER);
  for (const [name, response] of Object.entries(ERROR_RESPONSES)) registry.registerComponent('responses', name, response as never);
  for (const route of coreOperations(input.seedExamples)) registry.registerPath(route);

  const generator = new OpenApiGeneratorV31([...schemaDefinitions(components), ...registry.definitions]);
  const document = generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'SpiderIQ API (open source)',
      version: input.version,
      description: DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:8080', description: 'A local server (`pnpm start`).' }],
    tags: TAGS.map((tag) => ({ ...tag })),
    security: [{ bearerAuth: [] }],
  });
  return fixNullableRefs(document);
}
