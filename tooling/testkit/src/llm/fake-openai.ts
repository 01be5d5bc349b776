import type { IncomingHttpHeaders } from 'node:http';
import { readBody, startLocalServer } from '../local-server.js';

/** A chat-completions request as the fake received it. */
export interface FakeRequest {
  headers: IncomingHttpHeaders;
  body: {
    model?: string;
    messages?: Array<{ role: string; content: unknown }>;
    response_format?: { type: string; json_schema?: { name?: string; schema?: Record<string, unknown>; strict?: boolean } };
    tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean } }>;
    tool_choice?: unknown;
    temperature?: number;
    max_tokens?: number;
    [key: string]: unknown;
  };
  /** `json_schema`, `tool`, `json_object` or `text`: how the request asked for structure. */
  mode: 'json_schema' | 'tool' | 'json_object' | 'text';
  /** Top-level property names of the answer schema, wherever the request carried it. */
  schemaKeys: string[];
}

/** What the fake sends back. */
export type FakeModelReply =
  | { kind: 'answer'; value: unknown; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { kind: 'raw'; text: string; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { kind: 'error'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'hang' };

/** Builders for scripted replies. */
export const reply = {
  /** A valid-looking answer in whatever form the request asked for (content, or a forced tool call). */
  answer: (value: unknown, usage?: { prompt_tokens: number; completion_tokens: number }): FakeModelReply => ({ kind: 'answer', value, ...(usage ? { usage } : {}) }),
  /** Exactly this text as the message content (or tool arguments), e.g. malformed JSON. */
  raw: (text: string): FakeModelReply => ({ kind: 'raw', text }),
  error: (status: number, body?: unknown, headers?: Record<string, string>): FakeModelReply => ({ kind: 'error', status, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) }),
  /** Never answers (until the client gives up). */
  hang: (): FakeModelReply => ({ kind: 'hang' }),
};

/** Options of the fake endpoint. */
export interface FakeModelOptions {
  /** The model id every request must name (other ids get a 404, as OpenAI does). */
  models?: string[];
  /** Bearer token the requests must carry. */
  apiKey?: string;
  /** Refuse `response_format: json_schema` with a 400, like endpoints without structured outputs. */
  rejectJsonSchema?: boolean;
  /** Refuse `tools` with a 400 as well. */
  rejectTools?: boolean;
  /** Decides the reply to each (valid) request. */
  script: (request: FakeRequest, index: number) => FakeModelReply | Promise<FakeModelReply>;
}

/** A running fake. */
export interface FakeModel {
  /** Base URL ending in `/v1`, as `SPIDERIQ_LLM_BASE_URL` expects. */
  url: string;
  /** Every request received, in order (also the refused ones). */
  requests: FakeRequest[];
  /** Problems found in requests: a wrong shape is a bug in the client, not a scripted fault. */
  violations: string[];
  /** Usage reported over all successful replies. */
  reported: { prompt_tokens: number; completion_tokens: number; total_tokens: number; replies: number };
  close(): Promise<void>;
}

function schemaOf(body: FakeRequest['body']): Record<string, unknown> | undefined {
  if (body.response_format?.type === 'json_schema') return body.response_format.json_schema?.schema;
  if (body.tools?.length) return body.tools[0]!.function.parameters;
  const system = body.messages?.find((m) => m.role === 'system')?.content;
  if (typeof system === 'string') {
    const at = system.indexOf('JSON Schema:\n');
    if (at >= 0) {
      try {
        return JSON.parse(system.slice(at + 'JSON Schema:\n'.length).split('\n')[0]!) as Record<string, unknown>;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function check(request: FakeRequest, options: FakeModelOptions): string[] {
  const problems: string[] = [];
  const { body } = request;
  if (!body.model) problems.push('no model');
  if (!Array.isArray(body.messages) || body.messages.length < 2) problems.push('fewer than two messages');
  else {
    if (body.messages[0]!.role !== 'system') problems.push('the first message is not the system message');
    if (!body.messages.some((m) => m.role === 'user')) problems.push('no user message');
  }
  if (request.mode === 'json_schema') {
    const js = body.response_format?.json_schema;
    if (!js?.name || !js.schema || typeof js.schema !== 'object') problems.push('json_schema without a name or a schema');
  }
  if (request.mode === 'tool') {
    const choice = body.tool_choice as { type?: string; function?: { name?: string } } | undefined;
    if (choice?.type !== 'function' || choice.function?.name !== body.tools?.[0]?.function.name) problems.push('the answer tool is not forced');
    if (!body.tools?.[0]?.function.parameters) problems.push('the tool has no parameters schema');
  }
  if (request.mode === 'json_object' && request.schemaKeys.length === 0) problems.push('json_object without the schema in the system message');
  if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) problems.push('missing or wrong Authorization');
  return problems;
}

/**
 * A local OpenAI-compatible chat-completions endpoint on 127.0.0.1 for tests and benchmarks. It checks
 * each request's shape (model, messages, the json_schema response format or the forced tool) and
 * answers from a script: valid answers, malformed or schema-violating JSON, 429 with Retry-After, 500,
 * hangs, and (with `rejectJsonSchema`) the 400 of an endpoint without structured outputs.
 */
export async function startFakeModel(options: FakeModelOptions): Promise<FakeModel> {
  const requests: FakeRequest[] = [];
  const violations: string[] = [];
  const reported = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, replies: 0 };
  const server = await startLocalServer(async (req, res) => {
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    const raw = await readBody(req);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(404, { error: { message: `no route ${req.method} ${req.url}` } });
    let body: FakeRequest['body'];
    try {
      body = JSON.parse(raw) as FakeRequest['body'];
    } catch {
      violations.push('request body is not JSON');
      return send(400, { error: { message: 'invalid JSON body' } });
    }
    const mode: FakeRequest['mode'] =
      body.response_format?.type === 'json_schema' ? 'json_schema' : body.tools?.length ? 'tool' : body.response_format?.type === 'json_object' ? 'json_object' : 'text';
    const schema = schemaOf(body);
    const request: FakeRequest = { headers: req.headers, body, mode, schemaKeys: Object.keys((schema?.properties as object | undefined) ?? {}) };
    const index = requests.push(request) - 1;
    if (options.rejectJsonSchema && mode === 'json_schema') {
      return send(400, { error: { message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.", type: 'invalid_request_error' } });
    }
    if (options.rejectTools && mode === 'tool') return send(400, { error: { message: 'tools are not supported by this model', type: 'invalid_request_error' } });
    for (const problem of check(request, options)) violations.push(`request ${index}: ${problem}`);
    if (options.models && !options.models.includes(body.model ?? '')) return send(404, { error: { message: `The model '${body.model}' does not exist` } });
    const scripted = await options.script(request, index);
    if (scripted.kind === 'hang') {
      // Holds the request until the client gives up (or the fake closes, which drops the connection).
      await new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
      return;
    }
    if (scripted.kind === 'error') return send(scripted.status, scripted.body ?? { error: { message: `scripted ${scripted.status}` } }, scripted.headers);
    const text = scripted.kind === 'raw' ? scripted.text : JSON.stringify(scripted.value);
    const usage = scripted.usage ?? { prompt_tokens: 100 + index, completion_tokens: Math.ceil(text.length / 4) };
    const total = usage.prompt_tokens + usage.completion_tokens;
    reported.prompt_tokens += usage.prompt_tokens;
    reported.completion_tokens += usage.completion_tokens;
    reported.total_tokens += total;
    reported.replies += 1;
    const message =
      mode === 'tool'
        ? { role: 'assistant', content: null, tool_calls: [{ id: `call_${index}`, type: 'function', function: { name: body.tools![0]!.function.name, arguments: text } }] }
        : { role: 'assistant', content: text };
    send(200, {
      id: `chatcmpl-${index}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message, finish_reason: mode === 'tool' ? 'tool_calls' : 'stop' }],
      usage: { ...usage, total_tokens: total },
    });
  });
  return { url: `${server.origin}/v1`, requests, violations, reported, close: server.close };
}

/** The system and user message texts of a request, for prompt assertions. */
export function messagesOf(request: FakeRequest): { system: string; user: string } {
  const text = (role: string) =>
    (request.body.messages ?? [])
      .filter((m) => m.role === role)
      .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
      .join('\n');
  return { system: text('system'), user: text('user') };
}
