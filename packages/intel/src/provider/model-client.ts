import type { JsonSchema } from '../json-schema.js';

/** One chat message. Page text only ever appears in `user` messages (see `buildMessages`). */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * How the answer's shape is asked for, most to least enforced: `json_schema` (`response_format`
 * with the schema), `tool` (a forced function call whose parameters are the schema), `json_object`
 * (JSON mode, the schema in the prompt). `text` is a free-form answer (a custom prompt without schema).
 */
export type StructuredMode = 'json_schema' | 'tool' | 'json_object';

/** One chat-completions request. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  mode: StructuredMode | 'text';
  schema?: JsonSchema;
  schemaName: string;
  strict: boolean;
  temperature?: number;
  maxTokens?: number;
  /** Aborts this request: the feature's timeout and the job's cancellation, combined. */
  signal: AbortSignal;
}

/** Token usage as the endpoint reported it (OpenAI's `usage` object). */
export interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** The answer's raw text (the tool call's arguments in `tool` mode) and its usage. */
export interface ChatReply {
  text: string;
  usage: ChatUsage;
}

/** Why a request failed, as far as the retry and fallback logic cares. */
export type ModelErrorCode = 'timeout' | 'rate_limited' | 'server_error' | 'rejected' | 'network' | 'cancelled';

/** A failed chat-completions request. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  readonly code: ModelErrorCode;
  readonly status: number | null;
  /** Milliseconds the endpoint asked us to wait (429 `Retry-After`), when it said. */
  readonly retryAfterMs: number | null;
  constructor(message: string, options: { code: ModelErrorCode; status?: number | null; retryAfterMs?: number | null; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/**
 * The I/O edge: sends one chat-completions request to an OpenAI-compatible endpoint. Everything
 * above it (fallback, repair, retry, validation, grounding) is provider-independent.
 */
export interface ModelClient {
  /** Identifies the endpoint, for remembering which structured-output mode it accepts. */
  readonly endpoint: string;
  complete(request: ChatRequest): Promise<ChatReply>;
}
